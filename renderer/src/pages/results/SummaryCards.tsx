import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, PeriodOverviewView, ReconcileView } from '../../../../contract/ops/batches';
import { isCalcDiff } from './model';
import { centsToMoney, formatMoney, isNegative, roundToCents } from '../../../../domain';

function signed(money: string): string {
  return `${roundToCents(money) > 0n ? '+' : ''}${formatMoney(money)}`;
}

interface Props {
  data: BatchSummaryView;
  /** the previous month's batch, when there is one (from periods.overview) */
  previous: PeriodOverviewView | undefined;
  /** the reconciliation, when loaded: its data checks not yet confirmed are still open */
  reconcile?: ReconcileView | null;
}

/** Total, distributors, exceptions and the change against the last calculation (and last month). */
export function SummaryCards({ data, previous, reconcile }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const confirmed = new Set((reconcile?.notes ?? []).filter((n) => n.confirmed_by).map((n) => n.code));
  const openChecks = (reconcile?.checks ?? []).filter((c) => !confirmed.has(c.code)).length;
  const diff = isCalcDiff(data.last_diff) ? data.last_diff : null;
  const exceptions = data.exceptions.length;
  const vsMonth = previous?.batch ? centsToMoney(roundToCents(data.total) - roundToCents(previous.batch.total)) : null;
  return (
    <Row gutter={12} className="summary-cards">
      <Col span={7}>
        <Card size="small">
          <Statistic title={t('results.card.total')} value={formatMoney(data.total)} styles={{ content: { fontSize: 24 } }} data-testid="summary-total" />
          <Typography.Text type="secondary" className="card-sub" title={t('results.card.totalSub', { rebate: formatMoney(data.rebate_total), adjustment: formatMoney(data.adjustment_total) })}>
            {t('results.card.totalSub', { rebate: formatMoney(data.rebate_total), adjustment: formatMoney(data.adjustment_total) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small">
          <Statistic title={t('results.card.distributors')} value={data.distributors} data-testid="summary-distributors" />
          <Typography.Text type="secondary" className="card-sub">
            {t('results.card.policies', { count: data.policies.length })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={5}>
        <Card size="small" className={exceptions > 0 || openChecks > 0 ? 'card-exception' : undefined}>
          <Statistic title={t('results.card.exceptions')} value={exceptions} styles={{ content: exceptions > 0 ? { color: '#d46b08' } : {} }} data-testid="summary-exceptions" />
          <Typography.Text type="secondary" className="card-sub">
            {t(exceptions > 0 ? 'results.card.exceptionsSub' : 'results.card.noExceptions')}
          </Typography.Text>
          {openChecks > 0 && (
            <Typography.Text className="card-sub text-exception" data-testid="summary-open-checks">
              {t('flow.checksOpen', { count: openChecks })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col span={7}>
        <Card size="small">
          <Statistic
            title={t('results.card.change')}
            value={diff ? (diff.first ? t('results.card.first') : signed(diff.total_delta)) : '—'}
            styles={{ content: diff && !diff.first && isNegative(diff.total_delta) ? { color: '#cf1322' } : {} }}
            data-testid="summary-change"
          />
          <Typography.Text type="secondary" className="card-sub">
            {diff && !diff.first && t('results.card.changeSub', { added: diff.added.length, removed: diff.removed.length, up: diff.up, down: diff.down })}
            {vsMonth !== null && previous && (
              <span className="card-month">
                {t('results.card.vsMonth', { period: previous.period, delta: signed(vsMonth) })}
              </span>
            )}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
