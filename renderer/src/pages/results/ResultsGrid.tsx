import type { CellClickedEvent, CellKeyDownEvent, ColDef, ColGroupDef, GetRowIdParams, GridApi, GridReadyEvent, IDatasource, IGetRowsParams, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultColumnFilter, ResultRowView, ResultsPageView } from '../../../../contract/ops/batches';
import type { OpInput } from '../../../../contract/operations';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { GridToolbar } from '../../grid/GridToolbar';
import { figureCol, textCol } from '../../grid/columns';
import { gridLocale, gridTheme } from '../../grid/setup';
import { useSearchPause } from '../../grid/use-grid-filter';
import { pageTotalsRow, RESULTS_BLOCK, serverFilters, serverKey, type FormulaColumn } from './model';
import { formatCount, formulaValueText } from '../../../../domain';

/** What a chart's bar asks to show: the rows of a region or grade (column filter), or a search. */
export interface RowsFilter {
  by: 'region' | 'grade' | 'find';
  value: string;
}

interface Props {
  period: string;
  /** the batch's rows (the grid's height and the count's "of") */
  distributors: number;
  /** changes when the batch's content does (an adjustment, a recalculation): the loaded rows are read again */
  version: string;
  /** applied when given or changed (a click on a chart's bar) */
  filter?: RowsFilter | null;
  formulas: FormulaColumn[];
  /** the first block in code order, read with the summary: the grid's first rows without asking again */
  firstPage?: ResultsPageView | null;
  lang: Lang;
  /** adjustments may be edited: a preparer on a draft or rejected batch */
  canAdjust: boolean;
  onTrace: (row: ResultRowView) => void;
  onAdjust: (row: ResultRowView) => void;
  /** the first rows are on screen (the page then loads what can wait) */
  onShown?: () => void;
}

type ResultsPageInput = OpInput<'batch.resultsPage'>;

/** One read of the rows as `batch.resultsPage` takes it, as a string: which read a block read ahead answers. */
function queryKey(period: string, startRow: number, endRow: number, sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[], filters: Record<string, ResultColumnFilter> | undefined, search: string): string {
  const sort = sortModel[0];
  return JSON.stringify({
    period,
    offset: startRow,
    limit: Math.min(1000, endRow - startRow),
    sort: sort ? (serverKey(sort.colId) ?? 'code') : 'code',
    desc: sort?.sort === 'desc',
    ...(search ? { search } : {}),
    ...(filters ? { filters } : {}),
  } satisfies ResultsPageInput);
}

/** What the rows' filters match: count and totals of every matching row, from the server. */
type Matched = Pick<ResultsPageView, 'matched' | 'filtered' | 'inputs_total'>;

// Module constants: a new object on every render would make AG Grid re-apply the column defaults.
const DEFAULT_COL: ColDef<ResultRowView> = { sortable: true, resizable: true };
// rows are read from the server a block at a time as they scroll into view
const BLOCK = RESULTS_BLOCK;
// compact, as finance users want: 15 distributors and the totals row fit a 1366×768 laptop
const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const GROUP_HEIGHT = 26;
const rowId = (p: GetRowIdParams<ResultRowView>): string => (p.rowPinned ? `totals-${p.rowPinned}` : p.data.code);

const ROW_CLASSES: RowClassRules<ResultRowView> = {
  'row-exception': (p) => !p.node.rowPinned && !!p.data?.exception,
  'row-totals': (p) => !!p.node.rowPinned,
};

/**
 * 结果 tab: every distributor, its inputs, each formula, rebate, adjustment and final; totals of
 * what the filters match. The rows are read a block at a time as they scroll into view
 * (`batch.resultsPage`, AG Grid's infinite row model): sort, column filters and the search box are
 * applied by the server over the whole batch, which also sends the count and the exact totals.
 */
