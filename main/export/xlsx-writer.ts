import { mkdirSync } from 'node:fs';
import path from 'node:path';
// Types only: ExcelJS is loaded when a workbook is written (loadExcelJs), so the modules that import
// this one for its cell rules (the import workers, via form-xlsx) do not load it.
import type ExcelJS from 'exceljs';
import { roundDecimal } from '../../domain';
import { MAX_CELL_CHARS } from '../import/limits';
import { writeAtomically } from '../util/partial-files';

export type ColumnType = 'text' | 'money' | 'rate' | 'date' | 'datetime' | 'int' | 'decimal' | 'number';

export interface TableColumn<Row> {
  header: string;
  width?: number;
  type: ColumnType;
  value: (row: Row) => string | number | null | undefined;
}

export type Rows<Row> = Iterable<Row> | AsyncIterable<Row>;

export interface TableSheet<Row> {
  name: string;
  columns: TableColumn<Row>[];
  rows: Rows<Row>;
  /** lines above the header (title, notes), written as plain text */
  preamble?: string[];
  /** a bold last row (totals), asked for after every row was written, in column order */
  footer?: () => (string | number | null)[] | null;
  /** columns kept visible while scrolling right (code, name) */
  freezeColumns?: number;
  /** printed at the foot of every page (Excel header/footer codes: &P page, &N pages) */
  pageFooter?: string;
}

export const COLUMN_FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  money: '#,##0.00',
  rate: '0.00%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  int: '#,##0',
  decimal: '#,##0.######',
  // formula values: rounded to the cent like money (rates and counts have their own types)
  number: '#,##0.00',
};

/** Decimals a numeric column keeps (the kernel's display rule): money and formula values to the cent, rates to 0.01%. */
const PLACES: Partial<Record<ColumnType, number>> = { money: 2, number: 2, rate: 4, int: 0 };

/**
 * An ISO timestamp (stored in UTC) as a date cell showing this computer's wall-clock time: Excel
 * dates have no time zone, so the local offset is applied before ExcelJS writes the serial number.
 */
function localDateTime(iso: string): Date | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/** Excel holds at most 32,767 characters in a cell; a longer text is cut there (marked with …). */
export function clipText(s: string): string {
  return s.length <= MAX_CELL_CHARS ? s : `${s.slice(0, MAX_CELL_CHARS - 1)}…`;
}

/**
 * A cell value as written: numbers for numeric columns, rounded half away from zero to what the
 * column shows (money from exact decimal strings, which a double holds to the cent), dates as dates, everything else as a plain string — never a formula,
 * whatever it starts with (`=`, `+`, `-`, `@`, tab, CR): ExcelJS writes strings as text cells.
 */
export function cellValue(type: ColumnType, v: string | number | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'text') return clipText(String(v));
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
  }
  if (type === 'datetime') return localDateTime(String(v)) ?? String(v);
  const places = PLACES[type];
  const exact = typeof v === 'number' ? String(v) : v;
  const n = Number(places === undefined ? exact : (roundDecimal(exact, places) ?? exact));
  return Number.isFinite(n) ? n : String(v);
}

/** A sheet with its row type erased, so sheets of different rows go into one workbook. */
export interface PreparedSheet {
  name: string;
  preamble?: string[];
  columns: { header: string; width?: number; type: ColumnType }[];
  cells(): Iterable<ExcelJS.CellValue[]> | AsyncIterable<ExcelJS.CellValue[]>;
  footer?: () => ExcelJS.CellValue[] | null;
  freezeColumns?: number;
  pageFooter?: string;
}

