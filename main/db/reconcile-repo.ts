import type { Db } from './database';

export function claimsByCode(db: Db, period: string): { code: string; cents: number }[] {
  return db.prepare('SELECT distributor_code AS code, SUM(claimed_cents) AS cents FROM claims WHERE period = ? GROUP BY distributor_code ORDER BY code').all(period) as { code: string; cents: number }[];
}

export function approvedFinalsOf(db: Db, period: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT r.code, r.final_cents AS cents FROM batch_rows r JOIN batches b ON b.id = r.batch_id
       WHERE b.period = ? AND b.status = 'approved' AND r.final_cents IS NOT NULL`,
    )
    .all(period) as { code: string; cents: number }[];
  return new Map(rows.map((r) => [r.code, r.cents]));
}

/**
 * Returns whose original document is in no purchase of any period. The purchases' document numbers
 * are gathered once (`NOT IN` an uncorrelated subquery: one pass into a temporary index), not
 * searched per return — purchases have no index on doc_no, and a correlated `NOT EXISTS` scanned
 * them all for every return (32 s at 2,000 distributors).
 */
export function unknownOriginalDocs(db: Db, period: string): { code: string; doc_no: string; original_doc_no: string; file_name: string; sheet: string; row_no: number }[] {
  return db
    .prepare(
      `SELECT r.distributor_code AS code, r.doc_no, r.original_doc_no, f.file_name, r.sheet, r.row_no
       FROM returns r JOIN import_files f ON f.id = r.file_id
       WHERE r.period = ? AND r.original_doc_no IS NOT NULL AND r.original_doc_no <> ''
         AND r.original_doc_no NOT IN (SELECT p.doc_no FROM purchases p WHERE p.doc_no IS NOT NULL)
       ORDER BY r.distributor_code, r.doc_no`,
    )
    .all(period) as { code: string; doc_no: string; original_doc_no: string; file_name: string; sheet: string; row_no: number }[];
}

export interface ReconcileNoteRow {
  code: string;
  note: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  updated_by: string;
  updated_at: string;
}

/** The notes and 已确认 marks of a period's reconciliation, by distributor code. */
export function reconcileNotes(db: Db, period: string): Map<string, ReconcileNoteRow> {
  const rows = db
    .prepare('SELECT distributor_code AS code, note, confirmed_by, confirmed_at, updated_by, updated_at FROM reconcile_notes WHERE period = ? ORDER BY distributor_code')
    .all(period) as ReconcileNoteRow[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** Writes one distributor's note and mark; an empty, unconfirmed note removes the row. */
export function saveReconcileNote(db: Db, period: string, row: ReconcileNoteRow): void {
  if (!row.note && !row.confirmed_by) {
    db.prepare('DELETE FROM reconcile_notes WHERE period = ? AND distributor_code = ?').run(period, row.code);
    return;
  }
  db.prepare(
    `INSERT INTO reconcile_notes (period, distributor_code, note, confirmed_by, confirmed_at, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (period, distributor_code) DO UPDATE SET note = excluded.note, confirmed_by = excluded.confirmed_by,
       confirmed_at = excluded.confirmed_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(period, row.code, row.note, row.confirmed_by, row.confirmed_at, row.updated_by, row.updated_at);
}
