import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** An exported workbook read back the way another program would: ExcelJS for cells, the zip for raw XML. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Every sheet's XML in the package: an exported workbook must have no `<f>` (formula) element. */
export async function sheetXml(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  return Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''));
}

/** All cell texts of a sheet, row by row, for "does the sheet say X" checks. */
export function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c.value instanceof Date ? c.value.toISOString() : String(c.value))));
  return out;
}

/** The row whose first cell is `first` (headers, totals). */
export function rowStarting(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === first) return ws.getRow(i);
  throw new Error(`no row starting with ${first} in ${ws.name}`);
}

/** A numeric cell as integer cents (a double holds every cent amount up to 2^53 / 100 exactly enough to round). */
export function cellCents(c: ExcelJS.Cell): bigint {
  if (typeof c.value !== 'number') throw new Error(`${c.address} is not a number: ${String(c.value)}`);
  return BigInt(Math.round(c.value * 100));
}
