import { Alert, Button, Descriptions, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamHostView } from '../../../../contract/types';
import { call, hostKind } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';

/** 设置 → 团队: serve this PC's database to the team (the same HTTPS server as `rebate serve`). */
export function TeamPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const loaded = useLoad<TeamHostView>(() => call('team.host.status', {}), 'team');
  const { data: status, setData: setStatus } = loaded;
  const [port, setPort] = useState<number>(8443);
  const { busy, run } = useAction({ toast: true });
  const desktop = hostKind() === 'electron';

  const act = (what: 'start' | 'stop'): Promise<boolean> => run(async () => setStatus(what === 'start' ? await call('team.host.start', { port }) : await call('team.host.stop', {})));

  return (
    <Space orientation="vertical" size={16} style={{ maxWidth: 760 }} data-testid="team-panel">
      <Alert type="info" showIcon title={t('settings.teamIntro')} />
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {!desktop && <Alert type="warning" showIcon title={t('settings.teamDesktopOnly')} />}
      {status?.running ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'url', label: t('settings.teamUrl'), children: <Space orientation="vertical">{status.urls.map((u) => <Typography.Text key={u} copyable data-testid="team-url">{u}</Typography.Text>)}</Space> },
              { key: 'fp', label: t('settings.teamFingerprint'), children: <Typography.Text copyable code data-testid="team-fingerprint">{status.fingerprint}</Typography.Text> },
            ]}
          />
          <Typography.Text type="secondary">{t('settings.teamShare')}</Typography.Text>
          <Button danger loading={busy} onClick={() => void act('stop')} data-testid="team-stop">
            {t('settings.teamStop')}
          </Button>
        </>
      ) : (
        <Space>
          <span>{t('settings.teamPort')}</span>
          <InputNumber min={1} max={65535} value={port} onChange={(v) => setPort(v ?? 8443)} data-testid="team-port" />
          <Button type="primary" disabled={!desktop} loading={busy} onClick={() => void act('start')} data-testid="team-start">
            {t('settings.teamStart')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
