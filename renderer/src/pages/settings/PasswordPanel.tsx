import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAction } from '../../api/use-load';

export function PasswordPanel({ onChanged }: { onChanged?: () => void } = {}): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string }>();
  const { busy, run } = useAction({ toast: true });
  const save = (v: { oldPassword: string; newPassword: string }): Promise<boolean> =>
    run(async () => {
      await call('auth.changePassword', v);
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
      onChanged?.();
    });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 360 }} onFinish={save}>
      <Form.Item name="oldPassword" label={t('settings.oldPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-old" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('settings.newPassword')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="password-save">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
