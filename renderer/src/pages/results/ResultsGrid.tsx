import type { CellClickedEvent, CellKeyDownEvent, ColDef, ColGroupDef, GetRowIdParams, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRowView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { GridToolbar } from '../../grid/GridToolbar';
import { figureCol, textCol } from '../../grid/columns';
import { totalsRow, type FormulaColumn } from './model';
import { formulaValueText } from '../../../../domain';
import { useGridFilter } from '../../grid/use-grid-filter';

/** What a chart's bar asks to show: the rows of a region or grade (column filter), or a search. */
export interface RowsFilter {
  by: 'region' | 'grade' | 'find';
  value: string;
}

interface Props {
  rows: ResultRowView[];
  /** applied when given or changed (a click on a chart's bar) */
  filter?: RowsFilter | null;
  formulas: FormulaColumn[];
  lang: Lang;
  /** adjustments may be edited: a preparer on a draft or rejected batch */
  canAdjust: boolean;
  onTrace: (row: ResultRowView) => void;
  onAdjust: (row: ResultRowView) => void;
}

// Module constants: a new object on every render would make AG Grid re-apply the column defaults.
const DEFAULT_COL: ColDef<ResultRowView> = { sortable: true, resizable: true };
// compact, as finance users want: 15 distributors and the totals row fit a 1366×768 laptop
const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const GROUP_HEIGHT = 26;
const rowId = (p: GetRowIdParams<ResultRowView>): string => (p.rowPinned ? `totals-${p.rowPinned}` : p.data.code);

const ROW_CLASSES: RowClassRules<ResultRowView> = {
  'row-exception': (p) => !p.node.rowPinned && !!p.data?.exception,
  'row-totals': (p) => !!p.node.rowPinned,
};

/** 结果 tab: every distributor, its inputs, each formula, rebate, adjustment and final; totals of what the filters show. */
export function ResultsGrid({ rows, formulas, lang, filter, canAdjust, onTrace, onAdjust }: Props): React.JSX.Element {
  const { t } = useTranslation();
  // the search waits for a pause in typing (5,000 rows per change); totals and count of what is shown
  const [ready, setReady] = useState(false);
  const grid = useGridFilter(rows, lang, useCallback(() => setReady(true), []));
  const { api, setSearch, shown } = grid;

  // a region or grade: an exact column filter, so the totals row shows the bar's amount
  useEffect(() => {
    const g = api.current;
    if (!filter || !ready || !g) return;
    if (filter.by === 'find') {
      g.setFilterModel(null);
      setSearch(filter.value);
    } else {
      setSearch('');
      g.setFilterModel({ [filter.by]: { filterType: 'text', type: 'equals', filter: filter.value } });
    }
  }, [filter, ready, api, setSearch]);

  // Formulas are compared by content: a reload with the same policies must not rebuild the columns.
  const formulaKey = JSON.stringify(formulas);
  const columns = useMemo<(ColDef<ResultRowView> | ColGroupDef<ResultRowView>)[]>(() => {
    const fs = JSON.parse(formulaKey) as FormulaColumn[];
    const r = 'results.col.';
    return [
      { ...textCol<ResultRowView>('code', t(`${r}code`), (p) => p.data?.code, 110), pinned: 'left', cellClass: 'cell-code' },
      { ...textCol<ResultRowView>('name', t(`${r}name`), (p) => p.data?.name, 200), pinned: 'left', tooltipValueGetter: (p) => (p.node?.rowPinned ? null : (p.data?.name ?? null)) },
      {
        headerName: t('results.group.master'),
        children: [
          textCol<ResultRowView>('region', t(`${r}region`), (p) => p.data?.region, 90),
          textCol<ResultRowView>('province', t(`${r}province`), (p) => p.data?.province, 90),
          textCol<ResultRowView>('grade', t(`${r}grade`), (p) => p.data?.grade, 76),
          { ...textCol<ResultRowView>('policy', t(`${r}policy`), (p) => (p.data?.policy ? `${p.data.policy} v${p.data.policy_version ?? ''}` : ''), 170), tooltipValueGetter: (p) => (p.value ? String(p.value) : null) },
        ],
      },
      {
        headerName: t('results.group.inputs'),
        children: [
          figureCol<ResultRowView>('purchase', t(`${r}purchase`), (p) => p.data?.inputs['purchase'], 'money', 140),
          figureCol<ResultRowView>('returns', t(`${r}returns`), (p) => p.data?.inputs['returns'], 'money', 130),
          figureCol<ResultRowView>('net', t(`${r}net`), (p) => p.data?.inputs['net'], 'money', 140),
          figureCol<ResultRowView>('return_rate', t(`${r}returnRate`), (p) => p.data?.inputs['return_rate'], 'percent', 90),
          figureCol<ResultRowView>('promo_rate', t(`${r}promoRate`), (p) => p.data?.inputs['promo_rate'], 'percent', 100),
        ],
      },
      ...(fs.length > 0
        ? [
            {
              headerName: t('results.group.formulas'),
              children: fs.map((f) => ({
                ...figureCol<ResultRowView>(`f:${f.name}`, f.label, (p) => p.data?.values[f.name], 'decimal', 110),
                // rounded to the formula's kind (rate as %, money to the cent, 是/否); the exact value on hover
                valueFormatter: (p: { value: unknown }) => (typeof p.value === 'string' ? formulaValueText(f.name, f.label, p.value, lang) : ''),
                tooltipValueGetter: (p: { value: unknown }) => (typeof p.value === 'string' ? p.value : ''),
                headerTooltip: f.name,
              })),
            },
          ]
        : []),
      {
        headerName: t('results.group.rebate'),
        children: [
          figureCol<ResultRowView>('rebate', t(`${r}rebate`), (p) => p.data?.rebate, 'money', 150, '—'),
          {
            ...figureCol<ResultRowView>('adjustment', t(`${r}adjustment`), (p) => p.data?.adjustment, 'money', 120),
            cellClass: canAdjust ? ['num', 'cell-adjust'] : 'num',
            headerTooltip: canAdjust ? t('results.adjust.hint') : undefined,
          },
          { ...textCol<ResultRowView>('reason', t(`${r}reason`), (p) => p.data?.adjustment_reason, 160), tooltipValueGetter: (p) => p.data?.adjustment_reason ?? null },
          {
            ...textCol<ResultRowView>('exception', t(`${r}exception`), (p) => p.data?.exception, 320),
            cellClass: 'text-exception',
            tooltipValueGetter: (p) => p.data?.exception ?? null,
          },
        ],
      },
      // Pinned right: the figure the whole screen is about stays in view however wide the formulas get.
      // `col-final` keeps the figures clear of AG Grid 36's overlay scrollbar strip (see results.css).
      { ...figureCol<ResultRowView>('final', t(`${r}final`), (p) => p.data?.final, 'money', 166, '—'), cellClass: ['num', 'cell-final', 'col-final'], headerClass: 'col-final', pinned: 'right' },
    ];
  }, [t, formulaKey, canAdjust, lang]);

  // Totals of what the filters leave visible, recomputed exactly whenever the grid's model changes.

  const totals = useMemo(() => [totalsRow(shown, t('results.totalsShort'), t('results.totalsCount', { count: shown.length.toLocaleString() }))], [shown, t]);

  const act = (row: ResultRowView | undefined, colId: string, pinned: boolean): void => {
    if (!row || pinned) return;
    if (colId === 'adjustment' && canAdjust) onAdjust(row);
    else onTrace(row);
  };


  return (
    <div className="results-grid-wrap">
      <GridToolbar
        filter={grid}
        total={rows.length}
        placeholder={t('results.search')}
        width={300}
        testId="results"
        count={(n, total) => t('results.shown', { shown: n, total })}
        clearText={t('results.clearFilters')}
        hint={t(canAdjust ? 'results.gridHintAdjust' : 'results.gridHint')}
      />
      {/* as tall as the rows need, up to the window: a short month keeps its totals row next to its rows */}
      {/* the window less the page's chrome above the grid (results.css: --results-chrome, smaller on a laptop) */}
      <div className="results-grid" style={{ height: `min(calc(100vh - var(--results-chrome)), ${(rows.length + 1) * ROW_HEIGHT + HEADER_HEIGHT + GROUP_HEIGHT + 20}px)` }} data-testid="results-grid">
        <AgGridReact<ResultRowView>
          {...grid.gridProps}
          columnDefs={columns}
          defaultColDef={DEFAULT_COL}
          getRowId={rowId}
          rowHeight={ROW_HEIGHT}
          headerHeight={HEADER_HEIGHT}
          groupHeaderHeight={GROUP_HEIGHT}
          pinnedBottomRowData={totals}
          rowClassRules={ROW_CLASSES}
          tooltipShowDelay={400}
          onCellClicked={(e: CellClickedEvent<ResultRowView>) => act(e.data, e.column.getColId(), !!e.node.rowPinned)}
          onCellKeyDown={(e: CellKeyDownEvent<ResultRowView>) => {
            if (!('column' in e) || !(e.event instanceof KeyboardEvent) || e.event.key !== 'Enter') return;
            act(e.data, e.column.getColId(), !!e.node.rowPinned);
          }}
        />
      </div>
    </div>
  );
}
