import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formWorkbookBytes, writeFormFiles } from './form-xlsx';
import type { FormSheet } from './xlsx-writer';

/*
 * Statements a file each, written by a pool of worker threads (issue 15): the same bytes as when
 * written on the main thread, every file whole, and a cancelled or failed run leaves no temporary
 * file — the files it wrote are all finished when it returns, so the caller can remove them.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-statement-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-02-03T04:05:06Z');
const sheet = (i: number): FormSheet => ({
  kind: 'form',
  name: `D${String(i).padStart(5, '0')} 经销商${i}`,
  widths: [28, 22, 22, 22],
  rows: [
    [{ value: `经销商对账单 ${i}`, style: 'title', span: 4 }],
    [{ value: '本期返利（元）', style: 'label' }, { value: `${i}.${String(i % 100).padStart(2, '0')}`, type: 'money', style: 'total' }, { value: '=HYPERLINK("x")' }, { value: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, type: 'date' }],
  ],
  portrait: true,
});
const items = (folder: string, n: number) => Array.from({ length: n }, (_, i) => ({ file: path.join(folder, `st-${i}.xlsx`), sheet: sheet(i) }));

describe('statement files in worker threads', () => {
  it('writes the same bytes as the main thread, every file whole', async () => {
    const here = path.join(dir, 'here');
    const pool = path.join(dir, 'pool');
    mkdirSync(here);
    mkdirSync(pool);
    await writeFormFiles(items(here, 230), undefined, { workers: 0, now: NOW });
    await writeFormFiles(items(pool, 230), undefined, { workers: 2, workersFrom: 0, now: NOW });
    const names = readdirSync(here).sort();
    expect(names).toHaveLength(230);
    expect(readdirSync(pool).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(path.join(pool, n)).equals(readFileSync(path.join(here, n))), n).toBe(true);
    expect(readFileSync(path.join(pool, 'st-7.xlsx')).equals(formWorkbookBytes(sheet(7), NOW))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(pool, 'st-229.xlsx'));
    expect(wb.worksheets[0]?.getCell('A1').value).toBe('经销商对账单 229');
    // a text cell stays text, whatever it starts with
    expect(wb.worksheets[0]?.getCell('C2').value).toBe('=HYPERLINK("x")');
  }, 60_000);

  it('cancelled: stops sending, waits for what the workers hold, leaves no temporary file', async () => {
    const folder = path.join(dir, 'cancelled');
    mkdirSync(folder);
    const abort = new AbortController();
    const all = items(folder, 1000);
    let given = 0;
    const source = async function* () {
      for (const item of all) {
        if (given === 420) abort.abort(new Error('cancelled by the user'));
        given++;
        yield item;
      }
    };
    await expect(writeFormFiles(source(), abort.signal, { workers: 2, workersFrom: 0, now: NOW })).rejects.toThrow('cancelled by the user');
    const left = readdirSync(folder);
    expect(left.filter((n) => n.includes('.partial'))).toEqual([]);
    // every file there is whole (the caller removes them all); nothing past the cancel was written
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThanOrEqual(420);
    for (const n of left) expect(readFileSync(path.join(folder, n)).equals(formWorkbookBytes(sheet(Number(/st-(\d+)/.exec(n)?.[1])), NOW)), n).toBe(true);
  }, 60_000);

  it('a file that cannot be written fails the run with its reason and leaves no temporary file', async () => {
    const folder = path.join(dir, 'failing');
    mkdirSync(folder);
    const list = items(folder, 300);
    // one target inside a folder that does not exist
    list[150] = { file: path.join(folder, 'missing', 'st-150.xlsx'), sheet: sheet(150) };
    await expect(writeFormFiles(list, undefined, { workers: 2, workersFrom: 0, now: NOW })).rejects.toThrow(/ENOENT/);
    expect(readdirSync(folder).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(existsSync(path.join(folder, 'missing'))).toBe(false);
  }, 60_000);

  it('a small run is written on the main thread, whole', async () => {
    const small = path.join(dir, 'small');
    mkdirSync(small);
    await writeFormFiles(items(small, 12), undefined, { workers: 2, now: NOW });
    expect(readdirSync(small)).toHaveLength(12);
  });
});
