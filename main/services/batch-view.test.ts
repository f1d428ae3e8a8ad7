import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultRowView } from '../../contract/ops/batches';
import type { OpInput } from '../../contract/operations';
import { batchOf, batchTotals } from '../db/batches-repo';
import { Harness } from '../testing/harness';
import { contentHash } from './batch-hash';
import type { ServiceContext } from './context';
import { Store } from './store';
import { sumCents } from '../../domain';

const PERIOD = '2026-03';
let h: Harness;
let admin: ServiceContext;
let codes: string[];

beforeAll(async () => {
  h = new Harness();
  admin = await h.admin();
  const reports = await h.demoMonth(admin, { period: PERIOD, distributors: 160, purchaseRows: 1600, seed: 3 });
  expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  await h.ok(admin, 'batch.calculate', { period: PERIOD });
  codes = (await h.ok(admin, 'batch.results', { period: PERIOD })).rows.map((r) => r.code);
}, 120_000);
afterAll(() => h?.close());

/** The batch as a fresh connection reads it (nothing kept): the truth the kept views must equal. */
async function fresh(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const store = new Store(h.store.path);
  try {
    const ctx: ServiceContext = { ...admin, store, lang };
    const b = batchOf(store.db, PERIOD);
    if (!b) throw new Error('no batch');
    return { results: await h.ok(ctx, 'batch.results', { period: PERIOD }), hash: contentHash(store.db, b, batchTotals(store.db, b.id)), stored: b.content_hash };
  } finally {
    store.close();
  }
}

describe('kept batch views (team reads)', () => {
  it('adjustments keep the content hash exactly as a full hash of the stored rows computes it, and the results equal a fresh read', async () => {
    const adjust = (code: string, amount: string, extra: { note?: string; reason?: string } = {}) => h.ok(admin, 'batch.adjust', { period: PERIOD, code, amount, reason: extra.reason ?? '补差', ...(extra.note ? { note: extra.note } : {}) });
    await h.ok(admin, 'batch.results', { period: PERIOD });
    const steps: [string, string, { note?: string; reason?: string }][] = [
      [codes[0] ?? '', '100.00', {}],
      [codes[1] ?? '', '-25.5', { note: '对账差异' }],
      [codes[0] ?? '', '100.00', { reason: '同额，换理由' }],
      [codes[2] ?? '', '0.01', {}],
      [codes[1] ?? '', '0', {}],
      [codes[codes.length - 1] ?? '', '9,999.99', { note: '年末' }],
    ];
    for (const [code, amount, extra] of steps) {
      const row = await adjust(code, amount, extra);
      const f = await fresh();
      expect(f.stored).toBe(f.hash);
      expect(await h.ok(admin, 'batch.results', { period: PERIOD })).toEqual(f.results);
      expect(row).toEqual(f.results.rows.find((r) => r.code === code));
    }
    const en = await h.ok({ ...admin, lang: 'en' }, 'batch.results', { period: PERIOD });
    expect(en).toEqual((await fresh('en')).results);
  });

  it('sees a change another connection (another process) made to the same file', async () => {
    await h.ok(admin, 'batch.results', { period: PERIOD });
    const other = new Store(h.store.path);
    try {
      await h.ok({ ...admin, store: other }, 'batch.adjust', { period: PERIOD, code: codes[3] ?? '', amount: '77.00', reason: '另一进程' });
    } finally {
      other.close();
    }
    const mine = await h.ok(admin, 'batch.results', { period: PERIOD });
    expect(mine.rows.find((r) => r.code === codes[3])?.adjustment).toBe('77.00');
    expect(mine).toEqual((await fresh()).results);
    // and an adjustment here after it still hashes right
    await h.ok(admin, 'batch.adjust', { period: PERIOD, code: codes[4] ?? '', amount: '5.00', reason: '之后' });
    const f = await fresh();
    expect(f.stored).toBe(f.hash);
  });

  it('refuses an adjustment on a batch recalculated after the screen loaded, naming who and when, and stores nothing', async () => {
    const seen = await h.ok(admin, 'batch.results', { period: PERIOD });
    const code = codes[6] ?? '';
    await h.ok(admin, 'batch.adjust', { period: PERIOD, code, amount: '12.00', reason: '当前批次', calculatedAt: seen.calculated_at });
    await new Promise((r) => setTimeout(r, 5));
    await h.ok(admin, 'batch.calculate', { period: PERIOD });
    const now = await h.ok(admin, 'batch.results', { period: PERIOD });
    const r = await h.call(admin, 'batch.adjust', { period: PERIOD, code, amount: '99.00', reason: '旧页面', calculatedAt: seen.calculated_at });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.key).toBe('adjust.stale');
      expect(r.error.message).toContain('重新核算');
      expect(r.error.message).toContain('admin');
    }
    expect(await h.ok(admin, 'batch.results', { period: PERIOD })).toEqual(now);
  });

  it('a recalculation replaces the kept view', async () => {
    const before = await h.ok(admin, 'batch.results', { period: PERIOD });
    await h.ok(admin, 'batch.calculate', { period: PERIOD });
    const after = await h.ok(admin, 'batch.results', { period: PERIOD });
    expect(after.calculated_at).not.toBe(before.calculated_at);
    expect(after).toEqual((await fresh()).results);
  });
});

