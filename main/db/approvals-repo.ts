import type { Db } from './database';

export interface LevelRow {
  position: number;
  name: string;
  min_total_cents: number | null;
}

export interface SubmissionRow {
  id: number;
  batch_id: number;
  submitted_by: number;
  submitted_by_name: string;
  submitted_at: string;
  content_hash: string;
  total_cents: number;
  comment: string | null;
  status: 'pending' | 'approved' | 'rejected';
  closed_at: string | null;
}

export interface DecisionRow {
  id: number;
  submission_id: number;
  position: number;
  level_name: string;
  user_id: number;
  user_name: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_at: string;
  content_hash: string;
}

export function chainLevels(db: Db): (LevelRow & { approvers: { id: number; name: string; display_name: string }[] })[] {
  const levels = db.prepare('SELECT * FROM approval_levels ORDER BY position').all() as LevelRow[];
  const users = db.prepare(
    `SELECT u.id, u.name, u.display_name FROM approval_level_users lu JOIN users u ON u.id = lu.user_id WHERE lu.position = ? ORDER BY u.name`,
  );
  return levels.map((l) => ({ ...l, approvers: users.all(l.position) as { id: number; name: string; display_name: string }[] }));
}

export function replaceChain(db: Db, levels: { name: string; min_total_cents: bigint | null; userIds: number[] }[]): void {
  db.prepare('DELETE FROM approval_level_users').run();
  db.prepare('DELETE FROM approval_levels').run();
  const level = db.prepare('INSERT INTO approval_levels (position, name, min_total_cents) VALUES (?, ?, ?)');
  const user = db.prepare('INSERT INTO approval_level_users (position, user_id) VALUES (?, ?)');
  levels.forEach((l, i) => {
    level.run(i + 1, l.name, l.min_total_cents);
    for (const id of l.userIds) user.run(i + 1, id);
  });
}

export function insertSubmission(db: Db, s: Omit<SubmissionRow, 'id' | 'status' | 'closed_at'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO approval_submissions (batch_id, submitted_by, submitted_by_name, submitted_at, content_hash, total_cents, comment, status)
         VALUES (@batch_id, @submitted_by, @submitted_by_name, @submitted_at, @content_hash, @total_cents, @comment, 'pending')`,
      )
      .run(s).lastInsertRowid,
  );
}

export function snapshotLevel(db: Db, submissionId: number, l: LevelRow, userIds: number[]): void {
  db.prepare('INSERT INTO approval_submission_levels (submission_id, position, name, min_total_cents) VALUES (?, ?, ?, ?)').run(submissionId, l.position, l.name, l.min_total_cents);
  const u = db.prepare('INSERT INTO approval_submission_level_users (submission_id, position, user_id) VALUES (?, ?, ?)');
  for (const id of userIds) u.run(submissionId, l.position, id);
}

export function pendingSubmission(db: Db, batchId: number): SubmissionRow | undefined {
  return db.prepare("SELECT * FROM approval_submissions WHERE batch_id = ? AND status = 'pending'").get(batchId) as SubmissionRow | undefined;
}

export function submissionsOf(db: Db, batchId: number): SubmissionRow[] {
  return db.prepare('SELECT * FROM approval_submissions WHERE batch_id = ? ORDER BY id').all(batchId) as SubmissionRow[];
}

export function submissionLevels(db: Db, submissionId: number): (LevelRow & { approvers: { id: number; name: string; display_name: string }[] })[] {
  const levels = db.prepare('SELECT position, name, min_total_cents FROM approval_submission_levels WHERE submission_id = ? ORDER BY position').all(submissionId) as LevelRow[];
  const users = db.prepare(
    `SELECT u.id, u.name, u.display_name FROM approval_submission_level_users lu JOIN users u ON u.id = lu.user_id
     WHERE lu.submission_id = ? AND lu.position = ? ORDER BY u.name`,
  );
  return levels.map((l) => ({ ...l, approvers: users.all(submissionId, l.position) as { id: number; name: string; display_name: string }[] }));
}

export function decisionsOf(db: Db, submissionId: number): DecisionRow[] {
  return db.prepare('SELECT * FROM approval_decisions WHERE submission_id = ? ORDER BY position').all(submissionId) as DecisionRow[];
}

export function insertDecision(db: Db, d: Omit<DecisionRow, 'id'>): void {
  db.prepare(
    `INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, comment, decided_at, content_hash)
     VALUES (@submission_id, @position, @level_name, @user_id, @user_name, @decision, @comment, @decided_at, @content_hash)`,
  ).run(d);
}

export function closeSubmission(db: Db, id: number, status: 'approved' | 'rejected', at: string): void {
  db.prepare('UPDATE approval_submissions SET status = ?, closed_at = ? WHERE id = ?').run(status, at, id);
}

/** Pending submissions whose next unsigned level lists this user (who did not submit it). */
export function inboxFor(db: Db, userId: number): { submission_id: number; batch_id: number; period: string; total_cents: number; position: number; level_name: string; submitted_at: string; submitted_by_name: string; waiting_since: string }[] {
  return db
    .prepare(
      `WITH next AS (
         SELECT s.id AS submission_id, MIN(l.position) AS position FROM approval_submissions s
         JOIN approval_submission_levels l ON l.submission_id = s.id
         WHERE s.status = 'pending' AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = s.id AND d.position = l.position)
         GROUP BY s.id)
       SELECT s.id AS submission_id, s.batch_id, b.period, s.total_cents, n.position, l.name AS level_name, s.submitted_at, s.submitted_by_name,
              COALESCE((SELECT MAX(decided_at) FROM approval_decisions d WHERE d.submission_id = s.id), s.submitted_at) AS waiting_since
       FROM next n JOIN approval_submissions s ON s.id = n.submission_id JOIN batches b ON b.id = s.batch_id
       JOIN approval_submission_levels l ON l.submission_id = s.id AND l.position = n.position
       WHERE EXISTS (SELECT 1 FROM approval_submission_level_users u WHERE u.submission_id = s.id AND u.position = n.position AND u.user_id = @user)
         AND s.submitted_by <> @user
         AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = s.id AND d.user_id = @user)
       ORDER BY s.submitted_at`,
    )
    .all({ user: userId }) as { submission_id: number; batch_id: number; period: string; total_cents: number; position: number; level_name: string; submitted_at: string; submitted_by_name: string; waiting_since: string }[];
}
