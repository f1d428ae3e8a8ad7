/**
 * Checking a sheet's totals rows (`合计`, `小计`, `total` …) against the rows above them.
 *
 * A figure is accepted when it equals either the sum since the header (a grand total) or the sum
 * since the previous totals row (a subtotal of a group): exports carry both, often in one sheet,
 * and a label does not reliably say which it is. Rows count whether or not they have other errors —
 * the file's own SUM counted them too.
 */
import type { CellValue } from './cell-value';
import { isBlankValue } from './field-plan';
import { isTotalsRow } from './rows';
import { centsToMoney } from '../../domain';

export type TotalsMismatch = { expected: string; segment: string };

export class TotalsCheck {
  private sinceHeader = 0n;
  private sinceTotals = 0n;

  /** `signFree`: returns files may show their totals with either sign, whatever the rows use. */
  constructor(private readonly signFree: boolean) {}

  add(cents: bigint): void {
    this.sinceHeader += cents;
    this.sinceTotals += cents;
  }

  /** A totals row: its figure (`null` when it has none readable) checked, and a new group begun. */
  check(figure: bigint | null): TotalsMismatch | null {
    const { sinceHeader, sinceTotals } = this;
    this.sinceTotals = 0n;
    if (figure === null) return null;
    if (this.matches(figure, sinceHeader) || this.matches(figure, sinceTotals)) return null;
    return { expected: centsToMoney(sinceHeader), segment: centsToMoney(sinceTotals) };
  }

  private matches(figure: bigint, sum: bigint): boolean {
    return figure === sum || (this.signFree && figure === -sum);
  }
}

const CHAR_CODE_T = 116;
const CHAR_CODE_UPPER_T = 84;

/**
 * A cheap necessary condition for `isTotalsRow`, so the regex and its allocations run only on the
 * few rows that may be totals: one of the first two non-blank cells is not plain ASCII free of `t`
 * (合计 / 总计 / 小计 / total / subtotal all fail that; so do full-width letters).
 */
function mayBeTotalsLabel(cell: CellValue): boolean {
  if (typeof cell !== 'string') return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c > 127 || c === CHAR_CODE_T || c === CHAR_CODE_UPPER_T) return true;
  }
  return false;
}

export function isTotalsRowFast(cells: readonly CellValue[]): boolean {
  let seen = 0;
  for (let i = 0; i < cells.length && seen < 2; i++) {
    const cell = cells[i];
    if (isBlankValue(cell)) continue;
    seen++;
    if (mayBeTotalsLabel(cell)) return isTotalsRow(cells);
  }
  return false;
}
