import type ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { Harness } from '../testing/harness';
import { approvePeriod, importMonth, ledgerWorld, type LedgerWorld } from '../testing/ledger-months';
import { writeGbkCsv } from '../testing/workbooks';
import { cellCents, readWorkbook, rowStarting, sheet, sheetXml, texts } from '../testing/xlsx-read';

let h: Harness;
afterEach(() => h?.close());

const M = (invoice = '0.00', goods = '0.00', offset = '0.00', cash = '0.00') => ({ invoice, goods, offset, cash });

/**
 * The three months, by hand (rebate = 1% of net purchases; accrued only once approved):
 *
 * 2026-01  balances D1 1000, D2 500, D4 200. Purchases D1 100000, D2 50000, D3 20000 → accrued 1000, 500, 200.
 *          Settlements D1 票折 300 + 货补 200; D2 冲应收 1200; D3 现金 50.
 *          D1 1000+1000−500 = 1500 · D2 500+500−1200 = −200 (overdrawn) · D3 0+200−50 = 150 · D4 200.
 * 2026-02  Purchases D1 200000, D2 100000 → 2000, 1000. Settlements D1 票折 1000 and a reversal −100;
 *          D3 cash 30 dated 2026-01-25 (booked late).
 *          D1 1500+2000−900 = 2600 · D2 −200+1000 = 800 · D3 150−30 = 120 · D4 200, no settlement in
 *          Jan or Feb: dormant (threshold 2).
 * 2026-03  Purchases D1 50000 → 500. Settlements D2 货补 300. Ledger adjustments: D4 −200 write-off,
 *          D1 +10 correction. D1 2600+500+10 = 3110 · D2 800−300 = 500 · D3 120 · D4 200−200 = 0.
 */
async function threeMonths(): Promise<LedgerWorld> {
  h = new Harness();
  const w = await ledgerWorld(h);
  await h.ok(w.admin, 'settings.update', { ledgerDormantPeriods: 2 });
  const balances = writeGbkCsv(h.dir, 'balances.csv', ['客户编码', '期初返利余额'], [['D1', '1,000.00'], ['D2', '500'], ['D4', '200.00']]);
  expect((await h.ok(w.prep, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: balances }] })).rows).toBe(3);
  await importMonth(h, w.prep, '2026-01', [['D1', 100000], ['D2', 50000], ['D3', 20000]], [
    ['J1', 1, '2026-01-10', 'D1', 300, '票折', null],
    ['J1', 2, '2026-01-10', 'D1', 200, '货补', null],
    ['J2', 1, '2026-01-12', 'D2', 1200, '冲应收', null],
    ['J3', 1, '2026-01-20', 'D3', 50, 'cash', null],
  ]);
  await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
  await importMonth(h, w.prep, '2026-02', [['D1', 200000], ['D2', 100000]], [
    ['F1', 1, '2026-02-05', 'D1', 1000, '票折', null],
    ['F2', 1, '2026-02-06', 'D1', -100, '票折', '冲回'],
    ['F3', 1, '2026-01-25', 'D3', 30, '现金', '一月补记'],
  ]);
  return w;
}

