import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView, ChainLevelView } from '../../../../contract/ops/approvals';
import type { BatchSummaryView, PeriodOverviewView, ReconcileView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { errorText, notifyChanged, REFRESH_MS, useInterval } from '../../api/use-load';
import { AdjustmentsGrid } from './AdjustmentsGrid';
import { ChainTimeline } from './ChainTimeline';
import { ChangesGrid } from './ChangesGrid';
import { DecisionBar } from './DecisionBar';
import { DecisionModal, type DecisionMode } from './DecisionModal';
import { GroupTotalsGrid } from './GroupTotalsGrid';
import { IssuesPanel } from './IssuesPanel';
import { formatTime } from './model';
import { RejectionNotice } from '../../components/RejectionNotice';
import { RowsGrid } from './RowsGrid';
import { StatusTag } from '../../components/StatusTag';
import { SummaryCards } from './SummaryCards';
import { usePeople } from '../../api/people';
import { TraceDrawer } from '../../components/TraceDrawer';

// ECharts is loaded when the decision view first shows its charts
const BatchCharts = lazy(() => import('../../charts/BatchCharts'));

interface Props {
  period: string;
  lang: Lang;
  canPrepare: boolean;
  userName: string;
  previous: PeriodOverviewView | undefined;
  /** data imported after the calculation: the batch must be recalculated before it can be submitted */
  stale: boolean;
  onChanged: () => void;
}

interface Loaded {
  data: BatchSummaryView;
  status: ApprovalStatusView;
  chain: ChainLevelView[];
}

/** What changes when someone acts on the batch: its status, content and every decision taken. */
function signature(s: ApprovalStatusView): string {
  return JSON.stringify([s.status, s.content_hash, s.submissions.map((x) => [x.id, x.status, x.levels.map((l) => l.decision?.at ?? '')])]);
}

/** The decision view of one batch: what an approver reads before signing, and the bar to sign it. */
export function DecisionView({ period, lang, canPrepare, userName, previous, stale, onChanged }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [report, setReport] = useState<ReconcileView | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [trace, setTrace] = useState<string | null>(null);
  const [mode, setMode] = useState<DecisionMode | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      // what the screen shows of the batch (totals, groups, adjustments, exceptions, changes), not its rows
      const [data, status, chain] = await Promise.all([call('batch.summary', { period }), call('approval.status', { period }), call('chain.get', {})]);
      setLoaded({ data, status, chain });
    } catch (e) {
      setLoaded(null);
      setError(errorText(e));
    }
    // the reconciliation is slower and optional for the decision: it fills in when ready
    call('batch.reconcile', { period })
      .then((r) => {
        setReport(r);
        setReportError(null);
      })
      .catch((e: unknown) => setReportError(errorText(e)));
  }, [period]);

  useEffect(() => {
    setLoaded(null);
    setReport(null);
    setTrace(null);
    void load();
  }, [load]);

  // another user's decision or a recalculation changes the status: then reload the whole view
  useInterval(() => {
    if (!loaded || mode) return;
    void call('approval.status', { period })
      .then((s) => {
        if (signature(s) !== signature(loaded.status)) void load();
      })
      .catch(() => undefined);
  }, REFRESH_MS);

  const done = (s: ApprovalStatusView): void => {
    const key = mode === 'submit' ? 'submitted' : mode === 'approve' ? (s.status === 'approved' ? 'approvedAll' : 'approved') : 'rejected';
    setMode(null);
    void message.success(t(`approval.done.${key}`, { period }));
    void load();
    onChanged();
    notifyChanged();
  };

  if (error) return <Alert type="error" showIcon title={error} data-testid="approval-error" />;
  if (!loaded) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  const { data, status, chain } = loaded;
  // what is still open: exceptions, and the findings the preparer has not marked 已确认
  const issues = data.exceptions.length + (report ? report.summary.open : 0);

  return (
    <div className="approval-decision" data-testid="approval-decision">
      <Card size="small">
        <div className="approval-head">
          <Space size="middle" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="approval-period">
              {t('approval.batchTitle', { period })}
            </Typography.Title>
            <StatusTag status={status.status} testId="approval-status" />
            <Typography.Text type="secondary">{t('approval.calculatedBy', { by: who(data.calculated_by), at: formatTime(data.calculated_at, lang) })}</Typography.Text>
          </Space>
          <Button icon={<FileSearchOutlined />} href={`#/results/${period}`} data-testid="approval-open-results">
            {t('approval.openResults')}
          </Button>
        </div>
        <div className="approval-hash-line">
          <Typography.Text type="secondary">{t('approval.hash')}</Typography.Text>
          <Typography.Text className="hash" copyable={{ text: data.content_hash, tooltips: [t('approval.copyHash'), t('approval.hashCopied')] }} data-testid="approval-hash">
            {data.content_hash}
          </Typography.Text>
        </div>
      </Card>

      {stale && (status.status === 'draft' || status.status === 'rejected') && <Alert type="warning" showIcon title={t('approval.stale')} data-testid="approval-stale" />}
      <RejectionNotice status={status} canPrepare={canPrepare} lang={lang} />
      {status.status === 'approved' && <Alert type="success" showIcon title={t('approval.approvedNotice', { count: status.submissions[status.submissions.length - 1]?.levels.length ?? 0 })} data-testid="approval-approved-notice" />}

      <SummaryCards data={data} previous={previous} open={report ? report.summary.open : null} />

      <Suspense fallback={<Spin style={{ display: 'block', margin: '24px auto' }} />}>
        <BatchCharts period={period} summary={data} />
      </Suspense>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('approval.byRegion')}>
              <GroupTotalsGrid list={data.groups.region} by="region" lang={lang} />
            </Card>
            <Card size="small" title={t('approval.byGrade')}>
              <GroupTotalsGrid list={data.groups.grade} by="grade" lang={lang} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('approval.chainTitle')} className="approval-chain-card">
            <ChainTimeline status={status} lang={lang} />
          </Card>
        </Col>
      </Row>

      <Card size="small" className="approval-tabs">
        <Tabs
          items={[
            {
              key: 'changes',
              label: <span data-testid="tab-changes">{t('approval.tab.changes', { count: report?.changes.length ?? 0 })}</span>,
              children: report ? <ChangesGrid report={report} lang={lang} onTrace={setTrace} /> : reportError ? <Alert type="error" showIcon title={reportError} /> : <Spin />,
            },
            {
              key: 'issues',
              label: <span data-testid="tab-issues" className={issues > 0 ? 'text-exception' : undefined}>{t('approval.tab.issues', { count: issues })}</span>,
              children: <IssuesPanel data={data} report={report} lang={lang} onTrace={setTrace} />,
            },
            {
              key: 'adjustments',
              label: <span data-testid="tab-adjustments">{t('approval.tab.adjustments', { count: data.adjusted.length })}</span>,
              children: <AdjustmentsGrid adjusted={data.adjusted} lang={lang} onTrace={setTrace} />,
            },
            { key: 'rows', label: <span data-testid="tab-rows">{t('approval.tab.rows', { count: data.rows })}</span>, children: <RowsGrid period={period} hash={data.content_hash} rows={data.rows} lang={lang} onTrace={setTrace} /> },
          ]}
        />
      </Card>

      <DecisionBar status={status} hash={data.content_hash} canPrepare={canPrepare} userName={userName} onAction={setMode} />
      <DecisionModal mode={mode} period={period} total={data.total} distributors={data.distributors} hash={data.content_hash} status={status} chain={chain} onClose={() => setMode(null)} onDone={done} />
      <TraceDrawer period={period} code={trace} lang={lang} onClose={() => setTrace(null)} testId="approval-trace" prefix="approval-trace" />
    </div>
  );
}
