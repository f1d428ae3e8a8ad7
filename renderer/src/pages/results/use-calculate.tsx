import { App, Button, Modal, Progress, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalcJobView, CalcResultView } from '../../../../contract/ops/batches';
import { call } from '../../api/client';
import { errorText, notifyChanged } from '../../api/use-load';
import { formatCount } from '../../../../domain';

// A named constant, not a literal: antd's ButtonProps does not declare data-* attributes.
const CONFIRM_BUTTON = { 'data-testid': 'calc-confirm', autoFocus: true };

/**
 * Calculation with a confirmation and a progress dialog, shared by 期间总览 and 核算结果. The
 * calculation runs as a job (batch.calculateStart, polled): the dialog shows the distributors
 * calculated so far and the elapsed time, and 取消核算 stops it before anything is stored.
 * `holder` must be rendered by the page.
 */
async function follow(jobId: string, onJob: (j: CalcJobView) => void): Promise<CalcJobView> {
  for (;;) {
    const j = await call('batch.calculateJob', { jobId });
    onJob(j);
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function useCalculate(): { run: (period: string, recalc: boolean) => Promise<CalcResultView | null>; holder: React.JSX.Element } {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [running, setRunning] = useState<{ period: string; since: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [progress, setProgress] = useState<CalcJobView['progress']>(null);
  const jobId = useRef<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);

  const run = useCallback(
    (period: string, recalc: boolean): Promise<CalcResultView | null> =>
      new Promise((resolve) => {
        modal.confirm({
          title: t(recalc ? 'results.calc.recalcTitle' : 'results.calc.title', { period }),
          content: t(recalc ? 'results.calc.recalcText' : 'results.calc.text', { period }),
          okText: t(recalc ? 'results.calc.recalcOk' : 'results.calc.ok'),
          cancelText: t('common.cancel'),
          okButtonProps: CONFIRM_BUTTON,
          onCancel: () => resolve(null),
          // the confirmation closes at once (onOk returns nothing to wait for); the progress dialog
          // takes over, so the two are never on top of each other
          onOk: () => {
            setRunning({ period, since: Date.now() });
            setNow(Date.now());
            setProgress(null);
            setCancelling(false);
            call('batch.calculateStart', { period })
              .then(({ jobId: id }) => {
                jobId.current = id;
                return follow(id, (j) => setProgress(j.progress));
              })
              .then((j) => {
                if (j.status === 'done' && j.result) {
                  void message.success(t('results.calc.done', { period, count: j.result.distributors }));
                  notifyChanged();
                  resolve(j.result);
                } else {
                  void message.error(j.error ?? '');
                  resolve(null);
                }
              })
              .catch((e: unknown) => {
                void message.error(errorText(e));
                resolve(null);
              })
              .finally(() => {
                jobId.current = null;
                setRunning(null);
              });
          },
        });
      }),
    [modal, message, t],
  );

  const seconds = running ? Math.max(0, Math.round((now - running.since) / 1000)) : 0;
  const holder = (
    <Modal open={running !== null} closable={false} footer={null} mask={{ closable: false }} keyboard={false} title={t('results.calc.running', { period: running?.period ?? '' })} data-testid="calc-progress">
      <Progress percent={progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0} status="active" data-testid="calc-progress-bar" />
      {progress && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="calc-progress-count">
          {t('results.calc.progress', { done: formatCount(progress.done), total: formatCount(progress.total) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('results.calc.runningHint', { seconds })}
      </Typography.Paragraph>
      <Button
        danger
        disabled={cancelling}
        data-testid="calc-cancel"
        onClick={() => {
          setCancelling(true);
          if (jobId.current) void call('batch.calculateCancel', { jobId: jobId.current });
        }}
      >
        {t('results.calc.cancel')}
      </Button>
    </Modal>
  );
  return { run, holder };
}
