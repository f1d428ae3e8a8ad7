import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { noteColumns } from '../../components/note-columns';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, ReconcileView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, sized, textCol } from './grid';
import { exceptionKindText } from '../../i18n/keys';

type Claim = ReconcileView['claims'][number];
type Check = ReconcileView['checks'][number];
interface ExceptionRow {
  code: string;
  name: string;
  region: string;
  kind: string;
  reason: string;
}

const CLAIM_COLORS: Record<Claim['status'], string> = { matched: 'success', differs: 'error', only_claims: 'warning', only_batch: 'default' };
const WRAP = { flex: 1, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '20px', paddingTop: '6px', paddingBottom: '6px' } } as const;

function Section({ title, count, children, testId }: { title: string; count: number; children: React.ReactNode; testId: string }): React.JSX.Element {
  return (
    <section data-testid={testId}>
      <div className="approval-section-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Tag color={count > 0 ? 'warning' : 'success'}>{count}</Tag>
      </div>
      {children}
    </section>
  );
}

/** Everything that needs a second look: calculation exceptions, claims that differ, data checks. */
export function IssuesPanel({ data, report, lang, onTrace }: { data: BatchSummaryView; report: ReconcileView | null; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  // a finding opens a trace only for a distributor of the batch
  const inBatch = useMemo(() => new Set(data.codes), [data.codes]);
  const exceptions: ExceptionRow[] = data.exceptions;
  const claims = useMemo(() => (report?.claims ?? []).filter((c) => c.status !== 'matched'), [report]);
  // the preparer's explanations and 已确认 marks, read-only here
  const notes = useMemo(() => new Map((report?.notes ?? []).map((n) => [n.code, n])), [report]);
  const grid = <T,>(rows: T[], cols: ColDef<T>[], testId: string, code: (r: T) => string): React.JSX.Element => (
    <div className="approval-grid-auto" data-testid={testId}>
      <AgGridReact<T>
        theme={gridTheme}
        localeText={gridLocale(lang)}
        rowData={rows}
        columnDefs={cols}
        defaultColDef={{ sortable: true, resizable: true }}
        rowClass="row-clickable"
        onRowClicked={(e) => {
          if (e.data && inBatch.has(code(e.data))) onTrace(code(e.data));
        }}
        {...sized(rows.length, 320)}
      />
    </div>
  );

  const exceptionCols: ColDef<ExceptionRow>[] = [
    { ...textCol<ExceptionRow>('code', t('approval.col.code'), (r) => r.code, 100), cellClass: 'mono' },
    textCol<ExceptionRow>('name', t('approval.col.name'), (r) => r.name, 160),
    textCol<ExceptionRow>('region', t('approval.col.region'), (r) => r.region, 90),
    { ...textCol<ExceptionRow>('kind', t('approval.col.kind'), (r) => exceptionKindText(t, r.kind, 'approval'), 130), cellRenderer: (p: { value: string }) => <Tag color="warning">{p.value}</Tag> },
    { ...textCol<ExceptionRow>('reason', t('approval.col.reasonText'), (r) => r.reason, 300), ...WRAP, cellClass: 'text-exception' },
  ];
  const claimCols: ColDef<Claim>[] = [
    { ...textCol<Claim>('code', t('approval.col.code'), (c) => c.code, 100), cellClass: 'mono' },
    { ...textCol<Claim>('name', t('approval.col.name'), (c) => c.name, 160), flex: 1, minWidth: 160 },
    {
      ...textCol<Claim>('status', t('approval.col.claimStatus'), (c) => t(`approval.claim.${c.status}`), 120),
      cellRenderer: (p: { data?: Claim; value: string }) => (p.data ? <Tag color={CLAIM_COLORS[p.data.status]}>{p.value}</Tag> : null),
    },
    moneyCol<Claim>('claimed', t('approval.col.claimed'), (c) => c.claimed, 140),
    moneyCol<Claim>('computed', t('approval.col.computed'), (c) => c.computed, 140),
    moneyCol<Claim>('difference', t('approval.col.claimDifference'), (c) => c.difference, 140),
    ...noteColumns<Claim>(notes, t, lang),
  ];
  const checkCols: ColDef<Check>[] = [
    { ...textCol<Check>('code', t('approval.col.code'), (c) => c.code, 100), cellClass: 'mono' },
    textCol<Check>('name', t('approval.col.name'), (c) => c.name, 160),
    { ...textCol<Check>('check', t('approval.col.check'), (c) => t(`approval.check.${c.check}`), 140), cellRenderer: (p: { value: string }) => <Tag color="warning">{p.value}</Tag> },
    { ...textCol<Check>('detail', t('approval.col.detail'), (c) => c.detail, 300), ...WRAP },
    ...noteColumns<Check>(notes, t, lang),
  ];

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      {report && (
        <Alert
          type={report.summary.open > 0 ? 'warning' : 'success'}
          showIcon
          title={report.summary.open > 0 ? t('flow.rec.open', { count: report.summary.open }) + ' · ' + t('flow.rec.openHint') : t('flow.rec.allClear')}
          data-testid="approval-open"
        />
      )}
      <Section title={t('approval.issues.exceptions')} count={exceptions.length} testId="approval-exceptions">
        {exceptions.length === 0 ? <Alert type="success" showIcon title={t('approval.issues.noExceptions')} /> : grid(exceptions, exceptionCols, 'approval-exceptions-grid', (r) => r.code)}
      </Section>
      <Section title={t('approval.issues.claims')} count={claims.length} testId="approval-claims">
        {!report ? null : !report.summary.claims_imported ? (
          <Alert type="info" showIcon title={t('approval.issues.noClaims', { period: data.period })} />
        ) : claims.length === 0 ? (
          <Alert type="success" showIcon title={t('approval.issues.claimsMatch', { count: report.summary.matched })} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('approval.issues.claimsSummary', { ...report.summary })}
            </Typography.Paragraph>
            {grid(claims, claimCols, 'approval-claims-grid', (c) => c.code)}
          </>
        )}
      </Section>
      <Section title={t('approval.issues.checks')} count={report?.checks.length ?? 0} testId="approval-checks">
        {!report ? null : report.checks.length === 0 ? <Alert type="success" showIcon title={t('approval.issues.noChecks')} /> : grid(report.checks, checkCols, 'approval-checks-grid', (c) => c.code)}
      </Section>
    </Space>
  );
}
