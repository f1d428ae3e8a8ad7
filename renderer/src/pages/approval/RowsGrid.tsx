import type { ColDef, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRowView, ResultSortColumn } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, textCol } from './grid';

const PAGE = 100;
/** Row and header heights of the grid theme (grid/setup): a short batch's grid is as tall as its rows. */
const ROW_PX = 32;
const HEAD_PX = 38;

type Filter = { filter?: string } | undefined;

/** The page request for AG Grid's block: its sort column and the column filters (code/name search both, region and grade match whole). */
export function pageQuery(p: Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>): { offset: number; limit: number; sort: ResultSortColumn; desc: boolean; region?: string; grade?: string; text?: string } {
  const s = p.sortModel[0];
  const f = (p.filterModel ?? {}) as Record<string, Filter>;
  const text = (f['code']?.filter ?? f['name']?.filter ?? '').trim();
  const region = f['region']?.filter?.trim();
  const grade = f['grade']?.filter?.trim();
  return {
    offset: p.startRow,
    limit: Math.min(1000, Math.max(1, p.endRow - p.startRow)),
    sort: (s?.colId as ResultSortColumn | undefined) ?? 'code',
    desc: s?.sort === 'desc',
    ...(region ? { region } : {}),
    ...(grade ? { grade } : {}),
    ...(text ? { text } : {}),
  };
}

/**
 * Every distributor of the batch, a page of 100 at a time from `batch.resultsPage` as the grid
 * scrolls (sorted and filtered on the server); a click opens its trace. The bottom row totals the
 * rows the filters match (exact, from the server). `hash`: the batch's content hash — a change
 * (an adjustment, a recalculation) reloads the pages.
 */
export function RowsGrid({ period, hash, rows, lang, onTrace }: { period: string; hash: string; rows: number; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [totals, setTotals] = useState<Partial<ResultRowView>[]>([]);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        call('batch.resultsPage', { period, ...pageQuery(p) })
          .then((r) => {
            p.successCallback(r.rows, r.matched);
            setTotals([{ code: '', name: t('approval.totalRow'), rebate: r.filtered.rebate_total, adjustment: r.filtered.adjustment_total, final: r.filtered.total }]);
          })
          .catch(() => p.failCallback());
      },
    }),
    // the content hash is part of the key: a changed batch is read again
    [period, hash, t],
  );
  const whole = { filter: 'agTextColumnFilter', filterParams: { filterOptions: ['equals'], maxNumConditions: 1 } };
  const part = { filter: 'agTextColumnFilter', filterParams: { filterOptions: ['contains'], maxNumConditions: 1 } };
  const columns = useMemo<ColDef<ResultRowView>[]>(
    () => [
      { ...textCol<ResultRowView>('code', t('approval.col.code'), (r) => r.code, 120), pinned: 'left', cellClass: 'mono', ...part },
      { ...textCol<ResultRowView>('name', t('approval.col.name'), (r) => r.name, 160), pinned: 'left', ...part },
      { ...textCol<ResultRowView>('region', t('approval.col.region'), (r) => r.region, 90), ...whole },
      { ...textCol<ResultRowView>('grade', t('approval.col.grade'), (r) => r.grade, 70), ...whole },
      textCol<ResultRowView>('policy', t('approval.col.policy'), (r) => (r.policy ? `${r.policy} v${r.policy_version ?? ''}` : ''), 150),
      moneyCol<ResultRowView>('rebate', t('approval.col.rebate'), (r) => r.rebate, 140),
      moneyCol<ResultRowView>('adjustment', t('approval.col.adjustment'), (r) => r.adjustment, 120),
      { ...moneyCol<ResultRowView>('final', t('approval.col.final'), (r) => r.final, 140), cellClass: 'num cell-final' },
      { ...textCol<ResultRowView>('exception', t('approval.col.exception'), (r) => r.exception, 240), flex: 1, cellClass: 'text-exception', tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : '') },
    ],
    [t],
  );
  // a long batch scrolls inside 520 px; a short one is as tall as its rows and the totals row
  const height = Math.min(520, HEAD_PX + (rows + 1) * ROW_PX + 4);
  return (
    <div className="approval-rows" data-testid="approval-rows">
      <Typography.Text type="secondary" className="grid-hint">
        {t('approval.rows.hint')}
      </Typography.Text>
      <div className="approval-grid-auto" style={{ height }}>
        <AgGridReact<ResultRowView>
          key={`${period}:${hash}`}
          theme={gridTheme}
          localeText={gridLocale(lang)}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={PAGE}
          maxBlocksInCache={20}
          pinnedBottomRowData={totals}
          getRowId={(p) => (p.data as ResultRowView | undefined)?.code ?? '__totals'}
          getRowClass={(p) => (p.node.rowPinned ? 'row-totals' : p.data?.exception ? 'row-exception row-clickable' : 'row-clickable')}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
          onRowClicked={(e) => e.data && !e.node.rowPinned && onTrace(e.data.code)}
          tooltipShowDelay={300}
        />
      </div>
    </div>
  );
}
