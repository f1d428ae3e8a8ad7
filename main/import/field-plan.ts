/**
 * A sheet's columns compiled once from its header: which field each column is, how its cells are
 * read, and whether a blank cell is an error. The per-row loop then only indexes and calls.
 */
import { isBlankCell, type CellValue } from './cell-value';
import { parseDate } from './dates';
import type { HeaderMatch } from './headers';
import { FIELDS, KIND_DEFS, type FieldName, type Kind } from './kinds';
import type { ParseResult } from './result';
import { parseCode, parseDecimal, parseMoney, parseRate, parseMethod, parseStatus, parseText } from './values';

export type CellReader = (cell: CellValue, percentFormat: boolean) => ParseResult<string>;

export type PlannedColumn = {
  field: FieldName;
  /** 0-based column index */
  index: number;
  letter: string;
  /** the header as in the file (`group/name` for a two-row header) */
  header: string;
  required: boolean;
  read: CellReader;
};

/** The field whose figures a totals row shows and FileSummary.total adds up; none for distributors. */
export const MONEY_FIELD: Readonly<Record<Kind, FieldName | null>> = {
  distributors: null,
  purchases: 'amount',
  returns: 'amount',
  promotions: 'actual_amount',
  claims: 'claimed_rebate',
  settlements: 'amount',
  balances: 'opening_balance',
};

/** The options objects are built once per column, not once per cell. */
function readerFor(field: FieldName, date1904: boolean): CellReader {
  const options = { field };
  switch (FIELDS[field].type) {
    case 'money':
      return (cell) => parseMoney(cell, options);
    case 'rate': {
      const asPercent = { field, percentFormat: true };
      return (cell, percentFormat) => parseRate(cell, percentFormat ? asPercent : options);
    }
    case 'date': {
      const dateOptions = { field, date1904 };
      return (cell) => parseDate(cell, dateOptions);
    }
    case 'code':
      return (cell) => parseCode(cell, options);
    case 'quantity':
    case 'decimal':
      return (cell) => parseDecimal(cell, options);
    case 'text':
      return (cell) => parseText(cell, options);
    case 'status':
      return (cell) => parseStatus(cell, options);
    case 'method':
      return (cell) => parseMethod(cell, options);
  }
}

export function planColumns(match: HeaderMatch, date1904: boolean): PlannedColumn[] {
  const required = new Set<FieldName>(KIND_DEFS[match.kind].fields.filter((f) => f.required).map((f) => f.field));
  // Without a code column the distributor is found by its name, which then cannot be blank.
  if (match.fieldColumns.distributor_code === undefined && match.fieldColumns.distributor_name !== undefined) required.add('distributor_name');
  return match.columns.map((c) => ({
    field: c.field,
    index: c.index,
    letter: c.letter,
    header: c.header,
    required: required.has(c.field),
    read: readerFor(c.field, date1904),
  }));
}

/** Blank as `scalarOf` defines it, without allocating for the plain cells most rows hold. */
export function isBlankValue(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  switch (typeof cell) {
    case 'number':
    case 'boolean':
      return false;
    case 'string': {
      // A printable ASCII first character settles it; anything else may be (Unicode) whitespace.
      const c = cell.charCodeAt(0);
      return c > 32 && c < 127 ? false : cell.trim() === '';
    }
    default:
      return isBlankCell(cell);
  }
}

export function isBlankCells(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankValue(cells[i])) return false;
  return true;
}
