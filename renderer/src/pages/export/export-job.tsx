import { Alert, Button, Progress, Space, Spin, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJobRequest, ExportJobView } from '../../../../contract/ops/exports';
import { call } from '../../api/client';
import { formatCount } from '../../../../domain';

/**
 * Every export runs as a job (export.start, followed by export.job): the page shows the rows
 * written of the rows the file needs and 取消导出, which stops it with nothing left behind.
 */
export function useExportJob(): {
  running: boolean;
  progress: ExportJobView['progress'];
  cancelling: boolean;
  run: (request: ExportJobRequest) => Promise<ExportJobView>;
  cancel: () => void;
} {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ExportJobView['progress']>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobId = useRef<string | null>(null);
  const cancelled = useRef(false);

  const run = useCallback(async (request: ExportJobRequest): Promise<ExportJobView> => {
    setRunning(true);
    setProgress(null);
    setCancelling(false);
    cancelled.current = false;
    try {
      const { jobId: id } = await call('export.start', { request });
      jobId.current = id;
      // a cancel pressed before the job id came back
      if (cancelled.current) void call('export.cancel', { jobId: id });
      for (;;) {
        const j = await call('export.job', { jobId: id });
        setProgress(j.progress);
        if (j.status !== 'running') return j;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      jobId.current = null;
      setRunning(false);
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setCancelling(true);
    if (jobId.current) void call('export.cancel', { jobId: jobId.current });
  }, []);

  return { running, progress, cancelling, run, cancel };
}

/** The running export: what, how far, and its cancel button. */
export function ExportProgress({ what, progress, cancelling, onCancel }: { what: string; progress: ExportJobView['progress']; cancelling: boolean; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <Alert
      type="info"
      showIcon
      icon={<Spin size="small" />}
      data-testid="export-progress"
      title={t('exports.running', { what })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} status="active" data-testid="export-progress-bar" />
          {progress && (
            <Typography.Text type="secondary" data-testid="export-progress-count">
              {t('exports.progress', { done: formatCount(progress.done), total: formatCount(progress.total) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('exports.runningHint')}</Typography.Text>
        </Space>
      }
      action={
        <Button danger size="small" disabled={cancelling} onClick={onCancel} data-testid="export-cancel">
          {t('exports.cancelRun')}
        </Button>
      }
    />
  );
}
