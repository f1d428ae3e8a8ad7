/** Rows the import skips: entirely blank rows and totals rows. */
import { isBlankCell, scalarOf, type CellValue } from './cell-value';

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every(isBlankCell);
}

/** How many leading non-empty cells may carry the totals label (a date or region may come first). */
const LABEL_CELLS = 2;

// 合计 / 本页合计 / 总计(元) / 小计: / Total / Grand total / Subtotal
const TOTALS_LABEL = /^(?:本页|本月|本期|本表|全部|grand)?(?:合计|总计|小计|total|subtotal|sub-total)(?:\([^()]*\))?[:]?$/;

function isTotalsLabel(cell: CellValue): boolean {
  const scalar = scalarOf(cell);
  if (scalar.type !== 'string') return false;
  return TOTALS_LABEL.test(scalar.value.normalize('NFKC').toLowerCase().replace(/\s+/g, ''));
}

/** A totals row: `合计`, `总计`, `小计`, `total` or `subtotal` in one of its first non-empty cells. */
export function isTotalsRow(cells: readonly CellValue[]): boolean {
  return cells.filter((cell) => !isBlankCell(cell)).slice(0, LABEL_CELLS).some(isTotalsLabel);
}
