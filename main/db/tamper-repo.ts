import type { Db } from './database';

/** Reads for `audit verify`'s checks of what was approved (services/tamper-check.ts). */

export function auditHashAt(db: Db, id: number): string | null {
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string } | undefined;
  return row?.hash ?? null;
}

export interface LockedBatch {
  id: number;
  period: string;
  status: string;
  content_hash: string;
  policies_json: string;
  rebate_cents: number;
  adjustment_cents: number;
  total_cents: number;
  distributors: number;
}

export function batchesForCheck(db: Db): LockedBatch[] {
  return db.prepare('SELECT id, period, status, content_hash, policies_json, rebate_cents, adjustment_cents, total_cents, distributors FROM batches ORDER BY period').all() as LockedBatch[];
}

export interface SubmissionCheckRow {
  id: number;
  batch_id: number;
  submitted_by: number;
  content_hash: string;
  total_cents: number;
  status: string;
}

export function submissionsForCheck(db: Db, batchId: number): SubmissionCheckRow[] {
  return db.prepare('SELECT id, batch_id, submitted_by, content_hash, total_cents, status FROM approval_submissions WHERE batch_id = ? ORDER BY id').all(batchId) as SubmissionCheckRow[];
}

export function levelsForCheck(db: Db, submissionId: number): { position: number; name: string; users: number[] }[] {
  const levels = db.prepare('SELECT position, name FROM approval_submission_levels WHERE submission_id = ? ORDER BY position').all(submissionId) as { position: number; name: string }[];
  const users = db.prepare('SELECT position, user_id FROM approval_submission_level_users WHERE submission_id = ?').all(submissionId) as { position: number; user_id: number }[];
  return levels.map((l) => ({ ...l, users: users.filter((u) => u.position === l.position).map((u) => u.user_id) }));
}

export function decisionsForCheck(db: Db, submissionId: number): { id: number; position: number; user_id: number; decision: string; content_hash: string }[] {
  return db.prepare('SELECT id, position, user_id, decision, content_hash FROM approval_decisions WHERE submission_id = ? ORDER BY id').all(submissionId) as {
    id: number;
    position: number;
    user_id: number;
    decision: string;
    content_hash: string;
  }[];
}

export function auditEntriesFor(db: Db, entityId: string, actions: string[]): { action: string; after_json: string | null }[] {
  return db
    .prepare(`SELECT action, after_json FROM audit_log WHERE entity = 'batch' AND entity_id = ? AND action IN (${actions.map(() => '?').join(', ')}) ORDER BY id`)
    .all(entityId, ...actions) as { action: string; after_json: string | null }[];
}

export function storedInputs(db: Db, batchId: number): { code: string; inputs_json: string }[] {
  return db.prepare('SELECT code, inputs_json FROM batch_rows WHERE batch_id = ? ORDER BY code').all(batchId) as { code: string; inputs_json: string }[];
}