export function ResultsGrid({ period, distributors, version, formulas, firstPage, lang, filter, canAdjust, onTrace, onAdjust, onShown }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const api = useRef<GridApi<ResultRowView> | null>(null);
  const [ready, setReady] = useState(false);
  // the search waits for a pause in typing, then the server filters the batch
  const { search, setSearch, applied, clearSearch } = useSearchPause();
  const appliedRef = useRef('');
  const [filtered, setFiltered] = useState(false);
  const [matched, setMatched] = useState<Matched | null>(null);
  const shownRef = useRef(onShown);
  shownRef.current = onShown;
  // a first block read ahead (with the summary; for a typed search before the grid lets go of its rows),
  // handed to the grid's next read of that block of that query instead of asking again
  const aheadRef = useRef<{ key: string; page: ResultsPageView } | null>(firstPage ? { key: queryKey(period, 0, BLOCK, [], undefined, ''), page: firstPage } : null);

  // One source for the grid's life on a period: it reads the search and filters in force when asked.
  const datasource = useMemo<IDatasource>(() => {
    let first = true;
    return {
      getRows: (p: IGetRowsParams<ResultRowView>) => {
        const filters = serverFilters(p.filterModel as Record<string, ResultColumnFilter> | null);
        const search = appliedRef.current.trim();
        const query = JSON.stringify([search, filters]);
        const shown = (r: ResultsPageView): void => {
          p.successCallback(r.rows, r.matched);
          // the count and totals of the query now in force (a reply to an earlier one is late); a block
          // read ahead may be given before the grid's ready event
          const g = api.current;
          if (!g || JSON.stringify([appliedRef.current.trim(), serverFilters(g.getFilterModel() as Record<string, ResultColumnFilter>)]) === query) {
            setMatched({ matched: r.matched, filtered: r.filtered, inputs_total: r.inputs_total });
          }
          if (first) {
            first = false;
            shownRef.current?.();
          }
        };
        const key = queryKey(period, p.startRow, p.endRow, p.sortModel, filters, search);
        const ahead = aheadRef.current;
        aheadRef.current = null;
        if (ahead?.key === key) {
          shown(ahead.page);
          return;
        }
        call('batch.resultsPage', JSON.parse(key) as ResultsPageInput).then(shown, () => p.failCallback());
      },
    };
  }, [period]);

  // the typed search: the first block of its rows is read first, then the grid lets go of the rows it
  // has and reads again from the top (that block at once), so the old rows stay until the new are there
  useEffect(() => {
    const g = api.current;
    if (appliedRef.current === applied) return;
    if (!g) {
      // before the grid is there: its first read takes the search
      appliedRef.current = applied;
      return;
    }
    const search = applied.trim();
    const sortModel = g
      .getColumnState()
      .filter((c) => c.sort)
      .sort((x, y) => (x.sortIndex ?? 0) - (y.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
    const key = queryKey(period, 0, BLOCK, sortModel, serverFilters(g.getFilterModel() as Record<string, ResultColumnFilter>), search);
    let live = true;
    const reread = (page: ResultsPageView | null): void => {
      if (!live) return;
      appliedRef.current = applied;
      aheadRef.current = page ? { key, page } : null;
      g.purgeInfiniteCache();
    };
    call('batch.resultsPage', JSON.parse(key) as ResultsPageInput).then(reread, () => reread(null));
    return () => {
      live = false;
    };
  }, [applied, period]);

  // the batch changed (an adjustment here, a recalculation elsewhere): the loaded rows again, in place
  const versionRef = useRef(version);
  useEffect(() => {
    if (versionRef.current === version) return;
    versionRef.current = version;
    api.current?.refreshInfiniteCache();
  }, [version]);

  const onGridReady = useCallback((e: GridReadyEvent<ResultRowView>) => {
    api.current = e.api;
    setReady(true);
  }, []);
  const clear = useCallback(() => {
    clearSearch();
    // both at once: the grid's own re-read after its filters are cleared is without the search
    appliedRef.current = '';
    api.current?.setFilterModel(null);
  }, [clearSearch]);

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
  }, [filter, ready]);

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

  // Totals of every row the filters match (not only the loaded ones), exact, from the server.
  const totals = useMemo(() => (matched ? [pageTotalsRow(matched, t('results.totalsShort'), t('results.totalsCount', { count: formatCount(matched.matched) }))] : []), [matched, t]);

  // a click or Enter on a row: the adjustment dialog on the adjustment cell (when allowed), else the trace;
  // read through a ref so the grid element below stays the same while the search box is typed in
  const actRef = useRef((_row: ResultRowView | undefined, _colId: string, _pinned: boolean): void => undefined);
  actRef.current = (row, colId, pinned) => {
    if (!row || pinned) return;
    if (colId === 'adjustment' && canAdjust) onAdjust(row);
    else onTrace(row);
  };

  // The grid itself, made again only when what it shows changes (not on each key typed in the search box).
  const grid = useMemo(
    () => (
      <AgGridReact<ResultRowView>
        theme={gridTheme}
        localeText={gridLocale(lang)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={100}
        infiniteInitialRowCount={Math.min(distributors, BLOCK)}
        onGridReady={onGridReady}
        onFilterChanged={(e) => setFiltered(e.api.isAnyFilterPresent())}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL}
        getRowId={rowId}
        rowHeight={ROW_HEIGHT}
        headerHeight={HEADER_HEIGHT}
        groupHeaderHeight={GROUP_HEIGHT}
        pinnedBottomRowData={totals}
        rowClassRules={ROW_CLASSES}
        tooltipShowDelay={400}
        onCellClicked={(e: CellClickedEvent<ResultRowView>) => actRef.current(e.data, e.column.getColId(), !!e.node.rowPinned)}
        onCellKeyDown={(e: CellKeyDownEvent<ResultRowView>) => {
          if (!('column' in e) || !(e.event instanceof KeyboardEvent) || e.event.key !== 'Enter') return;
          actRef.current(e.data, e.column.getColId(), !!e.node.rowPinned);
        }}
      />
    ),
    [lang, datasource, distributors, onGridReady, columns, totals],
  );

  return (
    <div className="results-grid-wrap">
      <GridToolbar
        filter={{ search, setSearch, clear, filtered, shown: { length: matched?.matched ?? distributors } }}
        total={distributors}
        placeholder={t('results.search')}
        width={300}
        testId="results"
        count={(n, total) => t('results.shown', { shown: n, total })}
        clearText={t('results.clearFilters')}
        hint={t(canAdjust ? 'results.gridHintAdjust' : 'results.gridHint')}
      />
      {/* as tall as the rows need, up to the window: a short month keeps its totals row next to its rows */}
      {/* the window less the page's chrome above the grid (results.css: --results-chrome, smaller on a laptop) */}
      <div className="results-grid" style={{ height: `min(calc(100vh - var(--results-chrome)), ${(distributors + 1) * ROW_HEIGHT + HEADER_HEIGHT + GROUP_HEIGHT + 20}px)` }} data-testid="results-grid">
        {grid}
      </div>
    </div>
  );
}
