import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupTotalView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { countCol, moneyCol, textCol } from './grid';
import { groupTotals, type GroupTotal } from './model';
import { formatBasisPoints } from '../../../../domain';

/** Totals by region or by grade with a grand-total row that equals the batch total to the cent. */
export function GroupTotalsGrid({ list, by, lang }: { list: GroupTotalView[]; by: 'region' | 'grade'; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { groups, all } = useMemo(() => groupTotals(list), [list]);
  const columns = useMemo<ColDef<GroupTotal>[]>(
    () => [
      { ...textCol<GroupTotal>('key', t(`approval.col.${by}`), (g) => g.key || t('approval.totalRow'), 96), pinned: 'left' },
      countCol<GroupTotal>('distributors', t('approval.col.distributors'), (g) => g.distributors, 84),
      {
        ...countCol<GroupTotal>('exceptions', t('approval.col.exceptions'), (g) => g.exceptions, 72),
        cellClassRules: { 'text-exception': (p) => typeof p.value === 'number' && p.value > 0 },
      },
      // money columns share the card's width so the whole table is visible without scrolling
      { ...moneyCol<GroupTotal>('rebate', t('approval.col.rebate'), (g) => g.rebate), flex: 1, minWidth: 130 },
      { ...moneyCol<GroupTotal>('adjustment', t('approval.col.adjustment'), (g) => g.adjustment), flex: 1, minWidth: 110 },
      { ...moneyCol<GroupTotal>('final', t('approval.col.final'), (g) => g.final), cellClass: 'num cell-final', flex: 1, minWidth: 130 },
      { ...textCol<GroupTotal>('share', t('approval.col.share'), (g) => formatBasisPoints(g.shareBp), 84), type: 'rightAligned', cellClass: 'num' },
    ],
    [t, by],
  );
  return (
    <div className="approval-grid-auto" data-testid={`approval-by-${by}`}>
      <AgGridReact<GroupTotal>
        theme={gridTheme}
        localeText={gridLocale(lang)}
        rowData={groups}
        pinnedBottomRowData={[all]}
        getRowClass={(p) => (p.node.rowPinned ? 'row-totals' : undefined)}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        domLayout="autoHeight"
      />
    </div>
  );
}
