import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import type { CSSProperties } from 'react';
import { compareMoney, formatMoney, isNegative } from '../../../../domain';

/** A money column as Excel users read it: right-aligned, separators, two decimals, negatives red. */
export function moneyCol<T>(colId: string, headerName: string, get: (row: T) => string | null | undefined, width = 140): ColDef<T> {
  return {
    colId,
    headerName,
    width,
    type: 'rightAligned',
    valueGetter: (p: ValueGetterParams<T>) => (p.data ? (get(p.data) ?? null) : null),
    valueFormatter: (p) => formatMoney(typeof p.value === 'string' ? p.value : null),
    comparator: (a: string | null, b: string | null) => compareMoney(a, b),
    cellClassRules: { 'num-negative': (p) => isNegative(p.value) },
    cellClass: 'num',
  };
}

export function textCol<T>(colId: string, headerName: string, get: (row: T) => string | number | null | undefined, width = 120): ColDef<T> {
  return { colId, headerName, width, valueGetter: (p: ValueGetterParams<T>) => (p.data ? (get(p.data) ?? '') : '') };
}

export function countCol<T>(colId: string, headerName: string, get: (row: T) => number, width = 90): ColDef<T> {
  return { colId, headerName, width, type: 'rightAligned', cellClass: 'num', valueGetter: (p: ValueGetterParams<T>) => (p.data ? get(p.data) : null) };
}

/** Small tables grow with their rows; long ones scroll inside a fixed height (AG Grid virtualises). */
export function sized(n: number, height = 420): { domLayout: 'autoHeight' | 'normal'; containerStyle?: CSSProperties } {
  return n > 12 ? { domLayout: 'normal', containerStyle: { height } } : { domLayout: 'autoHeight' };
}
