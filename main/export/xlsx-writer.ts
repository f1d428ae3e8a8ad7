import ExcelJS from 'exceljs';

export type ColumnType = 'text' | 'money' | 'rate' | 'date' | 'int' | 'decimal';

export interface TableColumn<Row> {
  header: string;
  width?: number;
  type: ColumnType;
  value: (row: Row) => string | number | null | undefined;
}

export interface TableSheet<Row> {
  name: string;
  columns: TableColumn<Row>[];
  rows: Iterable<Row>;
  /** lines above the header (title, notes), written as plain text */
  preamble?: string[];
}

const FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  money: '#,##0.00',
  rate: '0.00%',
  date: 'yyyy-mm-dd',
  int: '#,##0',
  decimal: '#,##0.######',
};

/**
 * A cell value as written: numbers for numeric columns (money from exact decimal strings, which a
 * double holds to the cent), dates as dates, everything else as a plain string — never a formula,
 * whatever it starts with (`=`, `+`, `-`, `@`, tab, CR): ExcelJS writes strings as text cells.
 */
export function cellValue(type: ColumnType, v: string | number | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'text') return String(v);
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(v);
  }
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : String(v);
}

/** A sheet with its row type erased, so sheets of different rows go into one workbook. */
export interface PreparedSheet {
  name: string;
  preamble?: string[];
  columns: { header: string; width?: number; type: ColumnType }[];
  cells(): Iterable<ExcelJS.CellValue[]>;
}

export function table<Row>(sheet: TableSheet<Row>): PreparedSheet {
  return {
    name: sheet.name,
    ...(sheet.preamble ? { preamble: sheet.preamble } : {}),
    columns: sheet.columns,
    *cells() {
      for (const row of sheet.rows) yield sheet.columns.map((c) => cellValue(c.type, c.value(row)));
    },
  };
}

/** Writes sheets as a streamed workbook (bounded memory): bold frozen header, auto filter, widths. */
export async function writeTables(file: string, sheets: PreparedSheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Rebate Desk';
  for (const sheet of sheets) {
    const pre = sheet.preamble ?? [];
    const headerRow = pre.length + 1;
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width ?? Math.max(10, Math.min(60, c.header.length * 2 + 4)), style: { numFmt: FORMATS[c.type] } }));
    for (const line of pre) ws.addRow([line]).commit();
    const head = ws.addRow(sheet.columns.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
      cell.alignment = { vertical: 'middle' };
    });
    head.commit();
    let last = headerRow;
    for (const cells of sheet.cells()) {
      ws.addRow(cells).commit();
      last++;
    }
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(last, headerRow), column: sheet.columns.length } };
    ws.commit();
  }
  await wb.commit();
}
