import { afterEach, describe, expect, it } from 'vitest';
import { activeCodes, sumLines } from '../db/aggregate-repo';
import { Harness } from '../testing/harness';
import { importMonth, ledgerWorld } from '../testing/ledger-months';
import { aggregatePeriod } from './aggregate';

let h: Harness;
afterEach(() => h?.close());

describe('the built-in variables summed in one pass over the covering index', () => {
  it('gives each month and year to date exactly what separate sums give, for exactly the distributors active in the month', async () => {
    h = new Harness();
    const w = await ledgerWorld(h);
    await importMonth(h, w.admin, '2026-01', [['D1', 1000.1], ['D2', 500], ['D4', 7]], []);
    await importMonth(h, w.admin, '2026-02', [['D1', 200.25], ['D3', 300], ['D1', 0.05]], []);
    const db = h.store.db;
    for (const period of ['2026-01', '2026-02']) {
      const got = aggregatePeriod(db, period);
      expect(got.map((d) => d.code)).toEqual(activeCodes(db, period));
      const month = new Map(sumLines(db, 'purchases', period, period).map((r) => [r.code, r.cents]));
      const ytd = new Map(sumLines(db, 'purchases', '2026-01', period).map((r) => [r.code, r.cents]));
      for (const d of got) {
        expect(d.inputs['purchase'], `${period} ${d.code}`).toBe(((month.get(d.code) ?? 0) / 100).toFixed(2).replace(/\.?0+$/, ''));
        expect(d.inputs['ytd_purchase'], `${period} ${d.code}`).toBe(((ytd.get(d.code) ?? 0) / 100).toFixed(2).replace(/\.?0+$/, ''));
      }
    }
    // D2 and D4 bought in January only: not active in February, though in its year to date
    expect(aggregatePeriod(db, '2026-02').map((d) => [d.code, d.inputs['purchase'], d.inputs['ytd_purchase']])).toEqual([
      ['D1', '200.3', '1200.4'],
      ['D3', '300', '300'],
    ]);
    // the sums read the index alone, not a table row per line
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2026-01', p: '2026-02' }) as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const table of ['purchases', 'returns']) {
      expect(plan(`SELECT distributor_code, SUM(CASE WHEN period = @p THEN amount_cents END), SUM(CASE WHEN period = @p THEN quantity_e4 END), SUM(CASE WHEN period = @p AND quantity IS NOT NULL AND quantity_e4 IS NULL THEN 1 ELSE 0 END), SUM(amount_cents) FROM ${table} WHERE period BETWEEN @from AND @p GROUP BY distributor_code`)).toContain('COVERING INDEX');
    }
  });
});
