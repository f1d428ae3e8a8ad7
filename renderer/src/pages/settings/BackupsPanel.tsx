import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contract/roles';
import type { BackupInfo } from '../../../../contract/types';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';
import { backupReasonText } from '../../i18n/keys';
import { formatDateTime } from '../../../../domain';

function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function BackupsPanel(_props: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const backups = useLoad(() => call('backup.list', {}), 'backups');
  const list = backups.data ?? [];
  const load = backups.reload;
  const { busy, run } = useAction({ toast: true });

  const when = (iso: string): string => formatDateTime(iso);

  const create = (): Promise<boolean> =>
    run(async () => {
      const b = await call('backup.create', {});
      void message.success(t('settings.backupCreated', { id: b.id }));
      await load();
    });

  const restore = (b: BackupInfo): void => {
    modal.confirm({
      title: t('settings.restoreConfirmTitle', { id: b.id }),
      content: t('settings.restoreConfirm', { at: when(b.createdAt) }),
      okText: t('settings.restore'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          await call('backup.restore', { id: b.id });
          void message.success(t('settings.restored'));
          await load();
        }),
    });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {backups.error && <Alert type="error" showIcon title={backups.error} />}
      <div>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void create()} data-testid="backup-create">
          {t('settings.createBackup')}
        </Button>
      </div>
      <Table<BackupInfo>
        size="small"
        rowKey="id"
        dataSource={list}
        pagination={false}
        locale={{ emptyText: <Empty description={t('settings.noBackups')} /> }}
        columns={[
          { title: t('settings.backupAt'), dataIndex: 'createdAt', render: (v: string) => when(v), width: 200 },
          { title: t('settings.backupReason'), dataIndex: 'reason', width: 220, render: (r: string) => backupReasonText(t, r) },
          { title: t('settings.backupSize'), dataIndex: 'bytes', align: 'right', render: (v: number) => size(v), width: 120 },
          { title: t('settings.backupId'), dataIndex: 'id', render: (v: string) => <span className="hash">{v}</span> },
          {
            title: '',
            key: 'restore',
            width: 110,
            render: (_: unknown, b) => (
              <Button size="small" icon={<HistoryOutlined />} onClick={() => restore(b)}>
                {t('settings.restore')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
