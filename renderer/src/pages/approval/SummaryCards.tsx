import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, PeriodOverviewView } from '../../../../contract/ops/batches';
import { formatMoney, isNegative, roundToCents, subtractMoney, sumMoney } from '../../../../domain';

function Money({ value, testId }: { value: string; testId?: string }): React.JSX.Element {
  return (
    <span className={`num${isNegative(value) ? ' num-negative' : ''}`} data-testid={testId}>
      {formatMoney(value)}
    </span>
  );
}

function signed(value: string): string {
  return roundToCents(value) > 0n ? `+${formatMoney(value)}` : formatMoney(value);
}

interface Props {
  data: BatchSummaryView;
  previous: PeriodOverviewView | undefined;
  /** reconciliation items still open (differences and checks not marked 已确认); null while it loads */
  open: number | null;
}

/** The four figures an approver reads first: total, distributors, exceptions and what is still open, manual adjustments. */
export function SummaryCards({ data, previous, open }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const adjusted = data.adjusted;
  const adjustmentSum = sumMoney(adjusted.map((r) => r.adjustment));
  const exceptions = data.exceptions.length;
  const prevBatch = previous?.batch?.status === 'approved' ? previous.batch : null;
  return (
    <Row gutter={[16, 16]} className="approval-cards" data-testid="approval-cards">
      <Col xs={24} md={12} xl={6}>
        <Card size="small">
          <Statistic title={t('approval.card.total')} valueRender={() => <Money value={data.total} testId="approval-total" />} />
          <Typography.Text type="secondary" className="card-sub">
            {t('approval.card.totalSub', { rebate: formatMoney(data.rebate_total), adjustment: formatMoney(data.adjustment_total) })}
          </Typography.Text>
          <Typography.Text type="secondary" className="card-sub" data-testid="approval-vs-previous">
            {prevBatch && previous
              ? t('approval.card.vsPrevious', { period: previous.period, total: formatMoney(prevBatch.total), delta: signed(subtractMoney(data.total, prevBatch.total)) })
              : t('approval.card.noPrevious')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small">
          <Statistic title={t('approval.card.distributors')} value={data.distributors} />
          <Typography.Text type="secondary" className="card-sub">
            {t('approval.card.policies', { count: data.policies.length })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" className={exceptions > 0 || (open ?? 0) > 0 ? 'card-exception' : undefined} data-testid="approval-card-exceptions">
          <Statistic title={t('approval.card.exceptions')} value={exceptions} styles={{ content: exceptions > 0 ? { color: '#d46b08' } : undefined }} />
          <Typography.Text type="secondary" className="card-sub">
            {exceptions > 0 ? t('approval.card.exceptionsSub') : t('approval.card.noExceptions')}
          </Typography.Text>
          {/* "no exceptions" is not "nothing open": the reconciliation's unconfirmed items count too */}
          {open !== null && (
            <Typography.Text type={open > 0 ? 'warning' : 'secondary'} className="card-sub" title={t('flow.rec.openHint')} data-testid="approval-card-open">
              {open > 0 ? t('flow.openIssues', { count: open }) : t('flow.noOpenIssues')}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" data-testid="approval-card-adjustments">
          <Statistic title={t('approval.card.adjustments')} valueRender={() => <Money value={adjustmentSum} />} />
          <Typography.Text type="secondary" className="card-sub">
            {t('approval.card.adjustmentsSub', { count: adjusted.length })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
