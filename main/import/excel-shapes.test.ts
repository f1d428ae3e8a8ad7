/**
 * The cell shapes of data.md's "Reading cell values" as ExcelJS really delivers them, through the full
 * loader and the streaming reader, from a workbook written in memory.
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { parseDate } from './dates';
import { findHeader, type SheetRows } from './headers';
import { isTotalsRow } from './rows';
import { parseCode, parseMoney, parseRate, parseText } from './values';

async function workbookBytes(): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1月');
  ws.getCell('A1').value = '2026年1月进货明细表';
  ws.mergeCells('A1:I1');
  ws.getRow(3).values = ['单据信息', null, '经销商', null, '价税合计（元）', '达成率', '备注', '链接', '公式'];
  ws.getRow(4).values = ['单号', '日期', '编码', '名称'];
  ws.mergeCells('A3:B3');
  ws.mergeCells('C3:D3');
  for (const col of ['E', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}3:${col}4`);
  ws.getRow(5).values = [123, new Date(Date.UTC(2026, 0, 5)), 'D001', { richText: [{ text: '上海' }, { text: '联华', font: { bold: true } }] }, 1.005, 0.855];
  ws.getCell('G5').value = { formula: 'E5*2', result: 2.01 };
  ws.getCell('H5').value = { text: '订单', hyperlink: 'https://example.com/XS1' };
  ws.getCell('I5').value = { formula: 'E5/0', result: { error: '#DIV/0!' } };
  ws.getCell('F5').numFmt = '0.0%';
  ws.getRow(6).values = ['XS2', 46028, '00123', '联华', '¥1,234.50', 85, { formula: 'E6*2' }];
  ws.getRow(7).values = ['合计', null, null, null, { formula: 'SUM(E5:E6)', result: 1235.505 }];
  return wb.xlsx.writeBuffer();
}

async function fullRows(bytes: ExcelJS.Buffer): Promise<CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.getWorksheet('1月');
  const rows: CellValue[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value;
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

async function streamedRows(bytes: ExcelJS.Buffer): Promise<{ rows: CellValue[][]; percent: boolean[][] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'cache' });
  const rows: CellValue[][] = [];
  const percent: boolean[][] = [];
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: CellValue[] = [];
      const formats: boolean[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.value;
        formats[col - 1] = (cell.numFmt ?? '').includes('%');
      });
      rows[row.number - 1] = Array.from(cells, (c) => c ?? null);
      percent[row.number - 1] = Array.from(formats, (f) => f ?? false);
    }
  }
  return { rows: Array.from(rows, (r) => r ?? []), percent };
}

/** The streaming reader drops the cached error of a formula cell (`t="e"` with `<f>`): it arrives as a formula without result. */
function checkSheet(rows: SheetRows, formulaErrorKept: boolean): void {
  const header = findHeader(rows, 'purchases');
  expect(header).toMatchObject({ ok: true, match: { headerRow: 4, headerRowSpan: 2, fieldColumns: { doc_no: 0, date: 1, distributor_code: 2, distributor_name: 3, amount: 4 } } });
  const [r5 = [], r6 = [], r7 = []] = rows.slice(4);
  expect(parseCode(r5[0])).toEqual({ ok: true, value: '123' });
  expect(parseDate(r5[1])).toEqual({ ok: true, value: '2026-01-05' });
  expect(parseText(r5[3])).toEqual({ ok: true, value: '上海联华' });
  expect(parseMoney(r5[4])).toEqual({ ok: true, value: '1.01' });
  expect(parseMoney(r5[6])).toEqual({ ok: true, value: '2.01' });
  expect(parseText(r5[7])).toEqual({ ok: true, value: '订单' });
  expect(parseMoney(r5[8])).toMatchObject(
    formulaErrorKept ? { ok: false, key: 'import.value.cell_error', params: { value: '#DIV/0!' } } : { ok: false, key: 'import.value.formula_no_result' },
  );
  expect(parseDate(r6[1])).toEqual({ ok: true, value: '2026-01-06' });
  expect(parseCode(r6[2])).toEqual({ ok: true, value: '00123' });
  expect(parseMoney(r6[4])).toEqual({ ok: true, value: '1234.50' });
  expect(parseRate(r6[5])).toMatchObject({ ok: true, value: '0.85', warning: { key: 'import.value.rate_as_percent' } });
  expect(parseMoney(r6[6])).toMatchObject({ ok: false, key: 'import.value.formula_no_result' });
  expect(isTotalsRow(r7)).toBe(true);
  expect(parseMoney(r7[4])).toEqual({ ok: true, value: '1235.51' });
}

describe('ExcelJS cell shapes', () => {
  it('full loader: merged cells repeat their value, the reader still finds the two-row header', async () => {
    const rows = await fullRows(await workbookBytes());
    expect(rows[2]?.[1]).toBe('单据信息');
    checkSheet(rows, true);
    expect(parseRate(rows[4]?.[5], { percentFormat: true })).toEqual({ ok: true, value: '0.855' });
  });

  it('streaming reader: merged values only in the top-left cell, dates as date cells via styles', async () => {
    const { rows, percent } = await streamedRows(await workbookBytes());
    expect(rows[2]?.[1] ?? null).toBeNull();
    expect(rows[3]?.[4] ?? null).toBeNull();
    checkSheet(rows, false);
    expect(percent[4]?.[5]).toBe(true);
    expect(parseRate(rows[4]?.[5], { percentFormat: percent[4]?.[5] ?? false })).toEqual({ ok: true, value: '0.855' });
  });
});
