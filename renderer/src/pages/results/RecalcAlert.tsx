import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalcResultView } from '../../../../contract/ops/batches';
import { formatMoney, roundToCents } from '../../../../domain';

const MAX_CODES = 8;

function codes(list: string[], sep: string): string {
  return list.length <= MAX_CODES ? list.join(sep) : `${list.slice(0, MAX_CODES).join(sep)} …`;
}

/** What the recalculation just changed: distributors added/removed, rebates up/down, total delta. */
export function RecalcAlert({ result, onClose }: { result: CalcResultView; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const d = result.diff;
  const delta = roundToCents(d.total_delta);
  const lines = [
    d.first ? t('results.recalc.first', { count: result.distributors }) : t('results.recalc.counts', { up: d.up, down: d.down, unchanged: d.unchanged }),
    d.added.length > 0 ? t('results.recalc.added', { count: d.added.length, codes: codes(d.added, t('common.listSeparator')) }) : null,
    d.removed.length > 0 ? t('results.recalc.removed', { count: d.removed.length, codes: codes(d.removed, t('common.listSeparator')) }) : null,
    ...result.dropped_adjustments.map((a) => t('results.recalc.dropped', { code: a.code, amount: formatMoney(a.amount), reason: a.reason })),
  ].filter((x): x is string => x !== null);
  return (
    <Alert
      type={result.dropped_adjustments.length > 0 || result.exceptions > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      data-testid="recalc-alert"
      title={
        <span>
          {t('results.recalc.title', { period: result.period })}
          {!d.first && (
            <>
              {t('results.recalc.total', { previous: formatMoney(d.previous_total), total: formatMoney(result.total) })}
              <Typography.Text strong className={delta < 0n ? 'num-negative' : undefined}>
                {` ${delta > 0n ? '+' : ''}${formatMoney(d.total_delta)}`}
              </Typography.Text>
            </>
          )}
        </span>
      }
      description={lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    />
  );
}
