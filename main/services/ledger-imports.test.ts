import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { DISTRIBUTOR_HEADER, writeGbkCsv, writeWorkbook } from '../testing/workbooks';
import type { ServiceContext } from './context';

let h: Harness;
afterEach(() => h?.close());

async function withDistributors(): Promise<ServiceContext> {
  h = new Harness();
  const admin = await h.admin();
  const d = (code: string) => [code, `经销商${code}`, '华东', '江苏', '南京', 'A', '启用'];
  const file = await writeWorkbook(h.dir, 'distributors.xlsx', [{ name: 'S', header: DISTRIBUTOR_HEADER, rows: [d('D1'), d('D2'), d('00123')] }]);
  await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: file }] });
  return admin;
}

function rows(sql: string): unknown[] {
  return h.store.db.prepare(sql).all();
}

describe('settlements (返利兑付明细)', () => {
  it('reads an ERP export: title rows, synonyms, every method in Chinese and English, reversals and late rows warned', async () => {
    const admin = await withDistributors();
    const file = await writeWorkbook(h.dir, 'settlements-2026-02.xlsx', [
      {
        name: '返利核销',
        preamble: [['2026年2月返利兑付明细'], ['制表：财务部']],
        mergeTitle: true,
        header: ['核销单号', '序号', '核销日期', '客户编码', '客户名称', '核销金额', '核销方式', '备注'],
        rows: [
          ['HX001', 1, '2026-02-03', 'D1', '经销商D1', '1,000.00', '票折', '2月订单抵扣'],
          ['HX001', 2, '2026-02-03', 'D1', '经销商D1', 250.5, 'Goods', null],
          ['HX002', 1, '2026/2/10', '123', '经销商00123', '¥300', '冲应收', null],
          ['HX003', 1, '2026-02-11', 'D2', '经销商D2', 99.99, 'CASH', null],
          ['HX004', 1, '2026-02-12', 'D2', '经销商D2', 10, null, '未填方式'],
          ['HX005', 1, '2026-02-13', 'D1', '经销商D1', -100, '票折', '冲回 HX001'],
          ['HX006', 1, '2026-01-28', 'D2', '经销商D2', 50, 'invoice', '一月补记'],
          ['合计', null, null, null, null, 1610.49, null, null],
        ],
      },
    ]);
    const r = await h.ok(admin, 'import.run', { kind: 'settlements', period: '2026-02', files: [{ path: file }] });
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('imported');
    expect(r.rows).toBe(7);
    expect(r.files[0]?.total).toBe('1610.49');
    expect(rows('SELECT doc_no, line_no, distributor_code, amount_cents, method, sheet, row_no FROM settlements ORDER BY id')).toEqual([
      { doc_no: 'HX001', line_no: '1', distributor_code: 'D1', amount_cents: 100000, method: 'invoice', sheet: '返利核销', row_no: 4 },
      { doc_no: 'HX001', line_no: '2', distributor_code: 'D1', amount_cents: 25050, method: 'goods', sheet: '返利核销', row_no: 5 },
      { doc_no: 'HX002', line_no: '1', distributor_code: '00123', amount_cents: 30000, method: 'offset', sheet: '返利核销', row_no: 6 },
      { doc_no: 'HX003', line_no: '1', distributor_code: 'D2', amount_cents: 9999, method: 'cash', sheet: '返利核销', row_no: 7 },
      { doc_no: 'HX004', line_no: '1', distributor_code: 'D2', amount_cents: 1000, method: 'invoice', sheet: '返利核销', row_no: 8 },
      { doc_no: 'HX005', line_no: '1', distributor_code: 'D1', amount_cents: -10000, method: 'invoice', sheet: '返利核销', row_no: 9 },
      { doc_no: 'HX006', line_no: '1', distributor_code: 'D2', amount_cents: 5000, method: 'invoice', sheet: '返利核销', row_no: 10 },
    ]);
    const warned = r.warnings.map((w) => [w.key, w.row, w.column]);
    expect(warned).toContainEqual(['import.settlement.reversal', 9, 'F']);
    expect(warned).toContainEqual(['import.settlement.late', 10, 'C']);
    expect(r.warnings.find((w) => w.key === 'import.settlement.reversal')?.message).toContain('冲回');
  });

  it('refuses bad rows with file, sheet, row and column: unknown method, later date, unknown code, duplicates', async () => {
    const admin = await withDistributors();
    const header = ['兑付单号', '行号', '兑付日期', '经销商编码', '兑付金额', '兑付方式'];
    const file = await writeWorkbook(h.dir, 'settlements-bad.xlsx', [
      {
        name: 'Sheet1',
        header,
        rows: [
          ['DF1', 1, '2026-02-01', 'D1', 100, '支票'],
          ['DF2', 1, '2026-03-01', 'D1', 100, '票折'],
          ['DF3', 1, '2026-02-02', 'NOPE', 100, '票折'],
          ['DF4', 1, '2026-02-02', 'D1', 100, '货补'],
          ['DF4', 1, '2026-02-02', 'D1', 100, '货补'],
        ],
      },
    ]);
    const r = await h.ok(admin, 'import.run', { kind: 'settlements', period: '2026-02', files: [{ path: file }] });
    expect(r.status).toBe('rejected');
    const byRow = [...r.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    expect(byRow.map((e) => [e.file, e.sheet, e.row, e.column, e.key])).toEqual([
      ['settlements-bad.xlsx', 'Sheet1', 2, 'F', 'import.value.not_method'],
      ['settlements-bad.xlsx', 'Sheet1', 3, 'C', 'import.settlement.future'],
      ['settlements-bad.xlsx', 'Sheet1', 4, 'D', 'import.code.not_found'],
      ['settlements-bad.xlsx', 'Sheet1', 6, null, 'import.duplicate_settlement'],
    ]);
    expect(byRow[0]?.message).toContain('支票');
    expect(rows('SELECT * FROM settlements')).toEqual([]);
  });

  it('a settlement document is used once: the same rows in a later period are duplicates; without line numbers doc+code+amount+method decide', async () => {
    const admin = await withDistributors();
    const header = ['单据号', '日期', '客户编码', '使用金额', '使用方式'];
    const feb = writeGbkCsv(h.dir, 'settlements-feb.csv', header, [
      ['PZ1', '2026-02-05', 'D1', '100.00', '票折'],
      ['PZ1', '2026-02-05', 'D1', '100.00', '货补'],
    ]);
    expect((await h.ok(admin, 'import.run', { kind: 'settlements', period: '2026-02', files: [{ path: feb }] })).rows).toBe(2);
    const mar = writeGbkCsv(h.dir, 'settlements-mar.csv', header, [['PZ1', '2026-02-05', 'D1', '100.00', '货补']]);
    const r = await h.ok(admin, 'import.run', { kind: 'settlements', period: '2026-03', files: [{ path: mar }] });
    expect(r.status).toBe('rejected');
    expect(r.errors[0]).toMatchObject({ key: 'import.duplicate_settlement', row: 2 });
    expect(r.errors[0]?.message).toContain('2026-02');
  });
});

describe('balances (返利期初余额)', () => {
  it('imports opening balances to the cent, negative allowed; a code twice in a file is a row error', async () => {
    const admin = await withDistributors();
    const good = await writeWorkbook(h.dir, 'balances.xlsx', [{ name: '余额', header: ['客户编码', '客户名称', '期初返利余额'], rows: [['D1', '经销商D1', '12,345.675'], ['D2', '经销商D2', '(200.00)']] }]);
    const r = await h.ok(admin, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: good }] });
    expect(r.errors).toEqual([]);
    expect(r.files[0]?.total).toBe('12145.68');
    expect(rows('SELECT distributor_code, opening_cents, period FROM balances ORDER BY distributor_code')).toEqual([
      { distributor_code: 'D1', opening_cents: 1234568, period: '2026-01' },
      { distributor_code: 'D2', opening_cents: -20000, period: '2026-01' },
    ]);
    const twice = await writeWorkbook(h.dir, 'balances-twice.xlsx', [{ name: 'S', header: ['经销商编码', '余额'], rows: [['00123', 1], ['00123', 2]] }]);
    const bad = await h.ok(admin, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: twice }] });
    expect(bad.errors.map((e) => [e.file, e.sheet, e.row, e.column, e.key])).toEqual([['balances-twice.xlsx', 'S', 3, 'A', 'import.balance.duplicate_in_file']]);
  });

  it('a second set needs --replace; another period needs --replace; replace swaps the set', async () => {
    const admin = await withDistributors();
    const a = writeGbkCsv(h.dir, 'balances-a.csv', ['客户编码', '期初余额'], [['D1', '100']]);
    await h.ok(admin, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: a }] });
    const b = writeGbkCsv(h.dir, 'balances-b.csv', ['客户编码', '期初余额'], [['D1', '200'], ['D2', '5']]);
    const again = await h.ok(admin, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: b }] });
    expect(again.errors.map((e) => [e.row, e.key])).toEqual([[2, 'import.duplicate_balance']]);
    const other = await h.call(admin, 'import.run', { kind: 'balances', period: '2026-02', files: [{ path: b }] });
    expect(other).toMatchObject({ ok: false, error: { key: 'ledger.balances_other_period' } });
    const replaced = await h.ok(admin, 'import.run', { kind: 'balances', period: '2026-02', files: [{ path: b }], replace: true });
    expect(replaced.status).toBe('imported');
    expect(rows('SELECT distributor_code, opening_cents, period FROM balances ORDER BY distributor_code')).toEqual([
      { distributor_code: 'D1', opening_cents: 20000, period: '2026-02' },
      { distributor_code: 'D2', opening_cents: 500, period: '2026-02' },
    ]);
  });
});
