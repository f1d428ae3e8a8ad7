import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupTotalView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale } from '../../grid/setup';
import { compactGridTheme } from './grid-theme';
import { figureCol, textCol } from '../../grid/columns';
import { groupTotals, type GroupRow } from './model';
import { formatBasisPoints, roundToCents, shareBasisPoints } from '../../../../domain';

// columns share the width: a summary of a few groups should not leave an empty band on the right
const DEFAULT_COL: ColDef<GroupRow> = { sortable: true, resizable: true, flex: 1, minWidth: 100 };
/** A group's share of the total final amount, to 0.01% (rounded half away from zero). */
function share(final: string, total: string): string {
  return formatBasisPoints(shareBasisPoints(roundToCents(final), roundToCents(total)));
}

/** 按大区 / 按等级: count, rebate, adjustment, final and exceptions per group, summed exactly. */
export function GroupGrid({ groups, by, lang }: { groups: GroupTotalView[]; by: 'region' | 'grade'; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const data = useMemo<GroupRow[]>(() => groups.map(({ distributors, ...g }) => ({ ...g, count: distributors })), [groups]);
  const totals = useMemo(() => [groupTotals(data, t('results.totalsShort'))], [data, t]);
  const total = totals[0]?.final ?? '0.00';
  const columns = useMemo<ColDef<GroupRow>[]>(
    () => [
      { ...textCol<GroupRow>('key', t(`results.col.${by}`), (p) => p.data?.key, 140), pinned: 'left' },
      { colId: 'count', headerName: t('results.col.count'), width: 110, type: 'rightAligned', cellClass: 'num', valueGetter: (p) => p.data?.count, filter: 'agNumberColumnFilter' },
      {
        colId: 'exceptions',
        headerName: t('results.col.exceptions'),
        width: 110,
        type: 'rightAligned',
        valueGetter: (p) => p.data?.exceptions,
        cellClassRules: { 'text-exception': (p) => Number(p.value) > 0 },
        cellClass: 'num',
      },
      figureCol<GroupRow>('rebate', t('results.col.rebate'), (p) => p.data?.rebate, 'money', 160),
      figureCol<GroupRow>('adjustment', t('results.col.adjustment'), (p) => p.data?.adjustment, 'money', 150),
      { ...figureCol<GroupRow>('final', t('results.col.final'), (p) => p.data?.final, 'money', 170), cellClass: ['num', 'cell-final'] },
      { colId: 'share', headerName: t('results.col.share'), width: 110, type: 'rightAligned', cellClass: 'num', valueGetter: (p) => (p.data ? share(p.data.final, total) : '') },
    ],
    [t, by, total],
  );
  return (
    <div className="group-grid" data-testid={`group-${by}`}>
      <AgGridReact<GroupRow>
        theme={compactGridTheme}
        localeText={gridLocale(lang)}
        rowData={data}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL}
        pinnedBottomRowData={totals}
        rowClassRules={{ 'row-totals': (p) => !!p.node.rowPinned }}
        domLayout="autoHeight"
      />
    </div>
  );
}
