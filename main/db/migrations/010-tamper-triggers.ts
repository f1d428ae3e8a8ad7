import type { Migration } from './types';

const LOCKED = "IN ('submitted', 'approved')";
const periodTables = ['purchases', 'returns', 'promotions', 'claims'];

/**
 * Tamper evidence (issue 11): everything a lock covers refuses UPDATE as well as INSERT and DELETE,
 * and the approval tables move only along the chain's rules — so an edit of the database file with
 * the triggers intact cannot approve without decisions, reopen a submitted batch, add a signer,
 * remove a level, change a locked period's rows or roll back the audit log's head. (The ledger's
 * settlements, balances and ledger_adjustments got their UPDATE/INSERT/DELETE triggers with migration
 * 008; reconciliation notes close when the batch is approved, as the service says.) (With the
 * triggers dropped, `audit verify` finds the change: services/tamper-check.ts.)
 */
export const migration010: Migration = {
  version: 10,
  name: 'tamper-triggers',
  sql: `
${periodTables
  .map(
    (t) => `CREATE TRIGGER ${t}_period_locked_update BEFORE UPDATE ON ${t}
WHEN (SELECT status FROM batches WHERE period = OLD.period) ${LOCKED} OR (SELECT status FROM batches WHERE period = NEW.period) ${LOCKED}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;`,
  )
  .join('\n')}

CREATE TRIGGER import_files_period_locked_insert BEFORE INSERT ON import_files
WHEN NEW.period IS NOT NULL AND (SELECT status FROM batches WHERE period = NEW.period) ${LOCKED}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER import_files_period_locked_update BEFORE UPDATE ON import_files
WHEN (SELECT status FROM batches WHERE period = OLD.period) ${LOCKED} OR (SELECT status FROM batches WHERE period = NEW.period) ${LOCKED}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER import_files_period_locked_delete BEFORE DELETE ON import_files
WHEN (SELECT status FROM batches WHERE period = OLD.period) ${LOCKED}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

-- Reconciliation notes may change while the batch is in approval (an approver asks), never once it is approved.
CREATE TRIGGER reconcile_notes_approved_insert BEFORE INSERT ON reconcile_notes
WHEN (SELECT status FROM batches WHERE period = NEW.period) = 'approved'
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER reconcile_notes_approved_update BEFORE UPDATE ON reconcile_notes
WHEN (SELECT status FROM batches WHERE period = OLD.period) = 'approved' OR (SELECT status FROM batches WHERE period = NEW.period) = 'approved'
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER reconcile_notes_approved_delete BEFORE DELETE ON reconcile_notes
WHEN (SELECT status FROM batches WHERE period = OLD.period) = 'approved'
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

-- A locked batch's figures stay as they were calculated.
CREATE TRIGGER batches_locked_figures BEFORE UPDATE OF distributors, exceptions, calculated_at, calculated_by, calc_count, created_at ON batches
WHEN OLD.status ${LOCKED}
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;

-- A batch's status moves only along the workflow.
CREATE TRIGGER batches_status_rules BEFORE UPDATE OF status ON batches
WHEN NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE(ABORT, 'a submitted batch leaves the chain only by a decision')
   WHERE OLD.status = 'submitted' AND NEW.status NOT IN ('approved', 'rejected');
  SELECT RAISE(ABORT, 'a batch is submitted only with its pending submission')
   WHERE NEW.status = 'submitted' AND NOT EXISTS (
     SELECT 1 FROM approval_submissions s WHERE s.batch_id = NEW.id AND s.status = 'pending' AND s.content_hash = NEW.content_hash);
  SELECT RAISE(ABORT, 'a batch is rejected only by a rejecting decision')
   WHERE NEW.status = 'rejected' AND NOT EXISTS (
     SELECT 1 FROM approval_submissions s WHERE s.batch_id = NEW.id AND s.status = 'rejected'
       AND s.id = (SELECT MAX(id) FROM approval_submissions WHERE batch_id = NEW.id));
END;

-- A submission is made for the batch as it stands, and closes only by its decisions.
CREATE TRIGGER approval_submissions_insert_rules BEFORE INSERT ON approval_submissions
BEGIN
  SELECT RAISE(ABORT, 'a submission is made for a draft or rejected batch, for its current content')
   WHERE NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = NEW.batch_id AND b.status IN ('draft', 'rejected')
                     AND b.content_hash = NEW.content_hash AND b.total_cents = NEW.total_cents)
      OR NEW.status IS NOT 'pending';
END;
CREATE TRIGGER approval_submissions_status_rules BEFORE UPDATE OF status ON approval_submissions
WHEN NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE(ABORT, 'a closed submission stays closed') WHERE OLD.status IS NOT 'pending';
  SELECT RAISE(ABORT, 'a submission is approved only when every level approved')
   WHERE NEW.status = 'approved' AND (
     (SELECT COUNT(*) FROM approval_decisions d WHERE d.submission_id = NEW.id AND d.decision = 'approve')
       IS NOT (SELECT COUNT(*) FROM approval_submission_levels l WHERE l.submission_id = NEW.id)
     OR EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = NEW.id AND d.decision = 'reject'));
  SELECT RAISE(ABORT, 'a submission is rejected only by a rejecting decision')
   WHERE NEW.status = 'rejected' AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = NEW.id AND d.decision = 'reject');
END;
CREATE TRIGGER approval_submissions_record_frozen BEFORE UPDATE OF submitted_by_name, submitted_at, comment ON approval_submissions
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;

-- The chain snapshot is written with the submission (while the batch is not yet submitted), never after.
CREATE TRIGGER approval_submission_levels_insert BEFORE INSERT ON approval_submission_levels
WHEN (SELECT b.status FROM batches b JOIN approval_submissions s ON s.batch_id = b.id WHERE s.id = NEW.submission_id) ${LOCKED}
  OR (SELECT status FROM approval_submissions WHERE id = NEW.submission_id) IS NOT 'pending'
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submission_level_users_insert BEFORE INSERT ON approval_submission_level_users
WHEN (SELECT b.status FROM batches b JOIN approval_submissions s ON s.batch_id = b.id WHERE s.id = NEW.submission_id) ${LOCKED}
  OR (SELECT status FROM approval_submissions WHERE id = NEW.submission_id) IS NOT 'pending'
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submission_levels_no_delete BEFORE DELETE ON approval_submission_levels
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
CREATE TRIGGER approval_submission_level_users_no_delete BEFORE DELETE ON approval_submission_level_users
BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;

-- The audit head always names the newest entry: it can neither go back nor be removed.
CREATE TRIGGER audit_head_insert BEFORE INSERT ON audit_head
WHEN NEW.last_id IS NOT (SELECT MAX(id) FROM audit_log) OR NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.last_id)
BEGIN SELECT RAISE(ABORT, 'audit_head names the newest entry'); END;
CREATE TRIGGER audit_head_update BEFORE UPDATE ON audit_head
WHEN NEW.last_id IS NOT (SELECT MAX(id) FROM audit_log) OR NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.last_id)
  OR NEW.last_id < OLD.last_id
BEGIN SELECT RAISE(ABORT, 'audit_head names the newest entry'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
