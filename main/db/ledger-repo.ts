import type { BatchStatus } from './batches-repo';
import type { Db } from './database';

/** One distributor's sums in one period, integer cents. */
export interface PeriodSum {
  period: string;
  code: string;
  cents: number;
}

export interface MethodSum extends PeriodSum {
  method: 'invoice' | 'goods' | 'offset' | 'cash';
  rows: number;
}

/** The opening balances (one set) and the period they open. */
export function openingBalances(db: Db): { period: string; code: string; cents: number; file_name: string; sheet: string; row_no: number }[] {
  return db
    .prepare(
      `SELECT b.period, b.distributor_code AS code, b.opening_cents AS cents, f.file_name, b.sheet, b.row_no
       FROM balances b JOIN import_files f ON f.id = b.file_id ORDER BY b.distributor_code`,
    )
    .all() as { period: string; code: string; cents: number; file_name: string; sheet: string; row_no: number }[];
}

/** The earliest period with any ledger-relevant data: an import of period data, a batch, a ledger adjustment. */
export function firstDataPeriod(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT MIN(p) AS p FROM (
         SELECT MIN(period) AS p FROM import_files WHERE period IS NOT NULL AND replaced_by IS NULL
         UNION ALL SELECT MIN(period) FROM batches
         UNION ALL SELECT MIN(period) FROM ledger_adjustments)`,
    )
    .get() as { p: string | null };
  return row.p;
}

/** Final amounts of approved batches per period and distributor, up to `to`. */
export function approvedAccruals(db: Db, to: string): PeriodSum[] {
  return db
    .prepare(
      `SELECT b.period, r.code, r.final_cents AS cents FROM batch_rows r JOIN batches b ON b.id = r.batch_id
       WHERE b.status = 'approved' AND b.period <= ? AND r.final_cents IS NOT NULL AND r.final_cents <> 0`,
    )
    .all(to) as PeriodSum[];
}

export function settlementSums(db: Db, to: string): MethodSum[] {
  return db
    .prepare(
      `SELECT period, distributor_code AS code, method, SUM(amount_cents) AS cents, COUNT(*) AS rows
       FROM settlements WHERE period <= ? GROUP BY period, distributor_code, method`,
    )
    .all(to) as MethodSum[];
}

export function adjustmentSums(db: Db, to: string): PeriodSum[] {
  return db
    .prepare('SELECT period, distributor_code AS code, SUM(amount_cents) AS cents FROM ledger_adjustments WHERE period <= ? GROUP BY period, distributor_code')
    .all(to) as PeriodSum[];
}

export function distributorNames(db: Db): Map<string, { name: string; region: string; grade: string }> {
  const rows = db.prepare('SELECT code, name, region, grade FROM distributors').all() as { code: string; name: string; region: string; grade: string }[];
  return new Map(rows.map((r) => [r.code, { name: r.name, region: r.region, grade: r.grade }]));
}

export function distributorExists(db: Db, code: string): boolean {
  return db.prepare('SELECT 1 FROM distributors WHERE code = ?').get(code) !== undefined;
}

export interface SettlementLine {
  id: number;
  period: string;
  doc_no: string;
  line_no: string | null;
  date: string;
  amount_cents: number;
  method: string;
  note: string | null;
  file_name: string;
  sheet: string;
  row_no: number;
}

export function settlementLines(db: Db, period: string, code: string): SettlementLine[] {
  return db
    .prepare(
      `SELECT s.id, s.period, s.doc_no, s.line_no, s.date, s.amount_cents, s.method, s.note, f.file_name, s.sheet, s.row_no
       FROM settlements s JOIN import_files f ON f.id = s.file_id
       WHERE s.period = ? AND s.distributor_code = ? ORDER BY s.date, s.doc_no, s.line_no, s.id`,
    )
    .all(period, code) as SettlementLine[];
}

export interface LedgerAdjustmentRow {
  id: number;
  period: string;
  code: string;
  amount_cents: number;
  reason: string;
  created_by: string;
  created_at: string;
}

export function ledgerAdjustments(db: Db, period: string, code: string | null): LedgerAdjustmentRow[] {
  return db
    .prepare(
      `SELECT id, period, distributor_code AS code, amount_cents, reason, created_by, created_at FROM ledger_adjustments
       WHERE period = ? AND (? IS NULL OR distributor_code = ?) ORDER BY id`,
    )
    .all(period, code, code) as LedgerAdjustmentRow[];
}

export function insertLedgerAdjustment(db: Db, a: { period: string; code: string; amount_cents: bigint; reason: string; created_by: string; created_at: string }): number {
  return Number(
    db
      .prepare('INSERT INTO ledger_adjustments (period, distributor_code, amount_cents, reason, created_by, created_at) VALUES (@period, @code, @amount_cents, @reason, @created_by, @created_at)')
      .run(a).lastInsertRowid,
  );
}

/** The batch row of a distributor in a period's batch, whatever its status. */
export function batchRowOf(db: Db, period: string, code: string): { status: BatchStatus; rebate_cents: number | null; adjustment_cents: number; final_cents: number | null; policy_code: string | null } | undefined {
  return db
    .prepare(
      `SELECT b.status, r.rebate_cents, r.adjustment_cents, r.final_cents, r.policy_code FROM batch_rows r JOIN batches b ON b.id = r.batch_id
       WHERE b.period = ? AND r.code = ?`,
    )
    .get(period, code) as { status: BatchStatus; rebate_cents: number | null; adjustment_cents: number; final_cents: number | null; policy_code: string | null } | undefined;
}

/** Periods before `period` that have data (any imported rows, a batch or a ledger adjustment) and are not approved. */
export function earlierOpenPeriods(db: Db, period: string): string[] {
  return (
    db
      .prepare(
        `SELECT p FROM (
           SELECT period AS p FROM import_files WHERE period IS NOT NULL AND period < @p AND replaced_by IS NULL AND rows > 0
           UNION SELECT period FROM batches WHERE period < @p
           UNION SELECT period FROM ledger_adjustments WHERE period < @p)
         WHERE p NOT IN (SELECT period FROM batches WHERE status = 'approved') ORDER BY p`,
      )
      .all({ p: period }) as { p: string }[]
  ).map((r) => r.p);
}

/**
 * The latest moment something a period's ledger inputs depend on changed outside the period itself:
 * an earlier period's approval, or the opening balances.
 */
export function lastLedgerInputChange(db: Db, period: string): string | null {
  const row = db
    .prepare(
      `SELECT MAX(t) AS t FROM (
         SELECT s.closed_at AS t FROM approval_submissions s JOIN batches b ON b.id = s.batch_id
           WHERE b.period < @p AND s.status = 'approved'
         UNION ALL SELECT created_at FROM imports WHERE kind = 'balances' AND period <= @p)`,
    )
    .get({ p: period }) as { t: string | null };
  return row.t;
}
