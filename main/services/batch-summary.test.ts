import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchResultsView, ResultRowView } from '../../contract/ops/batches';
import { Harness } from '../testing/harness';
import type { ServiceContext } from './context';
import { roundToCents, centsToMoney, sumMoney } from '../../domain';

let h: Harness;
let admin: ServiceContext;

async function month(period: string, seed: number): Promise<void> {
  const reports = await h.demoMonth(admin, { period, distributors: 120, purchaseRows: 1200, seed, kinds: ['purchases'] });
  expect(reports.map((r) => r.status)).toEqual(['imported', 'imported']);
  await h.ok(admin, 'batch.calculate', { period });
}

beforeAll(async () => {
  h = new Harness();
  admin = await h.admin();
  await month('2026-02', 4);
  await month('2026-03', 3);
}, 120_000);
afterAll(() => h?.close());

/** The figures as the approval screen computed them from every row before batch.summary existed. */
function fromRows(all: BatchResultsView, previous: BatchResultsView) {
  const group = (by: 'region' | 'grade') => {
    const m = new Map<string, ResultRowView[]>();
    for (const r of all.rows) m.set(r[by], [...(m.get(r[by]) ?? []), r]);
    return new Map(
      [...m].map(([key, rows]) => [
        key,
        { key, distributors: rows.length, exceptions: rows.filter((r) => r.exception !== null).length, rebate: sumMoney(rows.map((r) => r.rebate ?? '0')), adjustment: sumMoney(rows.map((r) => r.adjustment)), final: sumMoney(rows.map((r) => r.final ?? '0')) },
      ]),
    );
  };
  const before = new Map(previous.rows.map((r) => [r.code, r]));
  const changes = [
    ...all.rows.map((r) => ({ code: r.code, name: r.name, prev: roundToCents(before.get(r.code)?.final ?? '0'), cur: roundToCents(r.final ?? '0') })),
    ...previous.rows.filter((r) => !all.rows.some((x) => x.code === r.code)).map((r) => ({ code: r.code, name: r.name, prev: roundToCents(r.final ?? '0'), cur: 0n })),
  ]
    .filter((c) => c.cur !== c.prev)
    .map((c) => ({ code: c.code, name: c.name, previous: centsToMoney(c.prev), current: centsToMoney(c.cur), difference: centsToMoney(c.cur - c.prev), size: c.cur > c.prev ? c.cur - c.prev : c.prev - c.cur }));
  return { region: group('region'), grade: group('grade'), changes };
}

describe('batch.summary (the approval screen and the charts without the whole batch)', () => {
  it('gives the totals, groups, adjusted rows, exceptions and largest changes the whole batch gives, in a small part of its size', async () => {
    const rows = (await h.ok(admin, 'batch.results', { period: '2026-03' })).rows;
    await h.ok(admin, 'batch.adjust', { period: '2026-03', code: rows[5]?.code ?? '', amount: '-1234.56', reason: '扣减' });
    await h.ok(admin, 'batch.adjust', { period: '2026-03', code: rows[9]?.code ?? '', amount: '0.01', reason: '补差' });
    const all = await h.ok(admin, 'batch.results', { period: '2026-03' });
    const previous = await h.ok(admin, 'batch.results', { period: '2026-02' });
    const s = await h.ok(admin, 'batch.summary', { period: '2026-03' });
    const want = fromRows(all, previous);

    expect({ total: s.total, rebate: s.rebate_total, adjustment: s.adjustment_total, distributors: s.distributors, rows: s.rows, hash: s.content_hash }).toEqual({
      total: all.total,
      rebate: all.rebate_total,
      adjustment: all.adjustment_total,
      distributors: all.distributors,
      rows: all.rows.length,
      hash: all.content_hash,
    });
    expect(s.codes).toEqual(all.rows.map((r) => r.code));
    for (const by of ['region', 'grade'] as const) {
      expect(new Map(s.groups[by].map((g) => [g.key, g]))).toEqual(want[by]);
      // biggest first, and the groups add up to the batch total to the cent
      const finals = s.groups[by].map((g) => roundToCents(g.final));
      expect([...finals].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(finals);
      expect(sumMoney(s.groups[by].map((g) => g.final))).toBe(sumMoney(all.rows.map((r) => r.final ?? '0')));
    }
    expect(s.adjusted).toEqual(
      all.rows.filter((r) => roundToCents(r.adjustment) !== 0n).map((r) => ({ code: r.code, name: r.name, region: r.region, rebate: r.rebate, adjustment: r.adjustment, adjustment_reason: r.adjustment_reason, final: r.final })),
    );
    expect(s.adjusted.map((a) => a.adjustment)).toEqual(expect.arrayContaining(['-1234.56', '0.01']));
    expect(s.exceptions).toEqual(all.exceptions.map((e) => ({ ...e, name: all.rows.find((r) => r.code === e.code)?.name, region: all.rows.find((r) => r.code === e.code)?.region })));
    expect(s.changes?.period).toBe('2026-02');
    expect(s.changes?.rows.length).toBe(Math.min(10, want.changes.length));
    // the ten largest by size: none left out is larger than the smallest shown
    const shown = new Set(s.changes?.rows.map((c) => c.code));
    const smallest = roundToCents(s.changes?.rows.at(-1)?.difference.replace('-', '') ?? '0');
    expect(want.changes.filter((c) => !shown.has(c.code)).every((c) => c.size <= smallest)).toBe(true);
    for (const c of s.changes?.rows ?? []) expect(want.changes.find((w) => w.code === c.code)).toMatchObject(c);
    expect((await h.ok(admin, 'batch.summary', { period: '2026-03', changes: 3 })).changes?.rows).toEqual(s.changes?.rows.slice(0, 3));
    // what the screen loads now against what it loaded before
    expect(JSON.stringify(s).length * 5).toBeLessThan(JSON.stringify(all).length);
  });

  it('has no changes without a previous batch, and follows an adjustment at once', async () => {
    const s = await h.ok(admin, 'batch.summary', { period: '2026-02' });
    expect(s.changes).toBeNull();
    const code = s.codes[0] ?? '';
    await h.ok(admin, 'batch.adjust', { period: '2026-02', code, amount: '77.00', reason: '补差' });
    const after = await h.ok(admin, 'batch.summary', { period: '2026-02' });
    expect(after.adjusted.map((a) => [a.code, a.adjustment])).toContainEqual([code, '77.00']);
    expect(after.content_hash).not.toBe(s.content_hash);
    expect(roundToCents(after.total) - roundToCents(s.total)).toBe(7700n);
    expect((await h.call(admin, 'batch.summary', { period: '2025-01' })).ok).toBe(false);
  });
});
