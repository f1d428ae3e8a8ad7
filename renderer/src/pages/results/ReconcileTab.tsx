import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, App, Button, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { NoteDialog } from '../../components/NoteDialog';
import { noteColumns } from '../../components/note-columns';
import { gridLocale } from '../../grid/setup';
import { compactGridTheme } from './grid-theme';
import { figureCol, textCol } from '../../grid/columns';
import { formatMoney, formatPercent } from '../../../../domain';

type Claim = ReconcileView['claims'][number];
type Change = ReconcileView['changes'][number];
type Check = ReconcileView['checks'][number];

// what needs a decision first: differences, then claims without a batch row, unclaimed, matched
const CLAIM_ORDER: Record<Claim['status'], number> = { differs: 0, only_claims: 1, only_batch: 2, matched: 3 };

const CLAIM_COLORS: Record<Claim['status'], string> = { matched: 'success', differs: 'error', only_claims: 'warning', only_batch: 'default' };

const DEFAULT_COL = { sortable: true, resizable: true };
/** Small tables grow with their rows; long ones scroll inside a fixed height (AG Grid virtualises). */
function sized(n: number): { domLayout: 'autoHeight' | 'normal'; containerStyle?: React.CSSProperties } {
  return n > 12 ? { domLayout: 'normal', containerStyle: { height: 420 } } : { domLayout: 'autoHeight' };
}

