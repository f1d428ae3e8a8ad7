import { ArrowRightOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodOverviewView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { RejectionNotice } from '../../components/RejectionNotice';
import { StatusTag } from '../../components/StatusTag';
import { claimsKind, currentStep, dataKinds, STEP_KEYS, stepStatus, type StepKey } from './steps';
import { formatCount, formatMoney } from '../../../../domain';
import { kindText } from '../../i18n/keys';

interface Props {
  period: PeriodOverviewView;
  /** the user may import and calculate */
  canPrepare: boolean;
  lang: Lang;
  onCalculate: (period: string) => void;
}

export function go(hash: string): void {
  location.hash = hash;
}

/** One month: the five steps with their figures, and the next step as the primary button. */
export function PeriodCard({ period: p, canPrepare, lang, onCalculate }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [year, month] = p.period.split('-');
  const b = p.batch;
  // a batch being reworked may carry a rejection: who, when and why, where the preparer starts
  const reworked = b && (b.status === 'rejected' || b.status === 'draft') ? `${p.period}:${b.status}:${b.content_hash}` : null;
  const { data: approval } = useLoad(() => call('approval.status', { period: p.period }), reworked);
  // 对账 is done only when nothing is open: differences, claims only and data checks not confirmed
  const { data: rec } = useLoad(() => call('batch.reconcile', { period: p.period }), b && b.status !== 'approved' ? `${p.period}:${b.content_hash}` : null);
  const open = rec?.summary.open ?? 0;

  const lines = (key: StepKey): React.ReactNode => {
    if (key === 'import') {
      const kinds = dataKinds(p);
      if (kinds.length === 0) return <Typography.Text type="secondary">{t('results.overview.notImported')}</Typography.Text>;
      return kinds.map((k) => (
        <div key={k.kind} className="step-line" data-testid={`overview-kind-${k.kind}`}>
          {t('results.overview.kindLine', { kind: kindText(t, k.kind), files: formatCount(k.files), rows: formatCount(k.rows) })}
          <div className="step-amount">{t('results.overview.amount', { amount: formatMoney(k.total) })}</div>
        </div>
      ));
    }
    if (key === 'calculate') {
      if (!b) return <Typography.Text type="secondary">{t('results.overview.notCalculated')}</Typography.Text>;
      return (
        <>
          <div className="step-line">
            {t('results.overview.batchTotal')}
            <div className="step-amount step-figure" data-testid="overview-total">
              {formatMoney(b.total)}
            </div>
          </div>
          <div className="step-line">
            {t('results.overview.distributors', { count: b.distributors })}
            {b.exceptions > 0 && <span className="text-exception step-gap">{t('results.overview.exceptions', { count: b.exceptions })}</span>}
          </div>
          {b.stale && (
            <div className="text-exception" data-testid="overview-stale">
              <WarningOutlined /> {t('results.overview.stale')}
            </div>
          )}
        </>
      );
    }
    if (key === 'reconcile') {
      const c = claimsKind(p);
      const openLine = rec && (
        <div className={open > 0 ? 'step-line text-exception' : 'step-line'} data-testid={`overview-open-${p.period}`}>
          {open > 0 ? t('flow.rec.open', { count: open }) : t('flow.rec.allClear')}
        </div>
      );
      return c ? (
        <>
        {openLine}
        <div className="step-line">
          {t('results.overview.kindLine', { kind: t('kinds.claims'), files: formatCount(c.files), rows: formatCount(c.rows) })}
          <div className="step-amount">{t('results.overview.amount', { amount: formatMoney(c.total) })}</div>
        </div>
        </>
      ) : (
        <>
          {openLine}
          <Typography.Text type="secondary">{t('results.overview.noClaims')}</Typography.Text>
        </>
      );
    }
    if (key === 'approval') return b && b.status !== 'draft' ? <StatusTag status={b.status} /> : <Typography.Text type="secondary">{t('results.overview.notSubmitted')}</Typography.Text>;
    return <Typography.Text type="secondary">{b?.status === 'approved' ? t('results.overview.exportReady') : t('results.overview.exportAfter')}</Typography.Text>;
  };

  const results = (): void => go(`#/results/${p.period}`);
  const primary: Record<PeriodOverviewView['next'], { label: string; onClick: () => void; disabled?: boolean }> = {
    import: { label: t('results.overview.next.import'), onClick: () => go('#/import'), disabled: !canPrepare },
    calculate: { label: t(b ? 'results.overview.next.recalculate' : 'results.overview.next.calculate'), onClick: () => onCalculate(p.period), disabled: !canPrepare },
    review: { label: t('results.overview.next.review'), onClick: results },
    submit: { label: t('results.overview.next.submit'), onClick: results },
    approval: { label: t('results.overview.next.approval'), onClick: () => go('#/approval') },
    export: { label: t('results.overview.next.export'), onClick: () => go('#/export') },
  };
  const action = primary[p.next];

  return (
    <Card
      size="small"
      data-testid={`period-${p.period}`}
      title={
        <Space size="middle">
          <span className="period-title">{t('results.overview.periodTitle', { year, month: Number(month) })}</span>
          {b && <StatusTag status={b.status} testId={`period-status-${p.period}`} />}
          {b && b.exceptions > 0 && <Tag color="warning">{t('results.overview.exceptions', { count: b.exceptions })}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {b && p.next !== 'review' && p.next !== 'submit' && (
            <Button onClick={results} data-testid={`period-results-${p.period}`}>
              {t('results.overview.openResults')}
            </Button>
          )}
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end" onClick={action.onClick} disabled={action.disabled} data-testid={`period-next-${p.period}`}>
            {action.label}
          </Button>
        </Space>
      }
    >
      <RejectionNotice
        status={reworked ? approval : null}
        canPrepare={canPrepare}
        lang={lang}
        testId={`period-rejection-${p.period}`}
        hint={t('flow.rejection.fixHint')}
        action={
          <Button type="primary" danger onClick={results} data-testid={`period-fix-${p.period}`}>
            {t('flow.rejection.fix')}
          </Button>
        }
      />
      <Steps
        size="small"
        current={currentStep(p)}
        className="period-steps"
        items={STEP_KEYS.map((key) => ({
          title: t(`results.overview.step.${key}`),
          status: key === 'reconcile' && open > 0 && stepStatus(p, key) === 'finish' ? 'process' : stepStatus(p, key),
          content: <div data-testid={`step-${key}-${p.period}`}>{lines(key)}</div>,
        }))}
      />
    </Card>
  );
}
