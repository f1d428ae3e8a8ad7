import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecords, MAX_CSV_FIELD_CHARS } from './csv';
import { readXlsxFast, SharedStringsScanner } from './readers/fast-xlsx';
import { MAX_SHARED_STRINGS, MAX_SHEETS, WorkbookRejected } from './readers/zip-inspect';

/** Issue 11, item 7: the bounds a crafted file meets before it costs seconds and gigabytes. */
const dir = mkdtempSync(path.join(tmpdir(), 'rebate-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookRejected) return `${e.problem}:${e.detail}`;
    throw e;
  }
  return 'none';
}

function workbook(sheets: number): string {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships>${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  for (let i = 1; i <= sheets; i++) parts[`xl/worksheets/sheet${i}.xml`] = strToU8(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`);
  const file = path.join(dir, `sheets-${sheets}.xlsx`);
  writeFileSync(file, zipSync(parts));
  return file;
}

async function sheetsRead(file: string): Promise<number | string> {
  let n = 0;
  try {
    for await (const e of readXlsxFast(file)) if (e.type === 'sheet') n++;
  } catch (e) {
    if (e instanceof WorkbookRejected) return `${e.problem}:${e.detail}`;
    throw e;
  }
  return n;
}

describe('workbook bounds', () => {
  it(`${MAX_SHEETS} sheets are read; one more and the workbook is refused (too_many_sheets)`, async () => {
    expect(await sheetsRead(workbook(MAX_SHEETS))).toBe(MAX_SHEETS);
    expect(await sheetsRead(workbook(MAX_SHEETS + 1))).toBe(`too_many_sheets:${MAX_SHEETS}`);
  });

  it(`${MAX_SHARED_STRINGS.toLocaleString('en-US')} shared strings are read; one more is refused (shared_strings_count)`, () => {
    const scanner = new SharedStringsScanner();
    const chunk = '<si/>'.repeat(100_000);
    scanner.push('<sst>');
    for (let i = 0; i < MAX_SHARED_STRINGS / 100_000; i++) scanner.push(chunk);
    expect(scanner.items.length).toBe(MAX_SHARED_STRINGS);
    expect(problemOf(() => scanner.push('<si><t>one more</t></si>'))).toBe(`shared_strings_count:${MAX_SHARED_STRINGS.toLocaleString('en-US')}`);
  });

  it('a shared-strings part beyond 200 million characters is refused as it streams (shared_strings_size)', () => {
    const scanner = new SharedStringsScanner();
    scanner.push('<sst>');
    const big = `<si><t>${'长'.repeat(1_000_000)}</t></si>`;
    let problem = 'none';
    for (let i = 0; i < 250 && problem === 'none'; i++) problem = problemOf(() => scanner.push(big));
    expect(problem).toBe('shared_strings_size:200');
    expect(scanner.items.length).toBeLessThan(200);
  });
});

describe('CSV bounds', () => {
  const first = (text: string) => [...csvRecords(text, ',')].find((r) => !r.ok) ?? null;

  it('16,384 columns are a record; one more is refused with the row', () => {
    expect(first(`${'x,'.repeat(16_383)}x\r\n`)).toBeNull();
    expect(first(`a\r\n${'x,'.repeat(16_384)}x\r\n`)).toEqual({ ok: false, key: 'import.csv.too_many_columns', params: { row: 2, limit: 16_384 } });
  });

  it('a field longer than a million characters is refused with row and column, quoted or not; a 40,000-character cell is read (the row rule refuses it)', () => {
    const long = 'y'.repeat(MAX_CSV_FIELD_CHARS + 1);
    expect(first(`a,b\r\n1,${long}\r\n`)).toEqual({ ok: false, key: 'import.csv.field_too_long', params: { row: 2, column: 'B', chars: MAX_CSV_FIELD_CHARS + 1, limit: MAX_CSV_FIELD_CHARS } });
    expect(first(`a,b,c\r\n1,2,"${long}"\r\n`)).toMatchObject({ ok: false, key: 'import.csv.field_too_long', params: { row: 2, column: 'C' } });
    const records = [...csvRecords(`a,b\r\n1,"${'z'.repeat(40_000)}"\r\n`, ',')];
    expect(records.every((r) => r.ok)).toBe(true);
  });
});
