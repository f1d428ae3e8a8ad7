import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import type { SessionUser, TeamEndpoint } from '../../../contract/types';
import { call } from '../api/client';
import { useAction } from '../api/use-load';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface Props {
  lang: Lang;
  onLanguage: (l: Lang) => void;
  onDone: (u: SessionUser) => void;
  /** team mode: the server signed in to (its address and certificate fingerprint) */
  team?: TeamEndpoint | null;
  /** the session ended on the server: say so above the form */
  sessionEnded?: boolean;
  /** the desktop app: back to 单机使用 / 连接团队服务器 */
  onChangeConnection?: () => void;
}

export function SignInPage({ lang, onLanguage, onDone, team, sessionEnded, onChangeConnection }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();

  const submit = (v: { name: string; password: string }): Promise<boolean> => run(async () => onDone(await call('auth.signIn', v)));

  return (
    <div className="auth-page">
      <Card className="auth-card" title={<Space><span className="app-brand-mark">返</span>{t('signIn.title')}</Space>} extra={<LanguageSwitch lang={lang} onChange={onLanguage} />}>
        {team && (
          <div style={{ marginBottom: 16 }} data-testid="sign-in-server">
            <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
              {t('signIn.server')}
            </Typography.Text>
            <Tooltip title={`SHA-256 ${team.fingerprint}`}>
              <Typography.Text>{team.url}</Typography.Text>
            </Tooltip>
            {onChangeConnection && (
              <Button type="link" size="small" onClick={onChangeConnection} data-testid="sign-in-change-connection">
                {t('signIn.changeConnection')}
              </Button>
            )}
          </div>
        )}
        {sessionEnded && <Alert type="info" showIcon title={t('signIn.sessionEnded')} style={{ marginBottom: 16 }} data-testid="sign-in-session-ended" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} data-testid="sign-in-form">
          <Form.Item name="name" label={t('signIn.name')} rules={[{ required: true, message: t('signIn.nameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="sign-in-name" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