function Section({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }): React.JSX.Element {
  return (
    <section className="rec-section">
      <div className="rec-section-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** 对账: claims against final amounts, month over month against the previous approved batch, data checks. */
type Filter = 'all' | 'open' | Claim['status'];

/** A count chip that filters the grids below it; pressed when its filter is on. */
function Chip({ on, color, onClick, testId, children }: { on: boolean; color?: string; onClick: () => void; testId: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Tag color={color} onClick={onClick} className={on ? 'chip chip-on' : 'chip'} data-testid={testId} role="button" aria-pressed={on}>
      {children}
    </Tag>
  );
}

interface Props {
  period: string;
  lang: Lang;
  /** loaded by the page (its counts show on the tab and the cards too), reloaded after a note */
  report: ReconcileView | null;
  error: string | null;
  reload: () => void;
  canEdit?: boolean;
}

export function ReconcileTab({ period, lang, report, error, reload, canEdit = false }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<{ code: string; name: string | null } | null>(null);
  const notes = useMemo(() => new Map((report?.notes ?? []).map((n) => [n.code, n])), [report]);
  const confirmed = (code: string): boolean => Boolean(notes.get(code)?.confirmed_by);
  const toggle = (f: Filter): void => setFilter((x) => (x === f ? 'all' : f));
  const saved = (): void => {
    const code = editing?.code ?? '';
    setEditing(null);
    void message.success(t('flow.rec.saved', { code }));
    // the open count is the service's: ask again
    reload();
  };


  const claimCols = useMemo<ColDef<Claim>[]>(
    () => [
      { ...textCol<Claim>('code', t('results.col.code'), (p) => p.data?.code, 110), pinned: 'left' },
      { ...textCol<Claim>('name', t('results.col.name'), (p) => p.data?.name, 180), pinned: 'left' },
      {
        ...textCol<Claim>('status', t('results.rec.status'), (p) => (p.data ? t(`results.rec.claim.${p.data.status}`) : ''), 110),
        cellRenderer: (p: { data?: Claim; value: string }) => (p.data ? <Tag color={CLAIM_COLORS[p.data.status]}>{p.value}</Tag> : null),
      },
      figureCol<Claim>('claimed', t('results.rec.claimed'), (p) => p.data?.claimed, 'money', 150),
      figureCol<Claim>('computed', t('results.rec.computed'), (p) => p.data?.computed, 'money', 150),
      figureCol<Claim>('difference', t('results.rec.difference'), (p) => p.data?.difference, 'money', 150),
      ...noteColumns<Claim>(notes, t, lang, canEdit ? (r) => setEditing({ code: r.code, name: r.name }) : undefined),
    ],
    [t, notes, lang, canEdit],
  );
  const changeCols = useMemo<ColDef<Change>[]>(
    () => [
      { ...textCol<Change>('code', t('results.col.code'), (p) => p.data?.code, 110), pinned: 'left' },
      { ...textCol<Change>('name', t('results.col.name'), (p) => p.data?.name, 180), pinned: 'left' },
      figureCol<Change>('previous', t('results.rec.previous'), (p) => p.data?.previous, 'money', 150),
      figureCol<Change>('current', t('results.rec.current'), (p) => p.data?.current, 'money', 150),
      figureCol<Change>('difference', t('results.rec.difference'), (p) => p.data?.difference, 'money', 150),
      figureCol<Change>('percent', t('results.rec.percent'), (p) => p.data?.percent, 'decimal', 110),
    ],
    [t],
  );
  const checkCols = useMemo<ColDef<Check>[]>(
    () => [
      { ...textCol<Check>('code', t('results.col.code'), (p) => p.data?.code, 110), pinned: 'left' },
      { ...textCol<Check>('name', t('results.col.name'), (p) => p.data?.name, 180), pinned: 'left' },
      {
        ...textCol<Check>('check', t('results.rec.check'), (p) => (p.data ? t(`results.rec.checks.${p.data.check}`) : ''), 160),
        cellRenderer: (p: { value: string }) => <Tag color="warning">{p.value}</Tag>,
      },
      { ...textCol<Check>('detail', t('results.rec.detail'), (p) => p.data?.detail, 400), flex: 1, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '20px', paddingTop: '6px', paddingBottom: '6px' } },
      ...noteColumns<Check>(notes, t, lang, canEdit ? (r) => setEditing({ code: r.code, name: r.name }) : undefined),
    ],
    [t, notes, lang, canEdit],
  );

  const allClaims = report ? [...report.claims].sort((a, b) => CLAIM_ORDER[a.status] - CLAIM_ORDER[b.status] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)) : [];
  const claims = allClaims.filter((c) => (filter === 'all' ? true : filter === 'open' ? (c.status === 'differs' || c.status === 'only_claims') && !confirmed(c.code) : c.status === filter));
  const checks = (report?.checks ?? []).filter((c) => filter === 'all' || (filter === 'open' && !confirmed(c.code)));
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!report) return <Spin />;
  const s = report.summary;
  const grid = <T,>(rows: T[], cols: ColDef<T>[], testId: string): React.JSX.Element => (
    <div data-testid={testId}>
      <AgGridReact<T> theme={compactGridTheme} localeText={gridLocale(lang)} rowData={rows} columnDefs={cols} defaultColDef={DEFAULT_COL} {...sized(rows.length)} />
    </div>
  );

  return (
    <div className="reconcile" data-testid="reconcile">
      <Space wrap size={[8, 8]} data-testid="reconcile-summary">
        <Chip on={filter === 'open'} color={s.open > 0 ? 'error' : 'success'} onClick={() => toggle('open')} testId="rec-chip-open">
          <Tooltip title={t('flow.rec.openHint')}>{s.open > 0 ? t('flow.rec.open', { count: s.open }) : t('flow.rec.allClear')}</Tooltip>
        </Chip>
        <Chip on={filter === 'all'} onClick={() => setFilter('all')} testId="rec-chip-all">
          {t('flow.rec.all')}
        </Chip>
        <Chip on={filter === 'differs'} color="error" onClick={() => toggle('differs')} testId="rec-chip-differs">
          {t('results.rec.claim.differs')} {s.differs}
        </Chip>
        <Chip on={filter === 'only_claims'} color="warning" onClick={() => toggle('only_claims')} testId="rec-chip-only_claims">
          {t('results.rec.claim.only_claims')} {s.only_claims}
        </Chip>
        <Chip on={filter === 'only_batch'} onClick={() => toggle('only_batch')} testId="rec-chip-only_batch">
          {t('results.rec.claim.only_batch')} {s.only_batch}
        </Chip>
        <Chip on={filter === 'matched'} color="success" onClick={() => toggle('matched')} testId="rec-chip-matched">
          {t('results.rec.claim.matched')} {s.matched}
        </Chip>
        <Tag color={s.changes > 0 ? 'warning' : 'default'}>{t('results.rec.changesCount', { count: s.changes })}</Tag>
        <Tag color={s.checks > 0 ? 'warning' : 'default'}>{t('results.rec.checksCount', { count: s.checks })}</Tag>
        <Typography.Text type="secondary">
          {t('results.rec.settings', {
            tolerance: formatMoney(report.settings.tolerance),
            percent: report.settings.change_percent,
            amount: formatMoney(report.settings.change_amount),
            rate: formatPercent(report.settings.return_rate),
          })}
        </Typography.Text>
      </Space>

      <Section
        title={t('results.rec.claimsTitle')}
        extra={
          !s.claims_imported && (
            <Button size="small" onClick={() => (location.hash = '#/import')}>
              {t('results.rec.importClaims')}
            </Button>
          )
        }
      >
        {s.claims_imported ? grid(claims, claimCols, 'reconcile-claims') : <Alert type="info" showIcon title={t('results.rec.noClaims', { period })} data-testid="reconcile-no-claims" />}
      </Section>

      <Section title={t('results.rec.changesTitle', { previous: report.previous_period })}>
        {!report.previous_approved ? (
          <Alert type="info" showIcon title={t('results.rec.noPrevious', { previous: report.previous_period })} />
        ) : report.changes.length === 0 ? (
          <Alert type="success" showIcon title={t('results.rec.noChanges')} />
        ) : (
          grid(report.changes, changeCols, 'reconcile-changes')
        )}
      </Section>

      <Section title={t('results.rec.checksTitle')}>
        {report.checks.length === 0 ? <Alert type="success" showIcon title={t('results.rec.noChecks')} /> : grid(checks, checkCols, 'reconcile-checks')}
      </Section>
      <NoteDialog period={period} target={editing ? { ...editing, note: notes.get(editing.code) } : null} onClose={() => setEditing(null)} onSaved={saved} />
    </div>
  );
}
