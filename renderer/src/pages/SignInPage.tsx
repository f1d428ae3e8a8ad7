import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { errorText } from '../api/use-load';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface Props {
  lang: Lang;
  onLanguage: (l: Lang) => void;
  onDone: (u: SessionUser) => void;
}

export function SignInPage({ lang, onLanguage, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { name: string; password: string }): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.signIn', v));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" title={<Space><span className="app-brand-mark">返</span>{t('signIn.title')}</Space>} extra={<LanguageSwitch lang={lang} onChange={onLanguage} />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false} data-testid="sign-in-form">
          <Form.Item name="name" label={t('signIn.name')} rules={[{ required: true, message: t('signIn.nameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="sign-in-name" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
