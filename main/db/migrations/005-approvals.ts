import type { Migration } from './types';

/**
 * The approval chain, and the submissions and decisions of batches. The database itself enforces
 * the controls of workflow.md: decisions are append-only, the submitter never signs, one user signs
 * at most one level, only a level's approvers sign it, levels in order, once each, and only for the
 * batch content they saw (its hash). An approved batch stays approved.
 */
export const migration005: Migration = {
  version: 5,
  name: 'approvals',
  sql: `
CREATE TABLE approval_levels (
  position INTEGER PRIMARY KEY CHECK (position >= 1),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  min_total_cents INTEGER CHECK (min_total_cents IS NULL OR min_total_cents >= 0)
) STRICT;

CREATE TABLE approval_level_users (
  position INTEGER NOT NULL REFERENCES approval_levels(position) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (position, user_id)
) STRICT;

CREATE TABLE approval_submissions (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  submitted_by INTEGER NOT NULL REFERENCES users(id),
  submitted_by_name TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  comment TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  closed_at TEXT
) STRICT;
CREATE INDEX approval_submissions_batch ON approval_submissions(batch_id);
CREATE UNIQUE INDEX approval_submissions_one_pending ON approval_submissions(batch_id) WHERE status = 'pending';

-- The chain as it applied when the batch was submitted (levels whose min_total the total reached).
CREATE TABLE approval_submission_levels (
  submission_id INTEGER NOT NULL REFERENCES approval_submissions(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  min_total_cents INTEGER,
  PRIMARY KEY (submission_id, position)
) STRICT;

CREATE TABLE approval_submission_level_users (
  submission_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (submission_id, position, user_id),
  FOREIGN KEY (submission_id, position) REFERENCES approval_submission_levels(submission_id, position)
) STRICT;

CREATE TABLE approval_decisions (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES approval_submissions(id),
  position INTEGER NOT NULL,
  level_name TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  comment TEXT,
  decided_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  CHECK (decision = 'approve' OR length(trim(COALESCE(comment, ''))) > 0),
  UNIQUE (submission_id, position),
  UNIQUE (submission_id, user_id),
  FOREIGN KEY (submission_id, position) REFERENCES approval_submission_levels(submission_id, position)
) STRICT;

CREATE TRIGGER approval_decisions_no_update BEFORE UPDATE ON approval_decisions
BEGIN SELECT RAISE(ABORT, 'approval decisions are append-only'); END;
CREATE TRIGGER approval_decisions_no_delete BEFORE DELETE ON approval_decisions
BEGIN SELECT RAISE(ABORT, 'approval decisions are append-only'); END;

CREATE TRIGGER approval_decisions_rules BEFORE INSERT ON approval_decisions
BEGIN
  SELECT RAISE(ABORT, 'submission is not pending')
   WHERE (SELECT status FROM approval_submissions WHERE id = NEW.submission_id) IS NOT 'pending';
  SELECT RAISE(ABORT, 'the submitter cannot approve')
   WHERE (SELECT submitted_by FROM approval_submissions WHERE id = NEW.submission_id) = NEW.user_id;
  SELECT RAISE(ABORT, 'user is not an approver of this level')
   WHERE NOT EXISTS (SELECT 1 FROM approval_submission_level_users
                     WHERE submission_id = NEW.submission_id AND position = NEW.position AND user_id = NEW.user_id);
  SELECT RAISE(ABORT, 'levels are signed in order')
   WHERE NEW.position IS NOT (SELECT MIN(l.position) FROM approval_submission_levels l
                              WHERE l.submission_id = NEW.submission_id
                                AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = l.submission_id AND d.position = l.position));
  SELECT RAISE(ABORT, 'stale content hash')
   WHERE NEW.content_hash IS NOT (SELECT b.content_hash FROM batches b JOIN approval_submissions s ON s.batch_id = b.id WHERE s.id = NEW.submission_id)
      OR NEW.content_hash IS NOT (SELECT content_hash FROM approval_submissions WHERE id = NEW.submission_id);
END;

CREATE TRIGGER approval_submissions_frozen BEFORE UPDATE OF batch_id, submitted_by, content_hash, total_cents ON approval_submissions
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submissions_no_delete BEFORE DELETE ON approval_submissions
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submission_levels_frozen BEFORE UPDATE ON approval_submission_levels
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submission_level_users_frozen BEFORE UPDATE ON approval_submission_level_users
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;

CREATE TRIGGER batches_approved_final BEFORE UPDATE OF status ON batches
WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'an approved batch stays approved'); END;
CREATE TRIGGER batches_approve_needs_decisions BEFORE UPDATE OF status ON batches
WHEN NEW.status = 'approved' AND NOT EXISTS (
  SELECT 1 FROM approval_submissions s WHERE s.batch_id = NEW.id AND s.status = 'approved')
BEGIN SELECT RAISE(ABORT, 'a batch is approved only through its approval chain'); END;
`,
};
