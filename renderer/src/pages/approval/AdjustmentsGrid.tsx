import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, sized, textCol } from './grid';
import { sumMoney } from '../../../../domain';

/** Every manual adjustment with its reason: what a preparer changed by hand, for the approver to judge. */
type Adjusted = BatchSummaryView['adjusted'][number];

export function AdjustmentsGrid({ adjusted, lang, onTrace }: { adjusted: Adjusted[]; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const totals = useMemo<Partial<Adjusted>[]>(
    () => [{ code: '', name: t('approval.totalRow'), rebate: sumMoney(adjusted.map((r) => r.rebate ?? '0')), adjustment: sumMoney(adjusted.map((r) => r.adjustment)), final: sumMoney(adjusted.map((r) => r.final ?? '0')) }],
    [adjusted, t],
  );
  const columns = useMemo<ColDef<Adjusted>[]>(
    () => [
      { ...textCol<Adjusted>('code', t('approval.col.code'), (r) => r.code, 100), pinned: 'left', cellClass: 'mono' },
      { ...textCol<Adjusted>('name', t('approval.col.name'), (r) => r.name, 160), pinned: 'left' },
      textCol<Adjusted>('region', t('approval.col.region'), (r) => r.region, 90),
      moneyCol<Adjusted>('rebate', t('approval.col.rebate'), (r) => r.rebate, 140),
      { ...moneyCol<Adjusted>('adjustment', t('approval.col.adjustment'), (r) => r.adjustment, 130), cellClass: 'num cell-adjusted' },
      { ...moneyCol<Adjusted>('final', t('approval.col.final'), (r) => r.final, 140), cellClass: 'num cell-final' },
      { ...textCol<Adjusted>('reason', t('approval.col.reason'), (r) => r.adjustment_reason, 300), flex: 1, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '20px', paddingTop: '6px', paddingBottom: '6px' } },
    ],
    [t],
  );
  if (adjusted.length === 0) return <Alert type="success" showIcon title={t('approval.adjustments.none')} data-testid="approval-adjustments-none" />;
  return (
    <div className="approval-grid-auto" data-testid="approval-adjustments">
      <AgGridReact<Adjusted>
        theme={gridTheme}
        localeText={gridLocale(lang)}
        rowData={adjusted}
        pinnedBottomRowData={totals}
        getRowClass={(p) => (p.node.rowPinned ? 'row-totals' : 'row-clickable')}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        onRowClicked={(e) => e.data && !e.node.rowPinned && onTrace(e.data.code)}
        {...sized(adjusted.length)}
      />
    </div>
  );
}
