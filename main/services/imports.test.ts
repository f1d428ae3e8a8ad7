import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from './context';
import { Harness } from '../testing/harness';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../testing/workbooks';

let h: Harness;
afterEach(() => h?.close());

const D = (code: string, name: string, region: string, grade: string, status = '启用') => [code, name, region, '江苏', '南京', grade, status];

async function withMasterData(): Promise<ServiceContext> {
  h = new Harness();
  const admin = await h.admin();
  const file = await writeWorkbook(h.dir, 'distributors-2026.xlsx', [
    {
      name: '经销商档案',
      preamble: [['经销商档案（导出日期：2026-02-01）'], []],
      mergeTitle: true,
      header: DISTRIBUTOR_HEADER,
      rows: [D('D001', '华光商贸', '华东', 'A'), D('D002', '南方食品', '华南', 'B'), D('00123', '北方粮油', '华北', 'C'), D('D004', '停业商行', '华中', 'D', '停用')],
    },
  ]);
  const r = await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: file }] });
  expect(r.status).toBe('imported');
  expect(r.rows).toBe(4);
  return admin;
}

function count(table: string): number {
  return (h.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function sumCents(table: string): number {
  return (h.store.db.prepare(`SELECT COALESCE(SUM(amount_cents), 0) AS s FROM ${table}`).get() as { s: number }).s;
}

describe('importing a month', () => {
  it('imports several files (xlsx with a hidden sheet and a title, GBK CSV) as one import, totals exact', async () => {
    const admin = await withMasterData();
    const xlsx = await writeWorkbook(h.dir, 'purchases-east.xlsx', [
      {
        name: '华东',
        preamble: [['2026年1月进货明细表'], ['制表日期：2026-02-03']],
        mergeTitle: true,
        header: PURCHASE_HEADER,
        rows: [
          ['XS001', 1, new Date(Date.UTC(2026, 0, 5)), 'D001', '华光商贸', 'SKU1', '酱油', 10, 12.5, 125],
          ['XS001', 2, new Date(Date.UTC(2026, 0, 5)), 'D001', '华光商贸', 'SKU2', '醋', 3, 0.1, '¥0.30'],
          ['XS002', 1, '2026/1/31', '123', '北方粮油', 'SKU1', '酱油', 1, 0.2, 0.2],
        ],
      },
      { name: '作废', hidden: true, header: PURCHASE_HEADER, rows: [['XS999', 1, new Date(Date.UTC(2026, 0, 9)), 'NOPE', '', '', '', 1, 1, 1]] },
    ]);
    const csv = writeGbkCsv(h.dir, 'purchases-south.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1000, '5,000.10']]);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: xlsx }, { path: csv }] });
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('imported');
    expect(r.rows).toBe(4);
    expect(r.files.map((f) => [f.file, f.rows, f.total])).toEqual([
      ['purchases-east.xlsx', 3, '125.50'],
      ['purchases-south.csv', 1, '5000.10'],
    ]);
    expect(r.files[0]?.sheets).toEqual([
      { name: '华东', header_row: 3, rows: 3 },
      expect.objectContaining({ name: '作废', skipped: 'hidden' }),
    ]);
    expect(count('purchases')).toBe(4);
    expect(sumCents('purchases')).toBe(512560);
    // the zero-padded code 123 matched master data 00123, with a warning
    expect(h.store.db.prepare("SELECT distributor_code FROM purchases WHERE doc_no = 'XS002'").get()).toEqual({ distributor_code: '00123' });
    expect(r.warnings.map((w) => w.key)).toContain('import.code.padded_match');
    const log = await h.ok(admin, 'audit.list', { limit: 1 });
    expect(log.rows[0]).toMatchObject({ action: 'import.add', entity: 'import' });
  });

  it('the identical file again is a no-op with a message', async () => {
    const admin = await withMasterData();
    const csv = writeGbkCsv(h.dir, 'p.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5]]);
    await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: csv }] });
    const again = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: csv }] });
    expect(again.status).toBe('unchanged');
    expect(again.message).toContain('没有任何变化');
    expect(count('purchases')).toBe(1);
  });

  it('rejects the whole import when one file has an error, naming file, sheet, row, column and header', async () => {
    const admin = await withMasterData();
    const good = writeGbkCsv(h.dir, 'good.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5]]);
    const bad = await writeWorkbook(h.dir, 'bad.xlsx', [
      {
        name: 'Sheet1',
        header: PURCHASE_HEADER,
        rows: [
          ['XS200', 1, '2026-01-11', 'D999', '无此客户', 'SKU1', '酱油', 1, 1, 1],
          ['XS201', 1, '2026-01-12', 'D001', '华光商贸', 'SKU1', '酱油', 1, 1, 'abc'],
        ],
      },
    ]);
    const before = count('purchases');
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: good }, { path: bad }] });
    expect(r.status).toBe('rejected');
    expect(r.import_id).toBeNull();
    expect(count('purchases')).toBe(before);
    expect(count('import_files')).toBe(1);
    const unknown = r.errors.find((e) => e.value === 'D999');
    expect(unknown).toMatchObject({ file: 'bad.xlsx', sheet: 'Sheet1', row: 2, column: 'D', header: '客户编码' });
    const amount = r.errors.find((e) => e.value === 'abc');
    expect(amount).toMatchObject({ file: 'bad.xlsx', row: 3, column: 'J', header: '价税合计' });
    expect(amount?.message).toContain('abc');
  });

  it('finds the same line twice across files and against what is stored, at its later occurrence', async () => {
    const admin = await withMasterData();
    const a = writeGbkCsv(h.dir, 'a.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5]]);
    const b = writeGbkCsv(h.dir, 'b.csv', PURCHASE_HEADER, [
      ['XS300', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5],
      ['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5],
    ]);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: a }, { path: b }] });
    expect(r.status).toBe('rejected');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'b.csv', row: 3, key: 'import.duplicate_line' });
    expect(r.errors[0]?.message).toContain('a.csv');

    await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: a }] });
    // a later export of the same lines with one more: different bytes, same line XS100/1
    const reExport = writeGbkCsv(h.dir, 'a-reexport.csv', PURCHASE_HEADER, [
      ['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5],
      ['XS101', 1, '2026-01-11', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5],
    ]);
    const r2 = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: reExport }] });
    expect(r2.status).toBe('rejected');
    expect(r2.errors).toHaveLength(1);
    expect(r2.errors[0]).toMatchObject({ file: 'a-reexport.csv', row: 2, key: 'import.duplicate_line' });
    expect(r2.errors[0]?.message).toContain('a.csv');
  });

  it('stores lines in bulk: hundreds of rows exact to the cent, and duplicates inside a bulk chunk found at their own rows', async () => {
    const admin = await withMasterData();
    const line = (i: number, doc = `XS${1000 + i}`) => [doc, 1, '2026-01-10', i % 2 ? 'D001' : 'D002', '', 'SKU1', '酱油', 1, `${i}.01`, `${i}.01`];
    const many = Array.from({ length: 300 }, (_, i) => line(i));
    const good = writeGbkCsv(h.dir, 'many.csv', PURCHASE_HEADER, many);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: good }], dryRun: true });
    expect(r.status).toBe('valid');
    expect(count('purchases')).toBe(0);
    const withDups = [...many];
    withDups[100] = line(100, 'XS1010'); // the same document and line as row 10 (file row 12)
    withDups[101] = line(101, 'XS1010');
    withDups[250] = line(250, 'XS1299');
    const bad = writeGbkCsv(h.dir, 'dups.csv', PURCHASE_HEADER, withDups);
    const r2 = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: bad }] });
    expect(r2.status).toBe('rejected');
    expect(r2.errors.map((e) => [e.row, e.key, e.value])).toEqual([
      [102, 'import.duplicate_line', 'XS1010 / 1'],
      [103, 'import.duplicate_line', 'XS1010 / 1'],
      [301, 'import.duplicate_line', 'XS1299 / 1'], // the later occurrence: its first is row 252
    ]);
    expect(r2.errors[0]?.message).toContain('12');
    expect(count('purchases')).toBe(0);
    const ok = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: good }] });
    expect(ok.status).toBe('imported');
    expect(count('purchases')).toBe(300);
    // Σ (i + 0.01) for i < 300 = 44,850 + 3.00
    expect(sumCents('purchases')).toBe(4_485_300);
    expect(ok.files[0]?.total).toBe('44853.00');
  });

  it('replace swaps the period’s rows of the kind in one transaction', async () => {
    const admin = await withMasterData();
    const first = writeGbkCsv(h.dir, 'v1.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 5]]);
    const second = writeGbkCsv(h.dir, 'v2.csv', PURCHASE_HEADER, [
      ['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1, 6],
      ['XS101', 1, '2026-01-11', 'D001', '华光商贸', 'SKU1', '酱油', 5, 1, 7],
    ]);
    await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: first }] });
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: second }], replace: true });
    expect(r.status).toBe('imported');
    expect(count('purchases')).toBe(2);
    expect(sumCents('purchases')).toBe(1300);
    const history = await h.ok(admin, 'import.history', { period: '2026-01' });
    expect(history.filter((x) => x.kind === 'purchases').map((x) => [x.fileName, x.replaced])).toEqual([
      ['v2.csv', false],
      ['v1.csv', true],
    ]);
  });

  it('refuses broken files with a message naming the file, and stores nothing', async () => {
    const admin = await withMasterData();
    const xls = path.join(h.dir, 'old.xls');
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(xls, ole);
    const empty = path.join(h.dir, 'empty.xlsx');
    writeFileSync(empty, '');
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: xls }, { path: empty }] });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.key)).toEqual(['import.file.xls', 'import.file.empty']);
    expect(r.errors[0]?.message).toContain('old.xls');
    expect(r.errors[0]?.message).toContain('.xlsx');
    expect(count('purchases')).toBe(0);
  });

  it('re-importing distributors updates them and keeps grade and region history by period', async () => {
    const admin = await withMasterData();
    const changed = await writeWorkbook(h.dir, 'distributors-feb.xlsx', [
      { name: 'S', header: DISTRIBUTOR_HEADER, rows: [D('D001', '华光商贸有限公司', '华东', 'B'), D('D005', '新开商行', '西南', 'C')] },
    ]);
    await h.ok(admin, 'import.run', { kind: 'distributors', period: '2026-03', files: [{ path: changed }] });
    const list = await h.ok(admin, 'distributors.list', {});
    const d1 = list.find((d) => d.code === 'D001');
    expect(d1).toMatchObject({ name: '华光商贸有限公司', grade: 'B' });
    expect(d1?.history.map((x) => [x.effective_from, x.grade])).toEqual([
      ['0000-00', 'A'],
      ['2026-03', 'B'],
    ]);
    expect(list.map((d) => d.code)).toEqual(['00123', 'D001', 'D002', 'D004', 'D005']);
  });

  it('several kinds are one transaction: new master data serves the period data, and one error stores nothing of either', async () => {
    h = new Harness();
    const admin = await h.admin();
    const dist = await writeWorkbook(h.dir, 'd.xlsx', [{ name: 'S', header: DISTRIBUTOR_HEADER, rows: [D('N001', '新客户', '华东', 'A')] }]);
    const good = writeGbkCsv(h.dir, 'p.csv', PURCHASE_HEADER, [['XS1', 1, '2026-01-10', 'N001', '新客户', 'SKU1', '酱油', 1, 1, 1]]);
    const bad = writeGbkCsv(h.dir, 'p-bad.csv', PURCHASE_HEADER, [['XS2', 1, '2026-02-10', 'N001', '新客户', 'SKU1', '酱油', 1, 1, 1]]);
    const { runImports } = await import('./imports');
    const failed = await runImports(admin, [
      { kind: 'purchases', period: '2026-01', files: [{ path: bad }] },
      { kind: 'distributors', files: [{ path: dist }] },
    ]);
    expect(failed.map((r) => [r.kind, r.status])).toEqual([
      ['distributors', 'rejected'],
      ['purchases', 'rejected'],
    ]);
    expect(failed[1]?.errors[0]?.key).toBe('import.date.outside_period');
    expect(count('distributors')).toBe(0);
    const ok = await runImports(admin, [
      { kind: 'distributors', files: [{ path: dist }] },
      { kind: 'purchases', period: '2026-01', files: [{ path: good }] },
    ]);
    expect(ok.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(count('purchases')).toBe(1);
  });

  it('keeps Chinese text intact when its UTF-8 bytes straddle the reader’s chunks (large shared-string tables)', async () => {
    h = new Harness();
    const admin = await h.admin();
    const names = Array.from({ length: 4000 }, (_, i) => `华东区${i}号经销商${'鑫源商贸有限责任公司'.repeat(3)}¥`);
    const file = await writeWorkbook(h.dir, 'big-names.xlsx', [
      { name: '档案', header: DISTRIBUTOR_HEADER, rows: names.map((n, i) => [`C${String(i).padStart(5, '0')}`, n, '华东', '江苏', '南京', 'A', '启用']) },
    ]);
    const r = await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: file }] });
    expect(r.errors).toEqual([]);
    const stored = (h.store.db.prepare('SELECT name FROM distributors ORDER BY code').all() as { name: string }[]).map((x) => x.name);
    expect(stored.filter((n) => n.includes('\uFFFD'))).toEqual([]);
    expect(stored).toEqual(names);
  });

  it('a cancelled import stores nothing', async () => {
    const admin = await withMasterData();
    const rows = Array.from({ length: 30000 }, (_, i) => [`XS${i}`, 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 1, 1, 1]);
    const big = writeGbkCsv(h.dir, 'big.csv', PURCHASE_HEADER, rows);
    const { jobId } = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-01', files: [{ path: big }] }] });
    await h.ok(admin, 'import.cancel', { jobId });
    let job = await h.ok(admin, 'import.job', { jobId });
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = await h.ok(admin, 'import.job', { jobId });
    }
    expect(job.reports?.[0]?.status).toBe('cancelled');
    expect(count('purchases')).toBe(0);
  });
});
