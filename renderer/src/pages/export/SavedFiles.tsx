import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showInFolder } from '../../api/files';
import type { SavedExport } from './use-export';
import { formatDateTime, formatMoney } from '../../../../domain';

/** Where this visit's exports went, with "open folder" (Electron) and "save again". */
export function SavedFiles({ saved, onSaveAgain }: { saved: SavedExport[]; onSaveAgain: (s: SavedExport) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card title={t('exports.history')} data-testid="export-saved">
      {saved.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exports.historyEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={saved}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              data-testid="export-saved-item"
              actions={[
                ...(s.path
                  ? [
                      <Button key="open" size="small" icon={<FolderOpenOutlined />} onClick={() => void showInFolder(s.path ?? '')} data-testid="export-open-folder">
                        {t('exports.openFolder')}
                      </Button>,
                    ]
                  : []),
                <Button key="again" size="small" icon={<DownloadOutlined />} onClick={() => onSaveAgain(s)}>
                  {t('exports.saveAgain')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={8}>
                    <span>{t(`exports.kinds.${s.kind}.title`)}</span>
                    <Typography.Text type="secondary">{s.period}</Typography.Text>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    <Typography.Text copyable={s.path ? { text: s.path } : false} data-testid="export-saved-path">
                      {s.path ?? t('exports.downloaded', { file: s.fileName })}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {formatDateTime(s.at, true)} · {t('exports.summary', { count: s.view.statements ?? s.view.distributors, total: formatMoney(s.view.total) })}
                      {s.view.skipped && s.view.skipped.length > 0 ? ` · ${t('exports.skipped', { count: s.view.skipped.length, codes: s.view.skipped.slice(0, 10).join(', ') })}` : ''}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