describe('the rebate ledger over three months', () => {
  it('opening + accrued − used + adjusted = closing, by hand, through the services and the CLI; periods close in order', async () => {
    const w = await threeMonths();
    // Before approval nothing accrues: January shows openings and uses only.
    const draft = await h.ok(w.prep, 'ledger.show', { period: '2026-01' });
    expect(draft.final).toBe(false);
    expect(draft.totals).toMatchObject({ opening: '1700.00', accrued: '0.00', used: '1750.00', closing: '-50.00' });

    // February is calculated before January is approved: submitting it is refused, in order.
    await h.ok(w.prep, 'batch.calculate', { period: '2026-02' });
    expect(await h.call(w.prep, 'approval.submit', { period: '2026-02' })).toMatchObject({ ok: false, error: { key: 'approval.earlier_open', params: { earlier: '2026-01' } } });
    await approvePeriod(h, w, '2026-01');
    // January's approval changed February's opening: recalculate first.
    expect(await h.call(w.prep, 'approval.submit', { period: '2026-02' })).toMatchObject({ ok: false, error: { key: 'approval.stale_ledger' } });
    // and the balances, imports and ledger adjustments of January are closed with it
    const balances = writeGbkCsv(h.dir, 'balances-late.csv', ['客户编码', '期初余额'], [['D3', '1']]);
    expect(await h.call(w.prep, 'import.run', { kind: 'balances', period: '2026-01', files: [{ path: balances }], replace: true })).toMatchObject({ ok: false, error: { key: 'ledger.balances_closed' } });
    expect(await h.call(w.prep, 'ledger.adjust', { period: '2026-01', code: 'D1', amount: '1', reason: 'x' })).toMatchObject({ ok: false, error: { key: 'ledger.period_closed' } });
    expect(() => h.store.db.prepare("DELETE FROM settlements WHERE period = '2026-01'").run()).toThrow(/period is locked/);

    const jan = await h.ok(w.prep, 'ledger.show', { period: '2026-01' });
    expect(jan.final).toBe(true);
    expect(jan.rows.map((r) => [r.code, r.opening, r.accrued, r.used, r.used_by_method, r.adjusted, r.closing])).toEqual([
      ['D1', '1000.00', '1000.00', '500.00', M('300.00', '200.00'), '0.00', '1500.00'],
      ['D2', '500.00', '500.00', '1200.00', M('0.00', '0.00', '1200.00'), '0.00', '-200.00'],
      ['D3', '0.00', '200.00', '50.00', M('0.00', '0.00', '0.00', '50.00'), '0.00', '150.00'],
      ['D4', '200.00', '0.00', '0.00', M(), '0.00', '200.00'],
    ]);
    expect(jan.totals).toEqual({ opening: '1700.00', accrued: '1700.00', used: '1750.00', used_by_method: M('300.00', '200.00', '1200.00', '50.00'), adjusted: '0.00', closing: '1650.00' });
    expect(jan.findings.map((f) => [f.code, f.check])).toEqual([['D2', 'overdrawn']]);
    // the findings go with the reconciliation, which the approver's view shows too
    const rec = await h.ok(w.wang, 'batch.reconcile', { period: '2026-01' });
    expect(rec.checks).toContainEqual(expect.objectContaining({ code: 'D2', check: 'overdrawn', detail: expect.stringContaining('-200.00') }));

    const feb = await h.ok(w.prep, 'batch.calculate', { period: '2026-02' });
    expect(feb.total).toBe('3000.00');
    // the formulas saw the ledger: D1 opened February at 1500 and used 900
    const febResults = await h.ok(w.prep, 'batch.results', { period: '2026-02' });
    expect(febResults.rows.find((r) => r.code === 'D1')?.values).toMatchObject({ opening_seen: '1500', used_seen: '900' });
    expect(febResults.rows.find((r) => r.code === 'D2')?.values).toMatchObject({ opening_seen: '-200', used_seen: '0' });
    await approvePeriod(h, w, '2026-02');
    const febLedger = await h.ok(w.prep, 'ledger.show', { period: '2026-02' });
    expect(febLedger.rows.map((r) => [r.code, r.opening, r.accrued, r.used, r.used_by_method.invoice, r.used_by_method.cash, r.closing])).toEqual([
      ['D1', '1500.00', '2000.00', '900.00', '900.00', '0.00', '2600.00'],
      ['D2', '-200.00', '1000.00', '0.00', '0.00', '0.00', '800.00'],
      ['D3', '150.00', '0.00', '30.00', '0.00', '30.00', '120.00'],
      ['D4', '200.00', '0.00', '0.00', '0.00', '0.00', '200.00'],
    ]);
    expect(febLedger.findings.map((f) => [f.code, f.check])).toEqual([['D4', 'dormant_balance']]);
    expect(febLedger.findings[0]?.detail).toContain('2');

    await importMonth(h, w.prep, '2026-03', [['D1', 50000]], [['R1', 1, '2026-03-08', 'D2', 300, '货补', null]]);
    await h.ok(w.prep, 'ledger.adjust', { period: '2026-03', code: 'D4', amount: '-200.00', reason: '返利逾期未使用，按政策核销' });
    const d1 = await h.ok(w.prep, 'ledger.adjust', { period: '2026-03', code: 'D1', amount: '10', reason: '期初余额更正' });
    expect(d1).toMatchObject({ adjusted: '10.00', adjustments: [{ amount: '10.00', reason: '期初余额更正', created_by: 'prep' }] });
    await h.ok(w.prep, 'batch.calculate', { period: '2026-03' });
    await approvePeriod(h, w, '2026-03');
    const mar = await h.ok(w.prep, 'ledger.show', { period: '2026-03' });
    expect(mar.rows.map((r) => [r.code, r.opening, r.accrued, r.used, r.used_by_method.goods, r.adjusted, r.closing])).toEqual([
      ['D1', '2600.00', '500.00', '0.00', '0.00', '10.00', '3110.00'],
      ['D2', '800.00', '0.00', '300.00', '300.00', '0.00', '500.00'],
      ['D3', '120.00', '0.00', '0.00', '0.00', '0.00', '120.00'],
      ['D4', '200.00', '0.00', '0.00', '0.00', '-200.00', '0.00'],
    ]);
    expect(mar.totals).toEqual({ opening: '3720.00', accrued: '500.00', used: '300.00', used_by_method: M('0.00', '300.00'), adjusted: '-190.00', closing: '3730.00' });
    expect(mar.findings).toEqual([]);

    // drill-down: the settlement rows with file, sheet, row; the batch row; the adjustments with reasons
    const febD1 = await h.ok(w.prep, 'ledger.detail', { period: '2026-02', code: 'D1' });
    expect(febD1.settlements.map((s) => [s.doc_no, s.amount, s.method, s.file, s.sheet, s.row])).toEqual([
      ['F1', '1000.00', 'invoice', 'settlements-2026-02.xlsx', '兑付', 3],
      ['F2', '-100.00', 'invoice', 'settlements-2026-02.xlsx', '兑付', 4],
    ]);
    expect(febD1.batch).toMatchObject({ status: 'approved', final: '2000.00', policy: 'FLAT' });
    const janD1 = await h.ok(w.prep, 'ledger.detail', { period: '2026-01', code: 'D1' });
    expect(janD1.opening_source).toMatchObject({ kind: 'balance', file: 'balances.csv', row: 2 });
    const marD4 = await h.ok(w.prep, 'ledger.detail', { period: '2026-03', code: 'D4' });
    expect(marD4.adjustments).toMatchObject([{ amount: '-200.00', reason: '返利逾期未使用，按政策核销' }]);

    // a distributor's history: each month once
    const history = await h.ok(w.prep, 'ledger.history', { code: 'D1' });
    expect(history.rows.map((r) => [r.period, r.closing, r.final])).toEqual([
      ['2026-01', '1500.00', true],
      ['2026-02', '2600.00', true],
      ['2026-03', '3110.00', true],
    ]);

    // the audit log has the ledger adjustments and the approvals
    const log = await h.ok(w.admin, 'audit.list', { limit: 50 });
    expect(log.rows.filter((r) => r.action === 'ledger.adjust')).toHaveLength(2);

    // the ledger workbook: rows and totals to the cent, the rows add up to the totals, no formula cells
    const wbFile = path.join(h.dir, 'ledger-2026-03.xlsx');
    expect(await h.ok(w.prep, 'export.ledger', { period: '2026-03', out: wbFile })).toMatchObject({ final: true, rows: 4, closing: '3730.00' });
    const ws = sheet(await readWorkbook(wbFile), '返利台账');
    const money = (row: ExcelJS.Row): bigint[] => [5, 6, 7, 8, 9, 10, 11, 12, 13].map((i) => cellCents(row.getCell(i)));
    const totalRow = money(rowStarting(ws, '合计'));
    expect(totalRow).toEqual([372000n, 50000n, 30000n, 0n, 30000n, 0n, 0n, -19000n, 373000n]);
    const lines = ['D1', 'D2', 'D3', 'D4'].map((c) => money(rowStarting(ws, c)));
    expect(totalRow.map((_, i) => lines.reduce((sum, l) => sum + (l[i] ?? 0n), 0n))).toEqual(totalRow);
    expect(lines[0]).toEqual([260000n, 50000n, 0n, 0n, 0n, 0n, 0n, 1000n, 311000n]);
    expect((await sheetXml(wbFile)).join('')).not.toContain('<f>');

    // statements of an approved period carry the ledger section, figures equal to the ledger's
    const stmt = path.join(h.dir, 'statements-2026-02.xlsx');
    await h.ok(w.prep, 'export.statements', { period: '2026-02', mode: 'workbook', out: stmt });
    const sb = await readWorkbook(stmt);
    const d1Sheet = sb.worksheets.find((x) => x.name.startsWith('D1'));
    if (!d1Sheet) throw new Error('no D1 statement');
    expect(texts(d1Sheet)).toContain('返利余额');
    expect(['期初余额（元）', '本期计提（元）', '本期兑付（元）', '其中：票折', '本期调整（元）', '期末余额（元）'].map((k) => cellCents(rowStarting(d1Sheet, k).getCell(2)))).toEqual([150000n, 200000n, 90000n, 90000n, 0n, 260000n]);

    // the CLI's JSON is ledger.md's shape, figures equal
    h.store.close();
    const out: string[] = [];
    const code = await runCli(['ledger', '--period', '2026-03', '--format', 'json', '--db', h.store.path, '--user', 'prep', '--password', 'prep-pass-1'], { out: (s) => out.push(s), err: () => undefined, env: {} });
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n')) as Record<string, unknown> & { rows: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['period', 'rows', 'totals', 'findings']);
    expect(json.rows[0]).toEqual({ code: 'D1', name: '经销商D1', opening: '2600.00', accrued: '500.00', used: '0.00', used_by_method: M(), adjusted: '10.00', closing: '3110.00' });
    expect(json['totals']).toEqual({ opening: '3720.00', accrued: '500.00', used: '300.00', adjusted: '-190.00', closing: '3730.00' });
    const febOut: string[] = [];
    await runCli(['ledger', '--period', '2026-02', '--json', '--db', h.store.path, '--user', 'prep', '--password', 'prep-pass-1'], { out: (s) => febOut.push(s), err: () => undefined, env: {} });
    expect((JSON.parse(febOut.join('\n')) as { findings: unknown[] }).findings).toEqual([{ code: 'D4', check: 'dormant_balance', detail: expect.stringContaining('2') }]);
    const csvFile = path.join(h.dir, 'ledger.csv');
    const adj: string[] = [];
    expect(await runCli(['ledger', 'adjust', '--period', '2026-04', '--distributor', 'D3', '--amount', '-120', '--reason', '核销', '--db', h.store.path, '--user', 'prep', '--password', 'prep-pass-1', '--json'], { out: (s) => adj.push(s), err: () => undefined, env: {} })).toBe(0);
    expect(JSON.parse(adj.join('\n'))).toMatchObject({ period: '2026-04', code: 'D3', adjusted: '-120.00', closing: '0.00' });
    expect(await runCli(['ledger', '--period', '2026-03', '--out', csvFile, '--db', h.store.path, '--user', 'prep', '--password', 'prep-pass-1'], { out: () => undefined, err: () => undefined, env: {} })).toBe(0);
    expect(readFileSync(csvFile, 'utf8')).toContain('合计,,3720.00,500.00,300.00,0.00,300.00,0.00,0.00,-190.00,3730.00');
  });

  it('submit → reject → recalc → resubmit → approve counts the month once', async () => {
    h = new Harness();
    const w = await ledgerWorld(h);
    await importMonth(h, w.prep, '2026-01', [['D1', 100000]], [['J1', 1, '2026-01-10', 'D1', 300, '票折', null]]);
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    await h.ok(w.wang, 'approval.reject', { period: '2026-01', comment: '请核对' });
    expect((await h.ok(w.prep, 'ledger.show', { period: '2026-01' })).totals.accrued).toBe('0.00');
    // a statement of a period not approved says the balance follows approval, with no figures
    const stmt = path.join(h.dir, 'statements-draft.xlsx');
    await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'workbook', out: stmt });
    const draftTexts = texts((await readWorkbook(stmt)).worksheets[0] ?? sheet(await readWorkbook(stmt), 'x'));
    expect(draftTexts).toContain('本期返利尚未审批，返利余额将在审批通过后更新。');
    expect(draftTexts).not.toContain('期末余额（元）');
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
    const jan = await h.ok(w.prep, 'ledger.show', { period: '2026-01' });
    expect(jan.rows).toMatchObject([{ code: 'D1', opening: '0.00', accrued: '1000.00', used: '300.00', closing: '700.00' }]);
    const feb = await h.ok(w.prep, 'ledger.show', { period: '2026-02' });
    expect(feb.rows).toMatchObject([{ code: 'D1', opening: '700.00', accrued: '0.00', closing: '700.00' }]);
    expect((await h.ok(w.prep, 'ledger.history', { code: 'D1', to: '2026-02' })).rows.map((r) => r.period)).toEqual(['2026-01', '2026-02']);
  });
});
