import { CloudServerOutlined, DesktopOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerCertificateView } from '../../../contract/desktop';
import type { Lang } from '../../../contract/roles';
import { probeServer, restartUi, trustServer, useLocal } from '../api/connection';
import { useAction } from '../api/use-load';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { formatDate } from '../../../domain';

/** A fingerprint in groups of four bytes per line, easy to compare with what IT sent. */
export function FingerprintText({ value, testId }: { value: string; testId: string }): React.JSX.Element {
  const groups = value.split(':');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 8) lines.push(groups.slice(i, i + 8).join(':'));
  return (
    <Space align="start" size={8}>
      <div className="fingerprint" data-testid={testId}>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </div>
      <Typography.Text copyable={{ text: value }} />
    </Space>
  );
}

interface Props {
  lang: Lang;
  onLanguage: (l: Lang) => void;
  /** from 设置 → 团队: a way back without changing anything */
  onCancel?: () => void;
  /** the address to start from (the server trusted before) */
  initialUrl?: string;
}

/**
 * The desktop app's choice (team.md, Clients → Desktop): 单机使用, or 连接团队服务器 with the server's
 * certificate fingerprint shown to be compared once with IT's and pinned (trust on first use).
 */
export function ConnectPage({ lang, onLanguage, onCancel, initialUrl }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { running: busy, error, run } = useAction<'local' | 'probe' | 'trust'>();
  const [presented, setPresented] = useState<ServerCertificateView | null>(null);

  const local = (): Promise<boolean> => run(() => useLocal().then(restartUi), 'local');

  const probe = (v: { url: string }): Promise<boolean> => {
    setPresented(null);
    return run(async () => setPresented(await probeServer(v.url)), 'probe');
  };

  // a pin for this address with another fingerprint is replaced only from the changed-certificate warning
  const trust = async (): Promise<void> => {
    if (presented) await run(() => trustServer(presented.url, presented.fingerprint, false).then(restartUi), 'trust');
  };

  return (
    <div className="auth-page">
      <Card
        className="connect-card"
        style={{ width: 880, maxWidth: '96vw' }}
        title={
          <Space>
            <span className="app-brand-mark">返</span>
            {t('connection.chooseTitle')}
          </Space>
        }
        extra={<LanguageSwitch lang={lang} onChange={onLanguage} />}
        data-testid="connect-page"
      >
        <Typography.Paragraph type="secondary">{t('connection.chooseIntro')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col span={10}>
            <Card size="small" title={<Space><DesktopOutlined />{t('connection.localTitle')}</Space>} style={{ height: '100%' }}>
              <Typography.Paragraph>{t('connection.localText')}</Typography.Paragraph>
              <Button block loading={busy === 'local'} disabled={busy !== null && busy !== 'local'} onClick={() => void local()} data-testid="connect-local">
                {t('connection.localButton')}
              </Button>
            </Card>
          </Col>
          <Col span={14}>
            <Card size="small" title={<Space><CloudServerOutlined />{t('connection.teamTitle')}</Space>} style={{ height: '100%' }}>
              <Typography.Paragraph>{t('connection.teamText')}</Typography.Paragraph>
              <Form layout="vertical" requiredMark={false} onFinish={probe} initialValues={{ url: initialUrl ?? '' }}>
                <Form.Item name="url" label={t('connection.urlLabel')} rules={[{ required: true, whitespace: true, message: t('connection.urlRequired') }]}>
                  <Input placeholder={t('connection.urlPlaceholder')} autoFocus onChange={() => setPresented(null)} data-testid="connect-url" />
                </Form.Item>
                <Button htmlType="submit" loading={busy === 'probe'} disabled={busy === 'trust'} data-testid="connect-check">
                  {t('connection.check')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="connect-error" />}
        {presented && (
          <Card size="small" style={{ marginTop: 16 }} title={<Space><SafetyCertificateOutlined />{t('connection.confirmTitle')}</Space>} data-testid="connect-confirm">
            <Alert type="warning" showIcon title={t('connection.confirmText')} style={{ marginBottom: 12 }} />
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'url', label: t('connection.server'), children: <span data-testid="connect-presented-url">{presented.url}</span> },
                { key: 'fp', label: t('connection.fingerprint'), children: <FingerprintText value={presented.fingerprint} testId="connect-fingerprint" /> },
                { key: 'subject', label: t('connection.subject'), children: presented.subject.replace(/\n/g, ', ') },
                { key: 'to', label: t('connection.validTo'), children: formatDate(new Date(presented.validTo)) },
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" loading={busy === 'trust'} onClick={() => void trust()} data-testid="connect-trust">
                {t('connection.trust')}
              </Button>
              <Button onClick={() => setPresented(null)} disabled={busy === 'trust'}>
                {t('connection.cancel')}
              </Button>
            </Space>
          </Card>
        )}
        {onCancel && (
          <div style={{ marginTop: 16 }}>
            <Button type="link" onClick={onCancel} data-testid="connect-cancel">
              {t('connection.back')}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
