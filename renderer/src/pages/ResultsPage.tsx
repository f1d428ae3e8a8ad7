import { CalculatorOutlined, CopyOutlined, DashboardOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, CalcResultView, PeriodOverviewView, ResultRowView, ResultsPageView } from '../../../contract/ops/batches';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import type { ChainLevelView } from '../../../contract/ops/approvals';
import { call } from '../api/client';
import { errorText, notifyChanged, REFRESH_MS, useInterval, useLoad } from '../api/use-load';
import { lastRejection as lastRejectionOf, RejectionNotice } from '../components/RejectionNotice';
import { DecisionModal } from './approval/DecisionModal';
import { AdjustModal } from './results/AdjustModal';
import { StatusTag } from '../components/StatusTag';
import { ExceptionsTab } from './results/ExceptionsTab';
import { GroupGrid } from './results/GroupGrid';
import { formulaColumns, RESULTS_BLOCK } from './results/model';
import { RecalcAlert } from './results/RecalcAlert';
import { ReconcileTab } from './results/ReconcileTab';
import { ResultsGrid, type RowsFilter } from './results/ResultsGrid';
import { SummaryCards } from './results/SummaryCards';
import { TraceDrawer } from '../components/TraceDrawer';
import { useCalculate } from './results/use-calculate';
import './results/results.css';
import { formatDateTime, isPeriod, previousPeriod } from '../../../domain';
import { usePeople } from '../api/people';
import { PeriodSelect } from '../components/PeriodSelect';

/** The period of a deep link `#/results/2026-01` (the Shell only reads the section before it). */
function periodFromHash(): string | null {
  const p = location.hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return isPeriod(p) ? p : null;
}

