import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRowView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, textCol } from './grid';
import { sumMoney } from '../../../../domain';

/** Every distributor of the batch; a click opens its trace. The bottom row totals the columns. */
export function RowsGrid({ rows, lang, onTrace }: { rows: ResultRowView[]; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const totals = useMemo<Partial<ResultRowView>[]>(
    () => [{ code: '', name: t('approval.totalRow'), rebate: sumMoney(rows.map((r) => r.rebate ?? '0')), adjustment: sumMoney(rows.map((r) => r.adjustment)), final: sumMoney(rows.map((r) => r.final ?? '0')) }],
    [rows, t],
  );
  const columns = useMemo<ColDef<ResultRowView>[]>(
    () => [
      { ...textCol<ResultRowView>('code', t('approval.col.code'), (r) => r.code, 120), pinned: 'left', cellClass: 'mono', filter: true },
      { ...textCol<ResultRowView>('name', t('approval.col.name'), (r) => r.name, 160), pinned: 'left', filter: true },
      { ...textCol<ResultRowView>('region', t('approval.col.region'), (r) => r.region, 90), filter: true },
      { ...textCol<ResultRowView>('grade', t('approval.col.grade'), (r) => r.grade, 70), filter: true },
      textCol<ResultRowView>('policy', t('approval.col.policy'), (r) => (r.policy ? `${r.policy} v${r.policy_version ?? ''}` : ''), 150),
      moneyCol<ResultRowView>('rebate', t('approval.col.rebate'), (r) => r.rebate, 140),
      moneyCol<ResultRowView>('adjustment', t('approval.col.adjustment'), (r) => r.adjustment, 120),
      { ...moneyCol<ResultRowView>('final', t('approval.col.final'), (r) => r.final, 140), cellClass: 'num cell-final' },
      { ...textCol<ResultRowView>('exception', t('approval.col.exception'), (r) => r.exception, 240), flex: 1, cellClass: 'text-exception', tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : '') },
    ],
    [t],
  );
  return (
    <div className="approval-rows" data-testid="approval-rows">
      <Typography.Text type="secondary" className="grid-hint">
        {t('approval.rows.hint')}
      </Typography.Text>
      <div className="approval-grid-auto" style={rows.length > 15 ? { height: 520 } : undefined}>
        <AgGridReact<ResultRowView>
          theme={gridTheme}
          localeText={gridLocale(lang)}
          rowData={rows}
          pinnedBottomRowData={totals}
          getRowId={(p) => p.data.code || '__totals'}
          getRowClass={(p) => (p.node.rowPinned ? 'row-totals' : p.data?.exception ? 'row-exception row-clickable' : 'row-clickable')}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
          onRowClicked={(e) => e.data && !e.node.rowPinned && onTrace(e.data.code)}
          tooltipShowDelay={300}
          domLayout={rows.length > 15 ? 'normal' : 'autoHeight'}
        />
      </div>
    </div>
  );
}
