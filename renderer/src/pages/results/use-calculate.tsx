import { App, Modal, Progress, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalcResultView } from '../../../../contract/ops/batches';
import { call } from '../../api/client';
import { errorText, notifyChanged } from '../../api/use-load';

// A named constant, not a literal: antd's ButtonProps does not declare data-* attributes.
const CONFIRM_BUTTON = { 'data-testid': 'calc-confirm', autoFocus: true };

/**
 * Calculation with a confirmation and a progress dialog, shared by 期间总览 and 核算结果.
 * batch.calculate is one request without progress events, so the dialog shows the elapsed time
 * rather than a fake percentage; `holder` must be rendered by the page.
 */
export function useCalculate(): { run: (period: string, recalc: boolean) => Promise<CalcResultView | null>; holder: React.JSX.Element } {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [running, setRunning] = useState<{ period: string; since: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());

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
            call('batch.calculate', { period })
              .then((r) => {
                void message.success(t('results.calc.done', { period, count: r.distributors }));
                notifyChanged();
                resolve(r);
              })
              .catch((e: unknown) => {
                void message.error(errorText(e));
                resolve(null);
              })
              .finally(() => setRunning(null));
          },
        });
      }),
    [modal, message, t],
  );

  const seconds = running ? Math.max(0, Math.round((now - running.since) / 1000)) : 0;
  const holder = (
    <Modal open={running !== null} closable={false} footer={null} mask={{ closable: false }} keyboard={false} title={t('results.calc.running', { period: running?.period ?? '' })} data-testid="calc-progress">
      <Progress percent={100} status="active" showInfo={false} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('results.calc.runningHint', { seconds })}
      </Typography.Paragraph>
    </Modal>
  );
  return { run, holder };
}
