/**
 * The display rules, checked the way a finance user meets them: the demo month is loaded, calculated
 * and exported, and every workbook is read back. No cell says true/false, no money or rate column
 * holds more than two decimals (of yuan or of a percent), and the import error workbook names fields
 * by their label and a CSV's sheet by the file's own name, never an internal key or a temporary id.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { FIELDS } from '../../domain';
import { loadDemo } from '../services/demo';
import { Harness } from '../testing/harness';
import { readWorkbook } from '../testing/xlsx-read';

let h: Harness;
afterEach(() => h?.close());

const MONEY_FORMATS = new Set(['#,##0.00']);
const RATE_FORMATS = new Set(['0.00%']);

/** Decimals of a number as written in the file (shortest round trip). */
function decimals(n: number): number {
  const m = /\.(\d+)$/.exec(String(n));
  return m?.[1]?.length ?? 0;
}

function problems(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (typeof v === 'boolean') out.push(`${ws.name}!${c.address}: a boolean cell`);
        if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) out.push(`${ws.name}!${c.address}: "${v}"`);
        if (typeof v === 'number' && MONEY_FORMATS.has(c.numFmt ?? '') && decimals(v) > 2) out.push(`${ws.name}!${c.address}: money ${v}`);
        if (typeof v === 'number' && RATE_FORMATS.has(c.numFmt ?? '') && decimals(Number((v * 100).toFixed(10))) > 2) out.push(`${ws.name}!${c.address}: rate ${v}`);
      }),
    );
  }
  return out;
}

describe('display rules in exported workbooks (read back)', () => {
  it('approval workbook, statements and posting file of the demo month: 是/否, money and rates to two decimals', async () => {
    h = new Harness();
    const admin = await h.admin();
    await loadDemo(admin, { period: '2026-03', distributors: 40, purchaseRows: 600 });
    await h.ok(admin, 'batch.calculate', { period: '2026-03' });

    const approval = path.join(h.dir, 'approval.xlsx');
    await h.ok(admin, 'export.approval', { period: '2026-03', out: approval });
    const statements = path.join(h.dir, 'statements.xlsx');
    await h.ok(admin, 'export.statements', { period: '2026-03', mode: 'workbook', out: statements });

    const wb = await readWorkbook(approval);
    expect(problems(wb)).toEqual([]);
    const details = wb.getWorksheet('明细');
    const headerRow = details?.getRow(3);
    const col = (header: string): number => {
      for (let c = 1; c <= (headerRow?.cellCount ?? 0); c++) if (headerRow?.getCell(c).value === header) return c;
      return -1;
    };
    // the demo's 是否季末 formula (a boolean) is written 是 / 否
    const quarterEnd = col('是否季末');
    expect(quarterEnd).toBeGreaterThan(0);
    const flags = new Set<unknown>();
    for (let r = 4; r <= (details?.rowCount ?? 0); r++) flags.add(details?.getRow(r).getCell(quarterEnd).value);
    expect([...flags].filter((v) => v !== null && v !== '是' && v !== '否')).toEqual([]);
    expect(flags.has('是') || flags.has('否')).toBe(true);
    // a formula rate (promotion achievement) is a percentage cell rounded to 0.01 %
    const promo = col('促销达成率');
    expect(promo).toBeGreaterThan(0);
    expect(details?.getRow(5).getCell(promo).numFmt).toBe('0.00%');

    expect(problems(await readWorkbook(statements))).toEqual([]);
  }, 180_000);

  it('import error workbook: field labels, and a CSV sheet named after the file, not its temporary name', async () => {
    h = new Harness();
    const admin = await h.admin();
    const header = '单据编号,单据日期,经销商编码,金额';
    // uploads are stored under a temporary name; the user's file name travels beside it
    const stored = path.join(h.dir, '37d7d8c8-1f0e-4c55-9a41-purchases-bad-2026-12.csv');
    writeFileSync(stored, `${header}\nXS1,2026-12-03,D1,abc\nXS2,not a date,D1,10\n`);
    const { jobId } = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-12', files: [{ path: stored, name: 'purchases-bad.csv' }] }] });
    let job = await h.ok(admin, 'import.job', { jobId });
    for (let i = 0; i < 600 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await h.ok(admin, 'import.job', { jobId });
    }
    expect(job.reports?.[0]?.status).toBe('rejected');
    const { downloadId } = await h.ok(admin, 'import.errorWorkbook', { jobId });
    const file = h.store.downloads.get(downloadId, admin.session.user?.id ?? 0)?.path ?? '';
    const ws = (await readWorkbook(file)).worksheets[0];
    if (!ws) throw new Error('no sheet');
    const head = ws.getRow(2).values as unknown[];
    const fieldCol = head.indexOf('字段');
    const sheetCol = head.indexOf('工作表');
    expect(fieldCol).toBeGreaterThan(0);
    const fields: unknown[] = [];
    const sheets: unknown[] = [];
    for (let r = 3; r <= ws.rowCount; r++) {
      fields.push(ws.getRow(r).getCell(fieldCol).value);
      sheets.push(ws.getRow(r).getCell(sheetCol).value);
    }
    expect(fields).toEqual(expect.arrayContaining(['金额', '单据日期']));
    for (const key of Object.keys(FIELDS)) expect(fields).not.toContain(key);
    expect(sheets.filter((s) => s !== null)).not.toHaveLength(0);
    for (const s of sheets) if (s !== null) expect(s).toBe('purchases-bad');
  });
});
