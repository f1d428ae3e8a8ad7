import type { CellClickedEvent, ColDef, ColGroupDef, GetRowIdParams, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRowView } from '../../../../contract/ops/ledger';
import type { Lang } from '../../../../contract/roles';
import { GridToolbar } from '../../grid/GridToolbar';
import { centsToMoney, formatCount, sumCents } from '../../../../domain';
import { figureCol, textCol } from '../../grid/columns';
import { useGridFilter } from '../../grid/use-grid-filter';

const DEFAULT_COL: ColDef<LedgerRowView> = { sortable: true, resizable: true };
const rowId = (p: GetRowIdParams<LedgerRowView>): string => (p.rowPinned ? 'totals' : p.data.code);
const ROW_CLASSES: RowClassRules<LedgerRowView> = {
  'row-exception': (p) => !p.node.rowPinned && (p.data?.findings.length ?? 0) > 0,
  'row-totals': (p) => !!p.node.rowPinned,
};
type Figure = 'opening' | 'accrued' | 'used' | 'invoice' | 'goods' | 'offset' | 'cash' | 'adjusted' | 'closing';

/** Exact totals of the rows the filters leave visible, as a pinned row (BigInt cents, never floats). */
function totalsOf(rows: LedgerRowView[], label: string, count: string): LedgerRowView {
  const sum = (get: (r: LedgerRowView) => string): string => centsToMoney(sumCents(rows.map(get)));
  return {
    code: label,
    name: count,
    region: '',
    grade: '',
    opening: sum((r) => r.opening),
    accrued: sum((r) => r.accrued),
    used: sum((r) => r.used),
    used_by_method: { invoice: sum((r) => r.used_by_method.invoice), goods: sum((r) => r.used_by_method.goods), offset: sum((r) => r.used_by_method.offset), cash: sum((r) => r.used_by_method.cash) },
    adjusted: sum((r) => r.adjusted),
    closing: sum((r) => r.closing),
    findings: [],
  };
}

interface Props {
  rows: LedgerRowView[];
  lang: Lang;
  onDetail: (row: LedgerRowView) => void;
}

/** The period's ledger per distributor: filters, exact totals of what is shown, a click on a figure opens its rows. */
export function LedgerGrid({ rows, lang, onDetail }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const filter = useGridFilter(rows, lang);
  const { shown } = filter;

  const columns = useMemo<(ColDef<LedgerRowView> | ColGroupDef<LedgerRowView>)[]>(() => {
    const c = 'ledger.col.';
    const money = (id: Figure, get: (r: LedgerRowView) => string, width = 130): ColDef<LedgerRowView> => ({
      ...figureCol<LedgerRowView>(id, t(`${c}${id}`), (p) => (p.data ? get(p.data) : null), 'money', width),
      cellClass: ['num', 'cell-link'],
    });
    return [
      { ...textCol<LedgerRowView>('code', t(`${c}code`), (p) => p.data?.code, 110), pinned: 'left', cellClass: 'cell-code' },
      { ...textCol<LedgerRowView>('name', t(`${c}name`), (p) => p.data?.name, 200), pinned: 'left', tooltipValueGetter: (p) => (p.node?.rowPinned ? null : (p.data?.name ?? null)) },
      textCol<LedgerRowView>('region', t(`${c}region`), (p) => p.data?.region, 80),
      textCol<LedgerRowView>('grade', t(`${c}grade`), (p) => p.data?.grade, 70),
      money('opening', (r) => r.opening, 140),
      money('accrued', (r) => r.accrued, 140),
      money('used', (r) => r.used, 130),
      {
        headerName: t('ledger.group.used'),
        children: [
          money('invoice', (r) => r.used_by_method.invoice, 110),
          money('goods', (r) => r.used_by_method.goods, 110),
          money('offset', (r) => r.used_by_method.offset, 110),
          money('cash', (r) => r.used_by_method.cash, 110),
        ],
      },
      money('adjusted', (r) => r.adjusted, 120),
      {
        ...textCol<LedgerRowView>('findings', t(`${c}findings`), (p) => p.data?.findings.map((f) => t(`ledger.check.${f}`)).join(t('common.listSeparator')), 130),
        cellClass: 'text-exception',
      },
      { ...money('closing', (r) => r.closing, 150), cellClass: ['num', 'cell-final', 'cell-link', 'col-final'], headerClass: 'col-final', pinned: 'right' },
    ];
  }, [t]);


  const totals = useMemo(() => [totalsOf(shown, t('results.totalsShort'), t('results.totalsCount', { count: formatCount(shown.length) }))], [shown, t]);


  return (
    <div className="results-grid-wrap">
      <GridToolbar
        filter={filter}
        total={rows.length}
        placeholder={t('ledger.search')}
        width={280}
        testId="ledger"
        count={(n, total) => t('ledger.shown', { shown: n, total })}
        clearText={t('ledger.clearFilters')}
        hint={t('ledger.hint')}
      />
      <div className="results-grid" style={{ height: `min(calc(100vh - 380px), ${(rows.length + 1) * 32 + 104 + 16}px)` }} data-testid="ledger-grid">
        <AgGridReact<LedgerRowView>
          {...filter.gridProps}
          columnDefs={columns}
          defaultColDef={DEFAULT_COL}
          getRowId={rowId}
          pinnedBottomRowData={totals}
          rowClassRules={ROW_CLASSES}
          onCellClicked={(e: CellClickedEvent<LedgerRowView>) => {
            if (e.data && !e.node.rowPinned) onDetail(e.data);
          }}
        />
      </div>
    </div>
  );
}