export function table<Row>(sheet: TableSheet<Row>): PreparedSheet {
  const { footer } = sheet;
  return {
    name: sheet.name,
    columns: sheet.columns,
    ...(sheet.preamble ? { preamble: sheet.preamble } : {}),
    ...(sheet.freezeColumns ? { freezeColumns: sheet.freezeColumns } : {}),
    ...(sheet.pageFooter ? { pageFooter: sheet.pageFooter } : {}),
    ...(footer
      ? {
          footer: () => {
            const values = footer();
            return values ? sheet.columns.map((c, i) => cellValue(c.type, values[i])) : null;
          },
        }
      : {}),
    async *cells() {
      for await (const row of sheet.rows) yield sheet.columns.map((c) => cellValue(c.type, c.value(row)));
    },
  };
}

/** One cell of a form-like sheet (a summary page): spans `span` columns, styled by its role. */
export interface FormCell {
  value: string | number | null | undefined;
  type?: ColumnType;
  style?: 'title' | 'subtitle' | 'section' | 'label' | 'header' | 'total' | 'warning' | 'sign' | 'note';
  /** the row's height in points when it must hold something drawn by hand (a company stamp) */
  height?: number;
  span?: number;
}

/** A page laid out row by row (title, key-value lines, small tables, a signature block). */
export interface FormSheet {
  kind: 'form';
  name: string;
  widths: number[];
  rows: FormCell[][];
  pageFooter?: string;
  /** a letter-like page (a statement) prints upright; the default is landscape */
  portrait?: boolean;
  /** printed on one page (fit to one page wide and one tall), e.g. a summary with its signatures */
  onePage?: boolean;
}

/** Display width of text in Excel's column units: a CJK or full-width character takes two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const LINE_HEIGHT = 15;

/**
 * A form row's height in points, the same in both writers: the title and a signature box are
 * taller, and a wrapped text that does not fit its (merged) width gets as many lines as it needs,
 * since neither Excel nor LibreOffice grows a row on its own for a file written this way.
 */
/** How many lines a text takes when it wraps in a column this wide (Excel's width units). */
function textLines(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((textWidth(part) + 1) / Math.max(1, width - 1))), 0);
}

export function formRowHeight(cells: FormCell[], widths: number[]): number {
  const fixed = Math.max(0, ...cells.map((c) => c.height ?? 0));
  if (fixed > 0) return fixed;
  if (cells.some((c) => c.style === 'title')) return 26;
  if (cells.some((c) => c.style === 'sign')) return 48;
  let lines = 1;
  let col = 0;
  for (const c of cells) {
    const span = c.span ?? 1;
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0) || 10 * span;
    col += span;
    const wraps = c.style === undefined || c.style === 'header' || c.style === 'sign';
    if (!wraps || (c.type !== undefined && c.type !== 'text') || typeof c.value !== 'string' || c.value === '') continue;
    lines = Math.max(lines, textLines(c.value, width));
  }
  return lines > 1 ? lines * LINE_HEIGHT : 0;
}

/** The height of a table row whose free text needs more than one line in its column, else 0 (the default). */
export function tableRowHeight(cells: readonly unknown[], widths: readonly number[], wraps: readonly boolean[]): number {
  let lines = 1;
  cells.forEach((v, i) => {
    if (!wraps[i] || typeof v !== 'string' || v === '') return;
    lines = Math.max(lines, textLines(v, widths[i] ?? 10));
  });
  return lines > 1 ? lines * LINE_HEIGHT : 0;
}

export type WorkbookSheet = PreparedSheet | FormSheet;

/** A legal sheet name: Excel refuses `[]:*?/\\`, more than 31 characters, and a leading/trailing quote. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean || 'Sheet';
}

/** the workbook's default font, named on every styled cell so bold text stays in the same family */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Printing: landscape A4, as many pages down as needed; a wide table spreads over one page width per
 * ~200 characters of columns (about 70% scale at the least) (rather than shrinking 40 columns to unreadable type), with its header
 * row and frozen columns repeated on every page.
 */
const PAGE: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const PAGE_WIDTH = 200;

