import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import type { CSSProperties } from 'react';

// the money column is the one 核算结果 and 返利台账 use
export { moneyCol } from '../../grid/columns';

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
