/**
 * The cell values the import pipeline reads: what ExcelJS yields (full and streaming reader) and what
 * the CSV reader yields (strings). Declared structurally so ExcelJS's `CellValue` is assignable
 * without this module depending on ExcelJS.
 */
import { quote } from './limits';

export type CellErrorValue = { readonly error: string };
export type RichTextValue = { readonly richText: ReadonlyArray<{ readonly text: string }> };
export type HyperlinkValue = { readonly text: string | RichTextValue; readonly hyperlink: string };
export type FormulaResult = number | string | boolean | Date | CellErrorValue | null | undefined;
export type FormulaValue = { readonly formula: string; readonly result?: FormulaResult };
export type SharedFormulaValue = {
  readonly sharedFormula: string;
  readonly formula?: string;
  readonly result?: FormulaResult;
};

/** `undefined` is included because ExcelJS rows are sparse arrays. */
export type CellValue =
  | null
  | undefined
  | number
  | string
  | boolean
  | Date
  | CellErrorValue
  | RichTextValue
  | HyperlinkValue
  | FormulaValue
  | SharedFormulaValue;

/** A cell reduced to what it holds once formulas, rich text and hyperlinks are looked through. */
export type ScalarCell =
  | { type: 'blank' }
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: Date }
  | { type: 'error'; value: string }
  /** a formula whose result the file does not carry (written by a library, never opened in Excel) */
  | { type: 'no-result'; formula: string };

function richTextToString(value: RichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

function fromResult(result: FormulaResult, formula: string): ScalarCell {
  if (result === undefined || result === null) return { type: 'no-result', formula };
  if (typeof result === 'object' && !(result instanceof Date)) return { type: 'error', value: result.error };
  return scalarOf(result);
}

export function scalarOf(cell: CellValue): ScalarCell {
  if (cell === null || cell === undefined) return { type: 'blank' };
  if (typeof cell === 'number') return { type: 'number', value: cell };
  if (typeof cell === 'string') return cell.trim() === '' ? { type: 'blank' } : { type: 'string', value: cell };
  if (typeof cell === 'boolean') return { type: 'boolean', value: cell };
  if (cell instanceof Date) return { type: 'date', value: cell };
  if ('error' in cell) return { type: 'error', value: cell.error };
  if ('sharedFormula' in cell) return fromResult(cell.result, cell.sharedFormula);
  if ('formula' in cell) return fromResult(cell.result, cell.formula);
  if ('richText' in cell) return scalarOf(richTextToString(cell));
  if ('hyperlink' in cell) return scalarOf(typeof cell.text === 'string' ? cell.text : richTextToString(cell.text));
  return { type: 'blank' };
}

export function isBlankCell(cell: CellValue): boolean {
  return scalarOf(cell).type === 'blank';
}

/** The text of a string-like cell (string, rich text, hyperlink, a formula's string result), else ''. */
export function cellString(cell: CellValue): string {
  const scalar = scalarOf(cell);
  return scalar.type === 'string' ? scalar.value : '';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * ExcelJS builds date cells at UTC midnight (plus the time of day), so the calendar date is read in
 * UTC; reading local components would shift dates by a day east or west of Greenwich.
 */
export function dateCellToIso(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The cell as a short text for messages ("the offending value"). */
export function displayCell(cell: CellValue): string {
  const scalar = scalarOf(cell);
  switch (scalar.type) {
    case 'blank':
      return '';
    case 'number':
      return String(scalar.value);
    case 'string':
      return quote(scalar.value.trim());
    case 'boolean':
      return scalar.value ? 'TRUE' : 'FALSE';
    case 'date':
      return Number.isNaN(scalar.value.getTime()) ? 'Invalid Date' : dateCellToIso(scalar.value);
    case 'error':
      return scalar.value;
    case 'no-result':
      return quote(`=${scalar.formula}`);
  }
}