function styleFormCell(cell: ExcelJS.Cell, c: FormCell): void {
  const fmt = COLUMN_FORMATS[c.type ?? 'text'];
  if (fmt && c.type && c.type !== 'text') cell.numFmt = fmt;
  switch (c.style) {
    case 'title':
      cell.font = { ...FONT, bold: true, size: 16 };
      break;
    case 'subtitle':
      cell.font = { ...FONT, size: 11, color: { argb: 'FF595959' } };
      break;
    case 'section':
      cell.font = { ...FONT, bold: true, size: 12 };
      break;
    case 'label':
      cell.font = { ...FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { vertical: 'top' }; // level with its value, also beside a tall stamp box
      break;
    case 'header':
      cell.font = { ...FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BOX;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      break;
    case 'total':
      cell.font = { ...FONT, bold: true };
      cell.border = { ...BOX, top: { style: 'double', color: { argb: 'FF7F7F7F' } } };
      break;
    case 'warning':
      cell.font = { ...FONT, bold: true, size: 12, color: { argb: 'FFC00000' } };
      break;
    case 'sign':
      cell.border = BOX;
      cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
      break;
    case 'note':
      cell.font = { ...FONT, size: 9, color: { argb: 'FF7F7F7F' } };
      break;
    default:
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: c.type === undefined || c.type === 'text' };
  }
}

function writeForm(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: FormSheet): void {
  const ws = wb.addWorksheet(sheetName(sheet.name), {
    pageSetup: { ...PAGE, orientation: sheet.portrait ? 'portrait' : 'landscape', fitToHeight: sheet.onePage ? 1 : 0 },
    ...(sheet.pageFooter ? { headerFooter: { oddFooter: sheet.pageFooter } } : {}),
    views: [{ showGridLines: false }],
  });
  ws.columns = sheet.widths.map((width) => ({ width }));
  sheet.rows.forEach((cells, i) => {
    const rowNo = i + 1;
    const row = ws.getRow(rowNo);
    let col = 1;
    for (const c of cells) {
      const cell = row.getCell(col);
      cell.value = cellValue(c.type ?? 'text', c.value);
      styleFormCell(cell, c);
      const span = c.span ?? 1;
      if (span > 1) {
        // merged neighbours carry the same border so a boxed value reads as one cell
        for (let k = 1; k < span; k++) styleFormCell(row.getCell(col + k), { ...c, value: null });
        ws.mergeCells(rowNo, col, rowNo, col + span - 1);
      }
      col += span;
    }
    const height = formRowHeight(cells, sheet.widths);
    if (height) row.height = height;
    row.commit();
  });
  ws.commit();
}

// Hand the event loop a turn every so many rows so the zip stream drains to disk: memory stays bounded.
const FLUSH_EVERY = 500;
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function writeTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: PreparedSheet): Promise<void> {
  const pre = sheet.preamble ?? [];
  const headerRow = pre.length + 1;
  const widths = sheet.columns.map((c) => c.width ?? Math.max(10, Math.min(60, c.header.length * 2 + 4)));
  const pagesWide = Math.max(1, Math.ceil(widths.reduce((a, b) => a + b, 0) / PAGE_WIDTH));
  const freeze = sheet.freezeColumns ?? 0;
  const ws = wb.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: freeze }],
    pageSetup: {
      ...PAGE,
      fitToWidth: pagesWide,
      printTitlesRow: `${headerRow}:${headerRow}`,
      ...(freeze > 0 && pagesWide > 1 ? { printTitlesColumn: `A:${String.fromCharCode(64 + freeze)}` } : {}),
    },
    ...(sheet.pageFooter ? { headerFooter: { oddFooter: sheet.pageFooter } } : {}),
  });
  // Text (a long name, a policy code, a reason, a note) wraps inside its column on screen and on paper,
  // on a row made tall enough for its lines, so a printout never cuts it; every cell sits at the top so
  // a wrapped row still reads across.
  const wraps = sheet.columns.map((c) => c.type === 'text');
  ws.columns = sheet.columns.map((c, i) => ({ width: widths[i], style: { numFmt: COLUMN_FORMATS[c.type], alignment: { vertical: 'top', wrapText: wraps[i] } } }));
  pre.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.getCell(1).alignment = { vertical: 'top', wrapText: false }; // a title line runs across the columns
    if (i === 0) row.font = { ...FONT, bold: true, size: 13 };
    row.commit();
  });
  const head = ws.addRow(sheet.columns.map((c) => c.header));
  head.font = { ...FONT, bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  // a header shares its cell with the filter button (about 3 units)
  const headHeight = tableRowHeight(sheet.columns.map((c) => c.header), widths.map((w) => w - 3), sheet.columns.map(() => true));
  if (headHeight) head.height = headHeight;
  head.commit();
  let last = headerRow;
  // ExcelJS gives every new cell a fresh copy of its column's style and then renders that copy to
  // XML to find its style id, once per cell; a style object it has seen before it looks up by
  // identity. So the body's cells share one object per column and value type (the type decides the
  // default number format where the column has none) — the same style ids, without the rendering.
  const shared = sheet.columns.map(() => new Map<ExcelJS.ValueType, Partial<ExcelJS.Style>>());
  const share = (cell: ExcelJS.Cell, col: number): void => {
    const styles = shared[col - 1];
    if (!styles) return;
    const seen = styles.get(cell.type);
    if (seen) cell.style = seen;
    else styles.set(cell.type, cell.style);
  };
  for await (const cells of sheet.cells()) {
    const row = ws.addRow(cells);
    row.eachCell({ includeEmpty: true }, share);
    const height = tableRowHeight(cells, widths, wraps);
    if (height) row.height = height;
    row.commit();
    last++;
    if ((last - headerRow) % FLUSH_EVERY === 0) await flush();
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(last, headerRow), column: sheet.columns.length } };
  const footer = sheet.footer?.();
  if (footer) {
    const row = ws.addRow(footer);
    row.font = { ...FONT, bold: true };
    row.eachCell((cell) => (cell.border = { top: { style: 'double', color: { argb: 'FF7F7F7F' } } }));
    row.commit();
  }
  ws.commit();
}

