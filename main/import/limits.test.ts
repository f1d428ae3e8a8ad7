import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../testing/workbooks';
import { aggregatePeriod } from '../services/aggregate';
import { MAX_CELL_CHARS, moneyWithinLimit, quantityWithinLimit, quote, rateWithinLimit } from './limits';
import { parseDecimal, parseMoney, parseRate, parseText } from './values';

describe('value limits (data.md Validation)', () => {
  it('money beyond 9,999,999,999.99 is a row error, as text or as a number, never a RangeError', () => {
    for (const cell of ['1e400', '99999999999999999999999', '9999999999999999万', '10,000,000,000.00', '-10000000000', 1e17, 1e308, -1e11]) {
      const r = parseMoney(cell, { field: 'amount' });
      expect(r.ok, String(cell)).toBe(false);
      if (!r.ok) {
        expect(r.key).toBe('import.value.too_large');
        expect(String(r.params['value']).length).toBeLessThanOrEqual(201);
      }
    }
    expect(parseMoney('9,999,999,999.99')).toEqual({ ok: true, value: '9999999999.99' });
    expect(parseMoney(-9999999999.99)).toEqual({ ok: true, value: '-9999999999.99' });
    expect(parseMoney('9999999999.994')).toEqual({ ok: true, value: '9999999999.99' });
    expect(parseMoney('9999999999.995').ok).toBe(false);
  });

  it('quantities up to 999,999,999.9999, rates up to 1,000 (100,000 %), unit prices up to the money limit', () => {
    expect(parseDecimal('999,999,999.9999', { field: 'quantity' })).toEqual({ ok: true, value: '999999999.9999' });
    expect(parseDecimal(1e9, { field: 'quantity' }).ok).toBe(false);
    expect(parseDecimal('999999999.99991', { field: 'quantity' }).ok).toBe(false);
    expect(parseDecimal('1e30', { field: 'unit_price' }).ok).toBe(false);
    expect(parseRate('100000%')).toEqual({ ok: true, value: '1000' });
    const big = parseRate('100001%', { field: 'achievement_rate' });
    expect(big.ok ? 'ok' : big.key).toBe('import.value.too_large');
    expect(parseRate(1e6).ok).toBe(false);
    expect([moneyWithinLimit('0.00'), quantityWithinLimit('-999999999.9999'), rateWithinLimit('-1000')]).toEqual([true, true, true]);
  });

  it('cell text over 32,767 characters is a row error quoting at most 200 characters', () => {
    const r = parseText('名'.repeat(MAX_CELL_CHARS + 1), { field: 'distributor_name' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.key).toBe('import.value.too_long');
      expect(String(r.params['value'])).toBe(quote('名'.repeat(MAX_CELL_CHARS + 1)));
      expect(String(r.params['value']).length).toBe(201);
    }
    expect(parseText('名'.repeat(MAX_CELL_CHARS)).ok).toBe(true);
  });
});

describe('limits through a real import', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('huge amounts are refused per row with file, row and a short value; nothing stored; no stack trace', async () => {
    h = new Harness();
    const admin = await h.admin();
    await seedMonth(h, admin);
    const P = (doc: string, amount: string | number) => [doc, 1, '2026-01-15', 'D1', '', 'SKU1', '酱油', 1, 1, amount];
    const csv = writeGbkCsv(h.dir, 'huge.csv', PURCHASE_HEADER, [P('H1', '1e400'), P('H2', '99999999999999999999999'), P('H3', '9999999999999999万'), P('H4', '9999999999.99')]);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: csv }] });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'J'],
      [3, 'J'],
      [4, 'J'],
    ]);
    expect(r.errors[0]?.message).toContain('超出允许的范围');
    const xlsx = await writeWorkbook(h.dir, 'huge.xlsx', [{ name: 'S', header: PURCHASE_HEADER, rows: [P('N1', 1e17), P('N2', 1e308), P('N3', 'x'.repeat(40_000))] }]);
    const r2 = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: xlsx }] });
    expect(r2.status).toBe('rejected');
    expect(r2.error_count).toBe(3);
    for (const e of r2.errors) expect((e.value ?? '').length).toBeLessThanOrEqual(201);
    expect(JSON.stringify(r2).length).toBeLessThan(20_000);
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE doc_no IN ('H4', 'N1')").get()).toEqual({ n: 0 });
  }, 60_000);

  it('sums at the limits cannot overflow: the L-size month (5,000 distributors, 500,000 lines, 50,000 returns) all at 9,999,999,999.99', async () => {
    h = new Harness();
    const admin = await h.admin();
    await seedMonth(h, admin);
    const db = h.store.db;
    const max = 999_999_999_999n;
    db.transaction(() => {
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
        INSERT INTO distributors (code, name, region, province, city, grade, status, updated_at)
        SELECT 'L' || i, 'L' || i, '华东', NULL, NULL, 'A', 'active', '2026-01-01' FROM n`);
      db.exec(`INSERT INTO distributor_history (code, effective_from, region, province, grade) SELECT code, '0000-00', region, province, grade FROM distributors WHERE code LIKE 'L%'`);
      const fileId = (db.prepare('SELECT file_id FROM purchases LIMIT 1').get() as { file_id: number }).file_id;
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000)
         INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, line_no, date, distributor_code, amount_cents, quantity, quantity_e4, dup_key)
         SELECT '2026-02', ?, 'S', i, 'M' || i, '1', '2026-02-10', 'L' || (i % 5000 + 1), ?, '999999999.9999', 9999999999999, 'M' || i FROM n`,
      ).run(fileId, max);
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
         INSERT INTO returns (period, file_id, sheet, row_no, doc_no, line_no, date, distributor_code, amount_cents, dup_key)
         SELECT '2026-02', ?, 'S', i, 'R' || i, '1', '2026-02-10', 'L' || (i % 5000 + 1), ?, 'R' || i FROM n`,
      ).run(fileId, max);
    })();
    const total = db.prepare("SELECT SUM(amount_cents) AS s FROM purchases WHERE period = '2026-02'").safeIntegers(true).get() as { s: bigint };
    expect(total.s).toBe(500_000n * max);
    const inputs = aggregatePeriod(db, '2026-02');
    const one = inputs.find((d) => d.code === 'L1');
    // 100 lines of 9,999,999,999.99 each, and 10 returns: exact
    expect(one?.inputs['purchase']).toBe('999999999999');
    expect(one?.inputs['net']).toBe('899999999999.1');
    const calc = await h.call(admin, 'batch.calculate', { period: '2026-02' });
    expect(calc.ok ? 'ok' : calc.error.message).toBe('ok');
  }, 300_000);
});