describe('batch.resultsPage', () => {
  const page = (input: Partial<OpInput<'batch.resultsPage'>>) => h.ok(admin, 'batch.resultsPage', { period: PERIOD, ...input });
  const cents = (rows: ResultRowView[], key: 'rebate' | 'adjustment' | 'final') => sumCents(rows.filter((r) => r[key] !== null && (key !== 'adjustment' || r.final !== null)).map((r) => r[key] as string));

  it('pages through every row once, in code order by default, 100 at a time', async () => {
    const all = await h.ok(admin, 'batch.results', { period: PERIOD });
    const seen: ResultRowView[] = [];
    for (let offset = 0; ; offset += 100) {
      const p = await page({ offset });
      expect(p.limit).toBe(100);
      expect(p.matched).toBe(all.rows.length);
      seen.push(...p.rows);
      if (p.rows.length < 100) break;
    }
    expect(seen).toEqual(all.rows);
    const p = await page({});
    expect(p.filtered).toEqual({ rebate_total: all.rebate_total, adjustment_total: all.adjustment_total, total: all.total, exceptions: all.exceptions.length });
    expect(p.policies).toEqual(all.policies);
    expect(p.facets.regions.reduce((n, r) => n + r.rows, 0)).toBe(all.rows.length);
  });

  it('filters by region, grade, text, exceptions and adjusted rows, with the totals of all matching rows', async () => {
    const all = (await h.ok(admin, 'batch.results', { period: PERIOD })).rows;
    const region = all[7]?.region ?? '';
    const grade = all[9]?.grade ?? '';
    const cases: [Partial<OpInput<'batch.resultsPage'>>, (r: ResultRowView) => boolean][] = [
      [{ region }, (r) => r.region === region],
      [{ region, grade }, (r) => r.region === region && r.grade === grade],
      [{ text: codes[5]?.slice(-3).toLowerCase() }, (r) => r.code.toLowerCase().includes(codes[5]?.slice(-3).toLowerCase() ?? '') || r.name.toLowerCase().includes(codes[5]?.slice(-3).toLowerCase() ?? '')],
      [{ text: all[11]?.name.slice(0, 2) }, (r) => r.code.includes(all[11]?.name.slice(0, 2) ?? '') || r.name.includes(all[11]?.name.slice(0, 2) ?? '')],
      [{ only: 'adjusted' }, (r) => r.adjustment !== '0.00'],
      [{ only: 'exceptions' }, (r) => r.exception !== null],
    ];
    for (const [filter, want] of cases) {
      const expected = all.filter(want);
      const p = await page({ ...filter, limit: 7, offset: 2 });
      expect(p.matched, JSON.stringify(filter)).toBe(expected.length);
      expect(p.rows).toEqual(expected.slice(2, 9));
      expect(p.filtered.rebate_total).toBe(centsText(cents(expected, 'rebate')));
      expect(p.filtered.adjustment_total).toBe(centsText(cents(expected, 'adjustment')));
      expect(p.filtered.total).toBe(centsText(cents(expected, 'final')));
    }
    expect((await page({ only: 'adjusted' })).matched).toBeGreaterThan(2);
  });

  it('sorts by money, text columns and formula values, both ways, rows without a value last', async () => {
    const all = (await h.ok(admin, 'batch.results', { period: PERIOD })).rows;
    const desc = (await page({ sort: 'final', desc: true, limit: 1000 })).rows;
    const finals = desc.filter((r) => r.final !== null).map((r) => Number(r.final));
    expect(finals).toEqual([...finals].sort((a, b) => b - a));
    expect(desc.slice(finals.length).every((r) => r.final === null)).toBe(true);
    expect(desc).toHaveLength(all.length);
    const names = (await page({ sort: 'region', limit: 1000 })).rows.map((r) => r.region);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    const formula = all.find((r) => Object.keys(r.values).length > 0);
    const name = Object.keys(formula?.values ?? {})[0] ?? '';
    const byValue = (await page({ sort: `values.${name}`, limit: 1000 })).rows.filter((r) => r.values[name] !== undefined).map((r) => Number(r.values[name]));
    expect(byValue).toEqual([...byValue].sort((a, b) => a - b));
  });

  it('refuses bad paging input with a message naming the field', async () => {
    for (const bad of [{ limit: 0 }, { limit: 5000 }, { offset: -1 }, { sort: 'values.x;drop' }, { sort: 'rowid' }, { only: 'all' }]) {
      const r = await h.call(admin, 'batch.resultsPage', { period: PERIOD, ...bad } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('payload.invalid');
    }
  });
});

function centsText(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