/** Writes sheets as a streamed workbook (bounded memory): bold frozen header, auto filter, widths. */
export async function writeWorkbook(file: string, sheets: Iterable<WorkbookSheet> | AsyncIterable<WorkbookSheet>): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  // Whole or not at all: written beside the target, flushed, renamed over it (a kill leaves the old file).
  await writeAtomically(file, (tmp) => writeWorkbookTo(tmp, sheets));
}

/**
 * ExcelJS, loaded on first use (≈ 30 MB and ≈ 0.2 s a process would pay at start). Through require,
 * as the desktop's main bundle loaded it before and as the import reader does: the packaged app's
 * CommonJS loader reads node_modules inside app.asar, where an ESM import() is a path no test here
 * can run (no Electron binary). The bare `require` is there in every place this runs: the desktop's
 * CommonJS bundle, the Node bundles (their banner makes one), vitest and Playwright's CommonJS
 * transform — `import.meta` is not (Playwright refuses a module that names it).
 */
export function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
  return require('exceljs') as typeof ExcelJS;
}

async function writeWorkbookTo(file: string, sheets: Iterable<WorkbookSheet> | AsyncIterable<WorkbookSheet>): Promise<void> {
  const wb = new (loadExcelJs().stream.xlsx.WorkbookWriter)({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Rebate Desk';
  let n = 0;
  for await (const sheet of sheets) {
    if ('kind' in sheet) writeForm(wb, sheet);
    else await writeTable(wb, sheet);
    if (++n % 50 === 0) await flush();
  }
  await wb.commit();
}

export const writeTables = (file: string, sheets: PreparedSheet[]): Promise<void> => writeWorkbook(file, sheets);
