import type { Db } from './database';
import type { DistributorProfile } from '../../domain';

export interface MoneyQtyRow {
  code: string;
  cents: number;
  qty_e4: number | null;
  /** rows whose quantity could not be summed in SQL (more than four decimals) */
  odd_qty: number;
}

export interface PromoRow {
  code: string;
  target_cents: number | null;
  actual_cents: number | null;
  rates: string | null;
}

export type MasterRow = DistributorProfile;

/** Distributors with any purchase, return or promotion row in the period. */
export function activeCodes(db: Db, period: string): string[] {
  return (
    db
      .prepare(
        `SELECT distributor_code AS code FROM purchases WHERE period = @p
         UNION SELECT distributor_code FROM returns WHERE period = @p
         UNION SELECT distributor_code FROM promotions WHERE period = @p
         ORDER BY code`,
      )
      .all({ p: period }) as { code: string }[]
  ).map((r) => r.code);
}

/** Sums of amount (cents) and quantity (ten-thousandths) per distributor over a period range. */
export function sumLines(db: Db, table: 'purchases' | 'returns', from: string, to: string): MoneyQtyRow[] {
  return db
    .prepare(
      `SELECT distributor_code AS code, SUM(amount_cents) AS cents, SUM(quantity_e4) AS qty_e4,
              SUM(CASE WHEN quantity IS NOT NULL AND quantity_e4 IS NULL THEN 1 ELSE 0 END) AS odd_qty
       FROM ${table} WHERE period BETWEEN ? AND ? GROUP BY distributor_code`,
    )
    .all(from, to) as MoneyQtyRow[];
}

/** A distributor's month (`rows` > 0: it has lines in the month) and its year to date, summed in one pass. */
export interface MonthYtdRow extends MoneyQtyRow {
  /** lines in the month itself */
  rows: number;
  /** cents from the year's first period to the month */
  ytd_cents: number;
}

/**
 * Sums of amount and quantity per distributor for `period` and, in the same pass over the covering
 * index (migration 012), the amount from `from` to `period` (year to date): one read of the lines
 * instead of two. The month's figures are exactly `sumLines(period, period)`'s.
 */
export function sumMonthAndYtd(db: Db, table: 'purchases' | 'returns', from: string, period: string): MonthYtdRow[] {
  return db
    .prepare(
      `SELECT distributor_code AS code,
              SUM(CASE WHEN period = @p THEN amount_cents END) AS cents,
              SUM(CASE WHEN period = @p THEN quantity_e4 END) AS qty_e4,
              SUM(CASE WHEN period = @p AND quantity IS NOT NULL AND quantity_e4 IS NULL THEN 1 ELSE 0 END) AS odd_qty,
              SUM(CASE WHEN period = @p THEN 1 ELSE 0 END) AS rows,
              SUM(amount_cents) AS ytd_cents
       FROM ${table} WHERE period BETWEEN @from AND @p GROUP BY distributor_code`,
    )
    .all({ from, p: period }) as MonthYtdRow[];
}

/** Quantities that need exact decimal addition outside SQL (rare: more than four decimals). */
export function quantities(db: Db, table: 'purchases' | 'returns', period: string, code: string): string[] {
  return (db.prepare(`SELECT quantity FROM ${table} WHERE period = ? AND distributor_code = ? AND quantity IS NOT NULL`).all(period, code) as { quantity: string }[]).map(
    (r) => r.quantity,
  );
}

export function sumPromotions(db: Db, period: string): PromoRow[] {
  return db
    .prepare(
      `SELECT distributor_code AS code, SUM(target_cents) AS target_cents, SUM(actual_cents) AS actual_cents,
              group_concat(achievement_rate, ' ') AS rates
       FROM promotions WHERE period = ? GROUP BY distributor_code`,
    )
    .all(period) as PromoRow[];
}

/** Master data with the region, province and grade valid in the period (history by effective period). */
export function masterForPeriod(db: Db, period: string): MasterRow[] {
  return db
    .prepare(
      `SELECT d.code, d.name, d.status,
              COALESCE(h.region, d.region) AS region, COALESCE(h.province, d.province) AS province, COALESCE(h.grade, d.grade) AS grade
       FROM distributors d
       LEFT JOIN distributor_history h ON h.code = d.code AND h.effective_from = (
         SELECT MAX(effective_from) FROM distributor_history WHERE code = d.code AND effective_from <= ?)`,
    )
    .all(period) as MasterRow[];
}

/** Final amounts (rebate + adjustment, cents) per distributor in approved batches of a period range. */
export function approvedFinals(db: Db, from: string, to: string): { code: string; cents: number }[] {
  return db
    .prepare(
      `SELECT r.code, SUM(r.final_cents) AS cents FROM batch_rows r JOIN batches b ON b.id = r.batch_id
       WHERE b.status = 'approved' AND b.period BETWEEN ? AND ? AND r.final_cents IS NOT NULL GROUP BY r.code`,
    )
    .all(from, to) as { code: string; cents: number }[];
}
