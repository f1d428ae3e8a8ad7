import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetXml } from '../testing/xlsx-read';
import { formWorkbookBytes, writeFormFiles, writeFormWorkbook } from './form-xlsx';
import { writeWorkbook, type ColumnType, type FormCell, type FormSheet } from './xlsx-writer';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-form-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', '\tTab', '\rCR', 'a&b<c>"d"', '_x0041_ stays literal', 'bell\u0007char', '经销商 𠀀', '  spaced  '];

/** Everything ExcelJS reads back of a cell that a reader of a statement sees. */
function look(c: ExcelJS.Cell): unknown {
  // ExcelJS's writer drops the style of merged neighbours (ours keeps their border, as intended):
  // of those, only the merge is compared
  if (c.isMerged && c.master.address !== c.address) return { merged: c.master.address };
  return {
    value: c.value instanceof Date ? c.value.toISOString() : c.value,
    type: c.type,
    numFmt: c.numFmt,
    bold: !!c.font?.bold,
    size: c.font?.size,
    color: c.font?.color?.argb,
    fill: c.fill && 'fgColor' in c.fill ? c.fill.fgColor?.argb : undefined,
    border: ['top', 'left', 'bottom', 'right'].map((k) => c.border?.[k as 'top']?.style ?? null),
    wrap: !!c.alignment?.wrapText,
    horizontal: c.alignment?.horizontal,
    vertical: c.alignment?.vertical,
    merged: c.isMerged ? c.master.address : null,
  };
}

async function sheetLook(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      for (let c = 1; c <= Math.max(ws.columnCount, 4); c++) cells.push(look(row.getCell(c)));
      // a line without any value: only its height matters (ExcelJS keeps a row style there, we do not)
      const empty = !row.hasValues;
      rows.push(empty ? { height: row.height ?? null } : { height: row.height ?? null, cells });
    }
    return { name: ws.name, widths: ws.columns?.map((c) => c.width) ?? [], orientation: ws.pageSetup.orientation, grid: ws.views[0]?.showGridLines, rows };
  });
}

const TYPES: (ColumnType | undefined)[] = [undefined, 'text', 'money', 'rate', 'date', 'datetime', 'int', 'decimal', 'number'];
const STYLES: FormCell['style'][] = [undefined, 'title', 'subtitle', 'section', 'label', 'header', 'total', 'warning', 'sign', 'note'];

const formCell: fc.Arbitrary<FormCell> = fc
  .record({
    type: fc.constantFrom(...TYPES),
    style: fc.constantFrom(...STYLES),
    span: fc.constantFrom(1, 1, 1, 2, 3),
    text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })),
    num: fc.oneof(fc.constantFrom('1234.56', '0.855', '-0.01', '600000.00', '1e3'), fc.integer({ min: -1e9, max: 1e9 }).map(String)),
    date: fc.constantFrom('2026-03-31', '2026-01-05T10:20:30.000Z'),
    blank: fc.boolean().map((b) => b && Math.random() < 0.15),
  })
  .map((r): FormCell => {
    const value = r.blank ? null : r.type === undefined || r.type === 'text' ? r.text : r.type === 'date' || r.type === 'datetime' ? r.date : r.num;
    return { value, ...(r.type ? { type: r.type } : {}), ...(r.style ? { style: r.style } : {}), ...(r.span > 1 ? { span: r.span } : {}) };
  });

const formSheet: fc.Arbitrary<FormSheet> = fc.record({
  kind: fc.constant('form' as const),
  name: fc.constantFrom('D001 经销商', 'a&b', "O'Neil", 'x'),
  widths: fc.constant([28, 22, 22, 22]),
  rows: fc.array(fc.array(formCell, { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
  portrait: fc.boolean(),
});

describe('statements written as our own sheet XML', () => {
  it('read back by ExcelJS exactly as the ExcelJS writer wrote them (values, types, formats, fonts, fills, borders, merges, widths, heights)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(formSheet, async (sheet) => {
        const a = path.join(dir, `exceljs-${++n}.xlsx`);
        const b = path.join(dir, `ours-${n}.xlsx`);
        await writeWorkbook(a, [sheet]);
        writeFileSync(b, formWorkbookBytes(sheet));
        expect(await sheetLook(b)).toEqual(await sheetLook(a));
        for (const xml of await sheetXml(b)) expect(xml).not.toMatch(/<f[ >]/);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('streams a workbook of many sheets and writes files several at a time; a failure leaves no file behind', async () => {
    const sheets: FormSheet[] = Array.from({ length: 300 }, (_, i) => ({ kind: 'form', name: `D${i} 经销商${i}`, widths: [20, 20], rows: [[{ value: `第${i}页`, style: 'title', span: 2 }], [{ value: '金额', style: 'label' }, { value: String(i * 1.5), type: 'money' }]] }));
    const book = path.join(dir, 'book', 'all.xlsx');
    await writeFormWorkbook(book, sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets).toHaveLength(300);
    expect(wb.worksheets[299]?.getCell('B2').value).toBe(448.5);
    expect(wb.worksheets[299]?.name).toBe('D299 经销商299');

    const failing = async function* (): AsyncGenerator<FormSheet> {
      yield sheets[0] as FormSheet;
      throw new Error('database went away');
    };
    const broken = path.join(dir, 'book', 'broken.xlsx');
    await expect(writeFormWorkbook(broken, failing())).rejects.toThrow('database went away');
    expect(() => readFileSync(broken)).toThrow();
    expect(spawnSync('sh', ['-c', `ls ${JSON.stringify(path.join(dir, 'book'))}`], { encoding: 'utf8' }).stdout.trim()).toBe('all.xlsx');

    const files = sheets.slice(0, 40).map((sheet, i) => ({ file: path.join(dir, `f${i}.xlsx`), sheet }));
    await writeFormFiles(files);
    const one = new ExcelJS.Workbook();
    await one.xlsx.readFile(path.join(dir, 'f39.xlsx'));
    expect(one.worksheets[0]?.getCell('A1').value).toBe('第39页');
  }, 120_000);

  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
  it.skipIf(!soffice)('opens in LibreOffice (converted to CSV with the text as written)', () => {
    const sheet: FormSheet = { kind: 'form', name: 'D1', widths: [28, 22], rows: [[{ value: '=HYPERLINK("x")', style: 'title', span: 2 }], [{ value: '本期返利（元）', style: 'label' }, { value: '17100.00', type: 'money', style: 'total' }]], portrait: true };
    const file = path.join(dir, 'lo.xlsx');
    writeFileSync(file, formWorkbookBytes(sheet));
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    // CSV in UTF-8 (76), cells as shown (the last flag)
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
    const csv = readFileSync(path.join(dir, 'lo.csv'), 'utf8');
    expect(csv).toContain('=HYPERLINK(""x"")');
    expect(csv).toContain('本期返利（元）,"17,100.00"');
  }, 180_000);
});
