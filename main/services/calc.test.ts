import { describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { P, openMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../testing/workbooks';
import type { ServiceContext } from './context';

let h: Harness;
async function month(): Promise<ServiceContext> {
  const m = await openMonth();
  h = m.h;
  return m.admin;
}

describe('calculation batches', () => {
  it('computes every distributor’s rebate with the policy that applies, and lists exceptions', async () => {
    const admin = await month();
    const r = await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    // Hand-computed (formulas.md):
    // D1 华东 A: net 590,000 → rate 2%, ×1.2 = 14,160; promo 120% ≥ 1 → 590,000 × 0.5% = 2,950 → 17,110.00
    // D2 华东 B: net 50,000 → rate 0 → 0.00
    // D3 华南 A: net 270,000 → 1,000 + 170,000 × 2% = 4,400; return rate 10% > 5% → −2,700 → 1,700.00
    // D5 华北 C: net 123,456.78 → 1,000 + 23,456.78 × 2% = 1,469.1356 → 1,469.14
    // D4 西北 D: no policy (NATIONAL covers A–C) → exception; D6 华中: CENTRAL-A and -B tie → exception
    expect(r).toMatchObject({ distributors: 6, exceptions: 2, total: '20279.14', rebate_total: '20279.14', adjustment_total: '0.00' });
    const res = await h.ok(admin, 'batch.results', { period: '2026-01' });
    const by = new Map(res.rows.map((x) => [x.code, x]));
    expect(by.get('D1')).toMatchObject({ policy: 'EAST', policy_version: 1, rebate: '17110.00', final: '17110.00' });
    expect(by.get('D1')?.values).toEqual({ base_rate: '0.02', base_rebate: '14160', promo_bonus: '2950', rebate: '17110' });
    expect(by.get('D2')).toMatchObject({ rebate: '0.00' });
    expect(by.get('D3')).toMatchObject({ policy: 'NATIONAL', rebate: '1700.00' });
    expect(by.get('D3')?.inputs).toMatchObject({ purchase: '300000', returns: '30000', net: '270000', return_rate: '0.1' });
    expect(by.get('D5')).toMatchObject({ rebate: '1469.14' });
    expect(by.get('D5')?.values['progressive_rebate']).toBe('1469.1356');
    expect(res.exceptions.map((e) => e.code)).toEqual(['D4', 'D6']);
    expect(res.exceptions[0]?.reason).toContain('没有适用的返利政策');
    expect(res.exceptions[1]?.reason).toContain('CENTRAL-A, CENTRAL-B');
    expect(res.policies.map((p) => [p.code, p.version])).toEqual([
      ['EAST', 1],
      ['NATIONAL', 1],
    ]);
  });

  it('keeps a stable content hash, changed by any adjustment; adjustments survive recalculation', async () => {
    const admin = await month();
    const first = await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    const again = await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    expect(again.content_hash).toBe(first.content_hash);
    expect(again.diff).toMatchObject({ first: false, added: [], removed: [], up: 0, down: 0, total_delta: '0.00' });

    const noReason = await h.call(admin, 'batch.adjust', { period: '2026-01', code: 'D2', amount: '500', reason: '  ' });
    expect(!noReason.ok && noReason.error.key).toBe('adjust.reason_required');
    const row = await h.ok(admin, 'batch.adjust', { period: '2026-01', code: 'd2', amount: '500', reason: '促销补差' });
    expect(row).toMatchObject({ code: 'D2', rebate: '0.00', adjustment: '500.00', final: '500.00', adjustment_reason: '促销补差' });
    const adjusted = await h.ok(admin, 'batch.results', { period: '2026-01' });
    expect(adjusted.total).toBe('20779.14');
    expect(adjusted.content_hash).not.toBe(first.content_hash);
    const recalculated = await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    expect(recalculated.total).toBe('20779.14');
    expect(recalculated.content_hash).toBe(adjusted.content_hash);
    const log = await h.ok(admin, 'audit.list', { action: 'adjustment', limit: 5 });
    expect(log.rows[0]).toMatchObject({ action: 'adjustment.set', actor: 'admin', entityId: '2026-01/D2', after: expect.objectContaining({ amount: '500.00', reason: '促销补差' }) });
  });

  it('reports what changed after new data, and refuses a period without data', async () => {
    const admin = await month();
    await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    const more = writeGbkCsv(h.dir, 'more.csv', PURCHASE_HEADER, [P('XS9', 'D2', 60000), P('XS10', 'D7', 1000)]);
    await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: more }] });
    const r = await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    // D2: net 110,000 → rate 1% → 1,100.00 (was 0); D7 华南 B new: NATIONAL → 1,000 × 1% = 10.00
    expect(r.diff).toMatchObject({ added: ['D7'], removed: [], up: 1, total_delta: '1110.00' });
    const none = await h.call(admin, 'batch.calculate', { period: '2026-02' });
    expect(!none.ok && none.error.key).toBe('calc.no_data');
  });

  it('reconciles claims, month over month and data checks', async () => {
    const admin = await month();
    await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    const claims = await writeWorkbook(h.dir, 'claims.xlsx', [
      { name: '申报', header: ['客户编码', '申报返利'], rows: [['D1', 17110], ['D3', 1800], ['D7', 50]] },
    ]);
    await h.ok(admin, 'import.run', { kind: 'claims', period: '2026-01', files: [{ path: claims }] });
    const r = await h.ok(admin, 'batch.reconcile', { period: '2026-01' });
    const status = Object.fromEntries(r.claims.map((c) => [c.code, c.status]));
    expect(status).toEqual({ D1: 'matched', D2: 'only_batch', D3: 'differs', D4: 'only_batch', D5: 'only_batch', D6: 'only_batch', D7: 'only_claims' });
    expect(r.claims.find((c) => c.code === 'D3')).toMatchObject({ claimed: '1800.00', computed: '1700.00', difference: '100.00' });
    expect(r.changes).toEqual([]);
    expect(r.checks.map((c) => [c.code, c.check]).sort()).toEqual([
      ['D3', 'high_return_rate'],
      ['D3', 'unknown_original_doc'],
      ['D5', 'inactive_with_activity'],
    ]);
  });
});
