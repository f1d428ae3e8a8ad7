import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { loadDemo } from '../services/demo';
import { generateDemo } from './generate';

let h: Harness;
afterEach(() => h?.close());

function sumDemoPurchases(harness: Harness): number {
  return (harness.store.db.prepare('SELECT SUM(amount_cents) AS s FROM purchases').get() as { s: number }).s;
}

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.endsWith('.xlsx'))
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

describe('demo month', () => {
  it('is deterministic for a seed, in the messy shapes real exports have', async () => {
    h = new Harness();
    const a = await generateDemo({ out: path.join(h.dir, 'a'), period: '2026-03', distributors: 60, purchaseRows: 800, seed: 7 });
    const b = await generateDemo({ out: path.join(h.dir, 'b'), period: '2026-03', distributors: 60, purchaseRows: 800, seed: 7 });
    expect(digest(a.out)).toEqual(digest(b.out));
    expect(a.deliberateDifferences).toEqual(b.deliberateDifferences);
    const names = readdirSync(a.out).sort();
    expect(names).toEqual(expect.arrayContaining(['chain.json', 'claims-2026-03.xlsx', 'distributors-master.xlsx', 'promotions-2026-03.xlsx', 'purchases-west-2026-03.csv', 'returns-2026-03.xlsx', 'balances-2026-03.xlsx', 'settlements-2026-03.xlsx']));
    expect(a.balanceRows).toBeGreaterThan(0);
    expect(a.settlementRows).toBeGreaterThan(a.reversals);
    expect(names.filter((n) => n.startsWith('policy-'))).toHaveLength(3);
    expect(names.filter((n) => /^purchases-erp-\d+/.test(n)).length).toBeGreaterThanOrEqual(2);
    // Two purchase workbooks in real ERP layouts (用友 U8 发货单列表, 金蝶 KIS/精斗云 销货单).
    expect(names).toEqual(expect.arrayContaining(['purchases-u8-delivery-list-2026-03.xlsx', 'purchases-kis-jdy-sales-2026-03.xlsx']));
    expect(a.purchaseRows).toBe(800);
  });

  it('loads at size S without import errors, calculates with the demo policies, and reconciliation finds exactly the deliberate differences', async () => {
    h = new Harness();
    const admin = await h.admin();
    const loaded = await loadDemo(admin, { period: '2026-03', distributors: 500, purchaseRows: 20_000 });
    expect(loaded.imports.map((i) => [i.kind, i.status])).toEqual([
      ['distributors', 'imported'],
      ['purchases', 'imported'],
      ['returns', 'imported'],
      ['promotions', 'imported'],
      ['claims', 'imported'],
      ['settlements', 'imported'],
      ['balances', 'imported'],
    ]);
    expect(loaded.imports.find((i) => i.kind === 'purchases')?.rows).toBe(20_000);
    // The ERP layouts were recognised with no mapping, and the report says what was inferred.
    const files = loaded.imports.find((i) => i.kind === 'purchases')?.files ?? [];
    const u8 = files.find((f) => f.file === 'purchases-u8-delivery-list-2026-03.xlsx');
    const kis = files.find((f) => f.file === 'purchases-kis-jdy-sales-2026-03.xlsx');
    expect(u8?.rows).toBeGreaterThan(0);
    expect(kis?.inferred).toEqual([expect.stringContaining('含税金额优先'), expect.stringMatching(/^多行单据：\d+ 行续行的单据编号、日期、经销商按所属单据首行补齐/)]);
    const cents = (total: string | undefined): number => Math.round(Number(total) * 100);
    expect(files.reduce((s, f) => s + cents(f.total), 0)).toBe(loaded.summary.purchaseRows > 0 ? sumDemoPurchases(h) : 0);
    const calc = await h.ok(admin, 'batch.calculate', { period: '2026-03' });
    expect(calc.exceptions).toBe(0);
    expect(calc.distributors).toBeGreaterThan(400);
    const rec = await h.ok(admin, 'batch.reconcile', { period: '2026-03' });
    const differs = rec.claims.filter((c) => c.status === 'differs').map((c) => ({ code: c.code, claimed: c.claimed, computed: c.computed }));
    expect(loaded.summary.deliberateDifferences.length).toBeGreaterThan(0);
    expect(differs).toEqual(loaded.summary.deliberateDifferences.map((d) => ({ ...d, computed: Number(d.computed).toFixed(2) })).sort((x, y) => (x.code < y.code ? -1 : 1)));
    expect(rec.claims.filter((c) => c.status === 'only_claims')).toEqual([]);
    expect((await h.ok(admin, 'chain.get', {})).map((l) => l.name)).toEqual(['区域经理审核', '财务经理审核', '财务总监审批']);
    // The ledger is filled: the opening balances and the month's settlements in an ERP's shape (title
    // rows, methods in words, a 合计 row), totals equal to the rows, one reversal, one overdrawn.
    const summary = loaded.summary;
    expect(loaded.imports.find((i) => i.kind === 'balances')?.rows).toBe(summary.balanceRows);
    expect(loaded.imports.find((i) => i.kind === 'settlements')?.rows).toBe(summary.settlementRows);
    const ledger = await h.ok(admin, 'ledger.show', { period: '2026-03' });
    const sum = (f: (r: (typeof ledger.rows)[number]) => string): number => ledger.rows.reduce((s, r) => s + Math.round(Number(f(r)) * 100), 0);
    expect(ledger.rows.filter((r) => r.opening !== '0.00')).toHaveLength(summary.balanceRows);
    expect(Math.round(Number(ledger.totals.opening) * 100)).toBe(sum((r) => r.opening));
    expect(Math.round(Number(ledger.totals.used) * 100)).toBe(sum((r) => r.used));
    expect(Object.values(ledger.totals.used_by_method).filter((v) => v !== '0.00').length).toBeGreaterThanOrEqual(3);
    expect(summary.reversals).toBe(1);
    expect(summary.overdrawn).toHaveLength(1);
    expect(ledger.findings.filter((f) => f.check === 'overdrawn').map((f) => f.code)).toEqual(summary.overdrawn);
    const again = await h.call(admin, 'demo.load' as never, {} as never);
    expect(again.ok).toBe(false);
  }, 120_000);

  it('validates as the import screen sends it: the whole month folder, all seven kinds in one request', async () => {
    h = new Harness();
    const admin = await h.admin();
    const s = await generateDemo({ out: path.join(h.dir, 'm'), period: '2026-03', distributors: 60, purchaseRows: 900, seed: 7 });
    const names = readdirSync(s.out);
    const of = (prefix: string) => names.filter((f) => f.startsWith(prefix)).map((f) => ({ path: path.join(s.out, f), name: f }));
    const kinds = ['distributors', 'purchases', 'returns', 'promotions', 'claims', 'settlements', 'balances'] as const;
    const { jobId } = await h.ok(admin, 'import.start', {
      imports: kinds.map((kind) => ({ kind, ...(kind === 'distributors' ? {} : { period: '2026-03' }), files: of(kind), dryRun: true })),
    });
    let job = await h.ok(admin, 'import.job', { jobId });
    for (let i = 0; job.status === 'running' && i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await h.ok(admin, 'import.job', { jobId });
    }
    expect(job.error).toBeNull();
    expect(job.reports?.map((r) => [r.kind, r.status, r.error_count])).toEqual(expect.arrayContaining(kinds.map((k) => [k, 'valid', 0])));
  }, 60_000);
});
