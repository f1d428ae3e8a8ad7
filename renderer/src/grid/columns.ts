import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import { compareDecimal, formatDecimal, formatMoney, formatPercent, isNegative } from '../../../domain';

/** Text or Number only for filtering: comparisons, never arithmetic on money. */
function asNumber(v: unknown): number | null {
  if (typeof v !== 'string' || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const NEGATIVE = { 'num-negative': (p: { value: unknown }) => isNegative(p.value) };

type Getter<T> = (p: ValueGetterParams<T>) => string | null | undefined;

/**
 * The narrowest width (px) that shows a header whole beside its sort and filter icons: a CJK or
 * full-width character takes about 14 px, any other about 8 px, the padding and icons about 48 px.
 * A column is never narrower than its header, so no header reads "促销达成…" at any screen size.
 */
export function headerWidth(headerName: string): number {
  let text = 0;
  for (const ch of headerName) text += /[\u1100-\uffff]/.test(ch) && !/[\u2000-\u206f]/.test(ch) ? 14 : 8;
  return Math.ceil(text + 48);
}

/**
 * A figure column: right-aligned tabular figures, exact sort, number filter, red negatives.
 * `format` decides money (#,##0.00), percentage or a formula value (up to 4 decimals).
 */
export function figureCol<T>(colId: string, headerName: string, get: Getter<T>, format: 'money' | 'percent' | 'decimal' = 'money', width = 130, empty = ''): ColDef<T> {
  return {
    colId,
    headerName,
    width: Math.max(width, headerWidth(headerName)),
    type: 'rightAligned',
    cellDataType: false,
    cellClass: 'num',
    cellClassRules: NEGATIVE,
    valueGetter: get,
    valueFormatter: (p) => {
      const v = typeof p.value === 'string' ? p.value : '';
      if (v === '') return p.node?.rowPinned ? '' : empty;
      return format === 'money' ? formatMoney(v) : format === 'percent' ? formatPercent(v) : formatDecimal(v);
    },
    comparator: (a: string | null, b: string | null) => compareDecimal(a, b),
    filter: 'agNumberColumnFilter',
    filterValueGetter: (p) => asNumber(get(p)),
  };
}

export function textCol<T>(colId: string, headerName: string, get: Getter<T>, width = 100): ColDef<T> {
  return { colId, headerName, width: Math.max(width, headerWidth(headerName)), valueGetter: get, filter: 'agTextColumnFilter', cellDataType: false };
}

/**
 * A money column of rows read whole (the approval view's small tables): the same figure column as
 * 核算结果 and 返利台账 — exact sort, number filter, red negatives, #,##0.00.
 */
export function moneyCol<T>(colId: string, headerName: string, get: (row: T) => string | null | undefined, width = 140): ColDef<T> {
  // small tables without column filters, as before
  const { filter: _filter, filterValueGetter: _value, ...col } = figureCol<T>(colId, headerName, (p) => (p.data ? get(p.data) : null), 'money', width);
  void _filter;
  void _value;
  return col;
}
