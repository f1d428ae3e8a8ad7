import type { Db } from './database';
import { cached } from './statements';
import type { BatchHead, BatchLineFields, BatchStatus } from '../../domain';

export type { BatchStatus };

export interface BatchRow extends BatchHead {
  calc_count: number;
  distributors: number;
  exceptions: number;
  rebate_cents: number;
  adjustment_cents: number;
  policies_json: string;
  last_diff_json: string | null;
}

export interface BatchLine extends BatchLineFields {
  batch_id: number;
  status: string;
  exception_detail: string | null;
}

export interface AdjustmentRow {
  period: string;
  code: string;
  amount_cents: number;
  reason: string;
  /** the note for the distributor (its statement), if any */
  note: string | null;
  created_by: string;
  created_at: string;
}

export function batchOf(db: Db, period: string): BatchRow | undefined {
  return cached(db, 'SELECT * FROM batches WHERE period = ?').get(period) as BatchRow | undefined;
}

export function batchById(db: Db, id: number): BatchRow | undefined {
  return db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
}

export function allBatches(db: Db): BatchRow[] {
  return cached(db, 'SELECT * FROM batches ORDER BY period DESC').all() as BatchRow[];
}

export function createBatch(db: Db, b: { period: string; by: string; at: string }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO batches (period, status, created_by, created_at, calculated_by, calculated_at, calc_count, distributors, exceptions,
           rebate_cents, adjustment_cents, total_cents, content_hash, policies_json)
         VALUES (?, 'draft', ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, '', '[]')`,
      )
      .run(b.period, b.by, b.at, b.by, b.at).lastInsertRowid,
  );
}

export function batchLines(db: Db, batchId: number): BatchLine[] {
  return db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY code').all(batchId) as BatchLine[];
}

export function batchLine(db: Db, batchId: number, code: string): BatchLine | undefined {
  return cached(db, 'SELECT * FROM batch_rows WHERE batch_id = ? AND code = ?').get(batchId, code) as BatchLine | undefined;
}

export function deleteBatchLines(db: Db, batchId: number): void {
  db.prepare('DELETE FROM batch_rows WHERE batch_id = ?').run(batchId);
}

export function lineWriter(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO batch_rows (batch_id, code, name, region, province, grade, status, policy_code, policy_version, inputs_json, values_json,
       rebate_cents, adjustment_cents, final_cents, exception, exception_detail)
     VALUES (@batch_id, @code, @name, @region, @province, @grade, @status, @policy_code, @policy_version, @inputs_json, @values_json,
       @rebate_cents, @adjustment_cents, @final_cents, @exception, @exception_detail)`,
  );
  return (l: Omit<BatchLine, 'rebate_cents' | 'final_cents' | 'adjustment_cents'> & { rebate_cents: bigint | null; final_cents: bigint | null; adjustment_cents: bigint }) => stmt.run(l);
}

export function setLineAdjustment(db: Db, batchId: number, code: string, adjustmentCents: bigint): void {
  cached(
    db,
    `UPDATE batch_rows SET adjustment_cents = @adj,
       final_cents = CASE WHEN rebate_cents IS NULL THEN NULL ELSE rebate_cents + @adj END
     WHERE batch_id = @batch AND code = @code`,
  ).run({ adj: adjustmentCents, batch: batchId, code });
}

export function batchTotals(db: Db, batchId: number): { rebate: number; adjustment: number; total: number; distributors: number; exceptions: number } {
  return cached(
      db,
      `SELECT COALESCE(SUM(rebate_cents), 0) AS rebate,
              COALESCE(SUM(CASE WHEN final_cents IS NOT NULL THEN adjustment_cents ELSE 0 END), 0) AS adjustment,
              COALESCE(SUM(final_cents), 0) AS total,
              COUNT(*) AS distributors, SUM(CASE WHEN exception IS NOT NULL THEN 1 ELSE 0 END) AS exceptions
       FROM batch_rows WHERE batch_id = ?`,
    )
    .get(batchId) as { rebate: number; adjustment: number; total: number; distributors: number; exceptions: number };
}

export function updateBatchAfterCalc(
  db: Db,
  b: { id: number; by: string; at: string; policiesJson: string; diffJson: string; hash: string; totals: ReturnType<typeof batchTotals> },
): void {
  db.prepare(
    `UPDATE batches SET status = 'draft', calculated_by = @by, calculated_at = @at, calc_count = calc_count + 1,
       distributors = @distributors, exceptions = @exceptions, rebate_cents = @rebate, adjustment_cents = @adjustment,
       total_cents = @total, content_hash = @hash, policies_json = @policies, last_diff_json = @diff
     WHERE id = @id`,
  ).run({
    id: b.id,
    by: b.by,
    at: b.at,
    distributors: b.totals.distributors,
    exceptions: b.totals.exceptions ?? 0,
    rebate: b.totals.rebate,
    adjustment: b.totals.adjustment,
    total: b.totals.total,
    hash: b.hash,
    policies: b.policiesJson,
    diff: b.diffJson,
  });
}

