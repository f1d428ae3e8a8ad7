import { FileZipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AboutInfo } from '../../../../contract/ops/support';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';
import { saveDownload } from '../../api/files';

/** 设置 → 关于: version, database, logs, and the diagnostics zip for support. */
export function AboutPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const about = useLoad<AboutInfo>(() => call('support.about', {}), 'about');
  const info = about.data;
  const { busy, run } = useAction({ toast: true });

  const exportDiagnostics = (): Promise<boolean> =>
    run(async () => {
      const d = await call('support.diagnostics', {});
      const where = await saveDownload(d.downloadId, d.fileName);
      void message.success(where ? t('support.diagnosticsSaved', { where }) : t('support.diagnosticsReady', { file: d.fileName, integrity: d.integrity }));
    });

  return (
    <Space orientation="vertical" size={16} style={{ maxWidth: 820 }} data-testid="about-panel">
      {about.error && <Alert type="error" showIcon title={about.error} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('support.product')}
      </Typography.Title>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('support.version')}>
          <span data-testid="about-version">{info?.version}</span>
        </Descriptions.Item>
        {info?.team ? (
          <>
            <Descriptions.Item label={t('support.server')}>
              <Typography.Text className="hash" copyable={{ text: info.team.url }} data-testid="about-server-url">
                {info.team.url}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('support.fingerprint')}>
              <Typography.Text className="hash" copyable={{ text: info.team.fingerprint }} data-testid="about-server-fingerprint">
                {info.team.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('support.database')}>
            <Typography.Text className="hash" copyable={info ? { text: info.dbPath } : false} data-testid="about-db-path">
              {info?.dbPath}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('support.schema')}>
          <span data-testid="about-schema">{info?.schemaVersion}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('support.logs')}>
          {info?.logDir ? (
            <Typography.Text className="hash" copyable={{ text: info.logDir }} data-testid="about-log-dir">
              {info.logDir}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="about-log-dir">
              {t('support.noLogs')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('support.runtime')}>{info ? `${info.runtime} · ${info.platform}` : ''}</Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" size={4}>
        <Button icon={<FileZipOutlined />} loading={busy} onClick={() => void exportDiagnostics()} data-testid="about-diagnostics">
          {t('support.diagnostics')}
        </Button>
        <Typography.Text type="secondary">{t('support.diagnosticsHint')}</Typography.Text>
      </Space>
    </Space>
  );
}
