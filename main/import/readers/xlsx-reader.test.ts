import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadEvent } from './types';
import { readXlsx } from './xlsx-reader';
import { WorkbookRejected, workbookSheets, ZipDirectory } from './zip-inspect';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

async function sample(): Promise<string> {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-xlsx-'));
  const wb = new ExcelJS.Workbook();
  const east = wb.addWorksheet('华东');
  east.addRow(['2026年1月进货明细表']);
  east.mergeCells('A1:D1');
  east.addRow([]);
  east.addRow(['单据编号', '单据日期', '客户编码', '价税合计', '达成率']);
  const r = east.addRow(['XS-001', new Date(Date.UTC(2026, 0, 5)), 'D001', 1234.5, 0.855]);
  r.getCell(5).numFmt = '0.0%';
  east.addRow(['XS-002', new Date(Date.UTC(2026, 0, 6)), { richText: [{ text: 'D0' }, { text: '02' }] }, { formula: 'D4*2', result: 2469 }, null]);
  const hidden = wb.addWorksheet('备注');
  hidden.state = 'hidden';
  hidden.addRow(['单据编号', '单据日期', '客户编码', '价税合计']);
  hidden.addRow(['XS-999', new Date(Date.UTC(2026, 0, 9)), 'D009', 1]);
  const file = path.join(dir, 'purchases.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function collect(file: string): Promise<ReadEvent[]> {
  const out: ReadEvent[] = [];
  for await (const e of readXlsx(file)) out.push(e);
  return out;
}

describe('xlsx streaming reader', () => {
  it('reads visible sheets row by row with Excel row numbers, dates as dates, % formats flagged', async () => {
    const events = await collect(await sample());
    const sheets = events.filter((e) => e.type === 'sheet').map((e) => (e.type === 'sheet' ? e.sheet : null));
    expect(sheets).toEqual([
      { name: '华东', index: 1, hidden: false },
      { name: '备注', index: 2, hidden: true },
    ]);
    const rows = events.flatMap((e) => (e.type === 'row' ? [e.row] : []));
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
    const data = rows[2]!;
    expect(data.values[0]).toBe('XS-001');
    expect(data.values[1]).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(data.values[3]).toBe(1234.5);
    expect(data.percent).toEqual([4]);
    expect(rows[3]!.values[2]).toMatchObject({ richText: [{ text: 'D0' }, { text: '02' }] });
    expect(rows[3]!.values[3]).toEqual({ formula: 'D4*2', result: 2469 });
  });

  it('keeps sheet names and hidden states when the relationship paths are absolute (openpyxl)', async () => {
    const file = await sample();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const relsPath = 'xl/_rels/workbook.xml.rels';
    const rels = await zip.file(relsPath)!.async('string');
    zip.file(relsPath, rels.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'));
    const abs = path.join(dir, 'openpyxl-style.xlsx');
    writeFileSync(abs, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const events = await collect(abs);
    expect(events.filter((e) => e.type === 'sheet').map((e) => (e.type === 'sheet' ? `${e.sheet.name}:${e.sheet.hidden}` : ''))).toEqual(['华东:false', '备注:true']);
    expect(events.filter((e) => e.type === 'row')).toHaveLength(4);
  });

  it('reads the 1904 date system flag from workbook.xml', async () => {
    const file = await sample();
    const zip = ZipDirectory.open(file);
    try {
      expect(workbookSheets(zip).date1904).toBe(false);
    } finally {
      zip.close();
    }
  });
});

describe('hostile and broken files are refused before parsing', () => {
  function problem(bytes: Buffer): string {
    dir ??= mkdtempSync(path.join(tmpdir(), 'rebate-xlsx-'));
    const f = path.join(dir, `f-${Math.random()}.xlsx`);
    writeFileSync(f, bytes);
    try {
      ZipDirectory.open(f).close();
      return 'accepted';
    } catch (e) {
      return e instanceof WorkbookRejected ? e.problem : `crash: ${String(e)}`;
    }
  }

  it('names empty, .xls, encrypted, not-a-zip and truncated files', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-xlsx-'));
    expect(problem(Buffer.alloc(0))).toBe('empty');
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(problem(ole)).toBe('xls');
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1200);
    expect(problem(ole)).toBe('encrypted');
    expect(problem(Buffer.from('单据编号,金额\nA,1\n'))).toBe('not_zip');
    const good = readFileSync(await sample());
    expect(problem(good.subarray(0, Math.floor(good.length / 2)))).toBe('truncated');
  });

  it('refuses a zip bomb by its declared sizes, without inflating it', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(120 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-xlsx-'));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(problem(bytes)).toBe('zip_bomb');
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<document/>');
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-xlsx-'));
    expect(problem(await zip.generateAsync({ type: 'nodebuffer' }))).toBe('not_workbook');
  });
});