/** A chart's bar leads to its rows: `#/results/2026-01/region/华东`, `/grade/A` or `/find/<code>`. */
function filterFromHash(): RowsFilter | null {
  const [, , by, value] = location.hash.replace(/^#\/?/, '').split('/');
  if ((by === 'region' || by === 'grade' || by === 'find') && value) return { by, value: decodeURIComponent(value) };
  return null;
}

/** 核算结果: one period's batch — summary, results grid, summaries, exceptions, reconciliation, trace. */
export function ResultsPage({ lang, user }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const { message } = App.useApp();
  const [periods, setPeriods] = useState<PeriodOverviewView[] | null>(null);
  const [period, setPeriod] = useState<string | null>(periodFromHash);
  const [data, setData] = useState<BatchSummaryView | null>(null);
  // the grid's first rows are on screen: the reconciliation (slow on a big month) is read after them
  const [shown, setShown] = useState(false);
  const [policies, setPolicies] = useState<ResultsPageView['policies']>([]);
  const [firstPage, setFirstPage] = useState<ResultsPageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recalc, setRecalc] = useState<CalcResultView | null>(null);
  const [trace, setTrace] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<ResultRowView | null>(null);
  const [tab, setTab] = useState('rows');
  const [rowsFilter, setRowsFilter] = useState<RowsFilter | null>(filterFromHash);
  const { run, holder } = useCalculate();
  const [chain, setChain] = useState<ChainLevelView[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // the approval state of the shown batch: its last rejection (who, when, why) and the submit dialog
  const approval = useLoad(() => call('approval.status', { period: period ?? '' }), period && data ? `${period}:${data.status}:${data.content_hash}` : null, { keepOnKeyChange: true });

  const loadPeriods = useCallback(async (): Promise<PeriodOverviewView[]> => {
    const list = await call('periods.overview', {});
    setPeriods(list);
    return list;
  }, []);

  useEffect(() => {
    void loadPeriods().then((list) => {
      if (periodFromHash()) return;
      const latest = list.find((p) => p.batch)?.period;
      if (!latest) return;
      // the section link #/results opens the latest batch; replaceState keeps Back meaningful
      history.replaceState(null, '', `#/results/${latest}`);
      setPeriod(latest);
    });
    const onHash = (): void => {
      const p = periodFromHash();
      if (p) setPeriod(p);
      const f = filterFromHash();
      setRowsFilter(f);
      if (f) setTab('rows');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [loadPeriods]);

  const load = useCallback(async (p: string) => {
    setError(null);
    try {
      // the summary around the grid and, at the same time, the grid's first block of rows (it also brings the
      // policies' formulas and labels, the grid's columns): the grid starts with these rows instead of asking
      const [summary, page] = await Promise.all([call('batch.summary', { period: p, changes: 0 }), call('batch.resultsPage', { period: p, offset: 0, limit: RESULTS_BLOCK, sort: 'code', desc: false })]);
      setPolicies(page.policies);
      setFirstPage(page.content_hash === summary.content_hash ? page : null);
      setData(summary);
    } catch (e) {
      setData(null);
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    if (!period) return;
    setData(null);
    setShown(false);
    setRecalc(null);
    setTrace(null);
    void load(period);
  }, [period, load]);

  // others work on the same month (an approver rejects, a colleague recalculates): look again, and
  // reload the batch only when its status or content changed
  useInterval(() => {
    void loadPeriods()
      .then((list) => {
        const b = list.find((p) => p.period === period)?.batch;
        if (period && data && b && (b.status !== data.status || b.content_hash !== data.content_hash)) void load(period);
      })
      .catch(() => undefined);
  }, REFRESH_MS);

  // the reconciliation: its open findings show on the 对账 tab and the 异常 card, and the tab works on it
  // (after the grid's first rows, or at once on another tab)
  const rec = useLoad(() => call('batch.reconcile', { period: period ?? '' }), period && data && (shown || tab !== 'rows') ? `${period}:${data.content_hash}` : null);

  const formulas = useMemo(() => formulaColumns(policies), [policies]);
  const batchPeriods = useMemo(() => (periods ?? []).filter((p) => p.batch), [periods]);
  const previous = useMemo(() => {
    if (!period) return undefined;
    const prev = previousPeriod(period);
    return periods?.find((p) => p.period === prev && p.batch);
  }, [periods, period]);

  const canPrepare = hasRole(user.roles, 'preparer');
  const editable = data !== null && (data.status === 'draft' || data.status === 'rejected');

  const choose = (p: string): void => {
    location.hash = `#/results/${p}`;
  };

  const recalculate = async (): Promise<void> => {
    if (!period) return;
    const r = await run(period, true);
    if (!r) return;
    await Promise.all([load(period), loadPeriods()]);
    setRecalc(r);
  };

  // batch.adjust returns only the row: the batch's totals, hash and status and its sums come with the summary,
  // and the grid reads its loaded rows again when the hash moves
  const adjusted = async (row: ResultRowView): Promise<void> => {
    setAdjusting(null);
    void message.success(t('results.adjust.saved', { code: row.code }));
    if (period) await Promise.all([load(period), loadPeriods()]);
  };

  const stale = periods?.find((p) => p.period === period)?.batch?.stale ?? false;
  const submit = async (): Promise<void> => {
    if (!chain) setChain(await call('chain.get', {}).catch(() => []));
    setSubmitting(true);
  };
  const submitted = (): void => {
    setSubmitting(false);
    void message.success(t('approval.done.submitted', { period }));
    if (period) void Promise.all([load(period), loadPeriods()]);
    notifyChanged();
  };

  const copyHash = (): void => {
    if (!data) return;
    void navigator.clipboard?.writeText(data.content_hash).then(() => message.success(t('results.hashCopied')));
  };

  if (periods && batchPeriods.length === 0) {
    return (
      <Card data-testid="page-results">
        <Empty style={{ padding: '40px 0' }} description={t('results.empty')}>
          <Button type="primary" icon={<DashboardOutlined />} onClick={() => (location.hash = '#/overview')} data-testid="results-go-overview">
            {t('results.goOverview')}
          </Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size="middle" className="results-page" style={{ width: '100%' }} data-testid="page-results">
      <Card size="small">
        <div className="results-head">
          <Space size="middle" wrap>
            <Typography.Text strong>{t('results.period')}</Typography.Text>
            <PeriodSelect value={period} periods={periods} onChange={choose} width={220} testId="results-period" />
            {data && <StatusTag status={data.status} testId="results-status" />}
            {data && (
              <Typography.Text type="secondary">
                {t('results.calculatedBy', { by: who(data.calculated_by), at: formatDateTime(data.calculated_at) })}
              </Typography.Text>
            )}
            {data && (
              <Typography.Text type="secondary" className="hash" title={data.content_hash}>
                {t('results.hash')} {data.content_hash.slice(0, 12)}
                <Button type="link" size="small" icon={<CopyOutlined />} onClick={copyHash} aria-label={t('results.copyHash')} />
              </Typography.Text>
            )}
          </Space>
          {canPrepare && (
            <Space>
              <Button icon={<CalculatorOutlined />} type={stale ? 'primary' : 'default'} disabled={!editable} onClick={() => void recalculate()} data-testid="results-recalculate" title={editable ? undefined : t('results.lockedHint')}>
                {t('results.recalculate')}
              </Button>
              {editable && (
                <Button type={stale ? 'default' : 'primary'} icon={<SendOutlined />} disabled={stale || !approval.data} onClick={() => void submit()} data-testid="results-submit" title={stale ? t('approval.stale') : t('flow.submitHint')}>
                  {lastRejectionOf(approval.data) ? t('flow.rejection.resubmit') : t('flow.submit')}
                </Button>
              )}
            </Space>
          )}
        </div>
      </Card>

      {error && <Alert type="error" showIcon title={error} />}
      {data && <RejectionNotice status={approval.data} canPrepare={canPrepare} lang={lang} testId="results-rejection" hint={t('flow.rejection.fixHint')} />}
      {!data && !error && <Spin style={{ display: 'block', marginTop: 48 }} />}
      {recalc && <RecalcAlert result={recalc} onClose={() => setRecalc(null)} />}
      {data && <SummaryCards data={data} previous={previous} reconcile={rec.data} />}
      {data && period && (
        <Card size="small" className="results-tabs-card">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'rows',
                label: t('results.tab.rows'),
                children: (
                  <ResultsGrid
                    key={period}
                    period={period}
                    distributors={data.distributors}
                    version={`${data.calculated_at}:${data.content_hash}`}
                    formulas={formulas}
                    firstPage={firstPage}
                    lang={lang}
                    filter={rowsFilter}
                    canAdjust={canPrepare && editable}
                    onTrace={(r) => setTrace(r.code)}
                    onAdjust={setAdjusting}
                    onShown={() => setShown(true)}
                  />
                ),
              },
              { key: 'region', label: t('results.tab.region'), children: <GroupGrid groups={data.groups.region} by="region" lang={lang} /> },
              { key: 'grade', label: t('results.tab.grade'), children: <GroupGrid groups={data.groups.grade} by="grade" lang={lang} /> },
              {
                key: 'exceptions',
                label: <span className={data.exceptions.length > 0 ? 'text-exception' : undefined}>{t('results.tab.exceptions', { count: data.exceptions.length })}</span>,
                children: <ExceptionsTab data={data} lang={lang} onTrace={setTrace} />,
              },
              {
                key: 'reconcile',
                label: (
                  <span data-testid="tab-reconcile" className={rec.data && rec.data.summary.open > 0 ? 'text-exception' : undefined}>
                    {t('results.tab.reconcile')}
                    {rec.data && rec.data.summary.open > 0 ? ` (${t('flow.rec.open', { count: rec.data.summary.open })})` : ''}
                  </span>
                ),
                children: <ReconcileTab period={period} lang={lang} report={rec.data} error={rec.error} reload={() => void rec.reload()} canEdit={canPrepare && data.status !== 'approved'} />,
              },
            ]}
          />
        </Card>
      )}
      {period && <TraceDrawer period={period} code={trace} lang={lang} onClose={() => setTrace(null)} />}
      {period && <AdjustModal period={period} calculatedAt={data?.calculated_at} row={adjusting} onClose={() => setAdjusting(null)} onSaved={(r) => void adjusted(r)} />}
      {holder}
      {period && data && approval.data && chain && (
        <DecisionModal
          mode={submitting ? 'submit' : null}
          period={period}
          total={data.total}
          distributors={data.distributors}
          hash={data.content_hash}
          status={approval.data}
          chain={chain}
          onClose={() => setSubmitting(false)}
          onDone={submitted}
        />
      )}
    </Space>
  );
}
