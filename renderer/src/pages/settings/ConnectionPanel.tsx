import { Alert, App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../../contract/desktop';
import { connectionView, restartUi, useLocal } from '../../api/connection';
import { useAction, useLoad } from '../../api/use-load';
import { FingerprintText } from '../ConnectPage';
import { formatDateTime } from '../../../../domain';

/** 设置 → 团队 in the desktop app: what this app talks to, and the switch between the two. */
export function ConnectionPanel({ onChangeConnection }: { onChangeConnection: () => void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data: view, error } = useLoad<ConnectionView | null>(connectionView, 'connection');
  const { run } = useAction({ toast: true });
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!view) return null;
  const team = view.mode === 'team' && view.server;

  const toLocal = (): void => {
    modal.confirm({
      title: t('connection.switchLocalConfirm'),
      content: t('connection.switchLocalText'),
      okText: t('connection.switchLocal'),
      cancelText: t('connection.cancel'),
      onOk: () => run(() => useLocal().then(restartUi)),
    });
  };

  return (
    <Space orientation="vertical" size={12} style={{ maxWidth: 760, width: '100%' }} data-testid="connection-panel">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('connection.panelTitle')}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'mode', label: t('connection.mode'), children: <Tag color={team ? 'blue' : 'default'} data-testid="connection-mode">{team ? t('connection.modeTeam') : t('connection.modeLocal')}</Tag> },
          ...(team
            ? [
                { key: 'url', label: t('connection.server'), children: <Typography.Text copyable data-testid="connection-url">{view.server?.url}</Typography.Text> },
                { key: 'fp', label: t('connection.fingerprint'), children: <FingerprintText value={view.server?.fingerprint ?? ''} testId="connection-fingerprint" /> },
                { key: 'at', label: t('connection.trustedAt'), children: formatDateTime(view.server?.trustedAt ?? null) },
              ]
            : [{ key: 'db', label: t('connection.database'), children: <span className="hash">{view.databasePath}</span> }]),
        ]}
      />
      <Space>
        <Button onClick={onChangeConnection} data-testid="connection-change">
          {team ? t('connection.change') : t('connection.switchTeam')}
        </Button>
        {team && (
          <Button onClick={toLocal} data-testid="connection-local">
            {t('connection.switchLocal')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
