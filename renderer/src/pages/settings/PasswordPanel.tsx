import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/use-load';

export function PasswordPanel({ onChanged }: { onChanged?: () => void } = {}): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string }>();
  const save = async (v: { oldPassword: string; newPassword: string }): Promise<void> => {
    try {
      await call('auth.changePassword', v);
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
      onChanged?.();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 360 }} onFinish={save}>
      <Form.Item name="oldPassword" label={t('settings.oldPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-old" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('settings.newPassword')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="password-save">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