export function updateBatchTotals(db: Db, id: number, hash: string, totals: ReturnType<typeof batchTotals>, status: BatchStatus): void {
  cached(
    db,
    `UPDATE batches SET rebate_cents = @rebate, adjustment_cents = @adjustment, total_cents = @total, content_hash = @hash, status = @status
     WHERE id = @id`,
  ).run({ id, rebate: totals.rebate, adjustment: totals.adjustment, total: totals.total, hash, status });
}

export function setBatchStatus(db: Db, id: number, status: BatchStatus): void {
  db.prepare('UPDATE batches SET status = ? WHERE id = ?').run(status, id);
}

export function adjustmentsOf(db: Db, period: string): AdjustmentRow[] {
  return cached(db, 'SELECT * FROM adjustments WHERE period = ? ORDER BY code').all(period) as AdjustmentRow[];
}

/** What an adjustment changes on a batch's rows (the rest is fixed by the calculation), by code. */
export function lineMoney(db: Db, batchId: number): { code: string; rebate_cents: number | null; adjustment_cents: number; final_cents: number | null; exception: string | null }[] {
  return cached(db, 'SELECT code, rebate_cents, adjustment_cents, final_cents, exception FROM batch_rows WHERE batch_id = ? ORDER BY code').all(batchId) as {
    code: string;
    rebate_cents: number | null;
    adjustment_cents: number;
    final_cents: number | null;
    exception: string | null;
  }[];
}

/** Each row's final amount with the distributor's name (a month's changes against the month before). */
export function lineFinals(db: Db, batchId: number): { code: string; name: string; final_cents: number | null }[] {
  return cached(db, 'SELECT code, name, final_cents FROM batch_rows WHERE batch_id = ? ORDER BY code').all(batchId) as { code: string; name: string; final_cents: number | null }[];
}

export function adjustmentOf(db: Db, period: string, code: string): AdjustmentRow | undefined {
  return cached(db, 'SELECT * FROM adjustments WHERE period = ? AND code = ?').get(period, code) as AdjustmentRow | undefined;
}

/** The adjustments of some of a period's distributors. */
export function adjustmentsFor(db: Db, period: string, codes: readonly string[]): AdjustmentRow[] {
  return cached(db, 'SELECT * FROM adjustments WHERE period = ? AND code IN (SELECT value FROM json_each(?))').all(period, JSON.stringify(codes)) as AdjustmentRow[];
}

export function upsertAdjustment(db: Db, a: { period: string; code: string; amount_cents: bigint; reason: string; note: string | null; created_by: string; created_at: string }): void {
  cached(
    db,
    `INSERT INTO adjustments (period, code, amount_cents, reason, note, created_by, created_at) VALUES (@period, @code, @amount_cents, @reason, @note, @created_by, @created_at)
     ON CONFLICT(period, code) DO UPDATE SET amount_cents = excluded.amount_cents, reason = excluded.reason, note = excluded.note, created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(a);
}

export function deleteAdjustment(db: Db, period: string, code: string): void {
  cached(db, 'DELETE FROM adjustments WHERE period = ? AND code = ?').run(period, code);
}

/** Source rows behind one distributor's purchase and returns: file, sheet, row, for the trace. */
export function sourceLines(db: Db, table: 'purchases' | 'returns', period: string, code: string, limit: number): { file_name: string; sheet: string; row_no: number; doc_no: string; date: string; amount_cents: number }[] {
  return db
    .prepare(
      `SELECT f.file_name, t.sheet, t.row_no, t.doc_no, t.date, t.amount_cents FROM ${table} t JOIN import_files f ON f.id = t.file_id
       WHERE t.period = ? AND t.distributor_code = ? ORDER BY t.date, t.doc_no LIMIT ?`,
    )
    .all(period, code, limit) as { file_name: string; sheet: string; row_no: number; doc_no: string; date: string; amount_cents: number }[];
}

export interface PeriodKindRow {
  period: string;
  kind: string;
  files: number;
  rows: number;
  total_cents: number;
  last_import: string;
}

/** What is imported per period and kind (files not replaced). */
export function periodKinds(db: Db): PeriodKindRow[] {
  return cached(
      db,
      `SELECT f.period, f.kind, COUNT(*) AS files, SUM(f.rows) AS rows, SUM(f.total_cents) AS total_cents, MAX(i.created_at) AS last_import
       FROM import_files f JOIN imports i ON i.id = f.import_id
       WHERE f.period IS NOT NULL AND f.replaced_by IS NULL
       GROUP BY f.period, f.kind ORDER BY f.period DESC`,
    )
    .all() as PeriodKindRow[];
}

/** When the period's data last changed (an import or replace), for "recalculate needed". */
export function lastDataChange(db: Db, period: string): string | null {
  const row = cached(db, 'SELECT MAX(created_at) AS at FROM imports WHERE period = ?').get(period) as { at: string | null };
  return row.at;
}
