import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { ApiError, call } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface Props {
  lang: Lang;
  onLanguage: (l: Lang) => void;
  onDone: (u: SessionUser) => void;
}

interface Values {
  name: string;
  displayName?: string;
  password: string;
  confirm: string;
}

export function SetupAdminPage({ lang, onLanguage, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.setupAdmin', { name: v.name, password: v.password, displayName: v.displayName || undefined }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" style={{ width: 460 }} title={<Space><span className="app-brand-mark">返</span>{t('setup.title')}</Space>} extra={<LanguageSwitch lang={lang} onChange={onLanguage} />}>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="setup-form">
          <Form.Item name="name" label={t('setup.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoFocus autoComplete="username" data-testid="setup-name" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')}>
            <Input data-testid="setup-display" />
          </Form.Item>
          <Form.Item name="password" label={t('setup.password')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
            <Input.Password autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setup.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setup.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
