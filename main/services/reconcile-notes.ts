import type { ReconcileNoteView } from '../../contract/ops/batches';
import type { Db } from '../db/database';
import { batchLine } from '../db/batches-repo';
import { claimsByCode, reconcileNotes, saveReconcileNote, type ReconcileNoteRow } from '../db/reconcile-repo';
import { listUsers } from '../db/users-repo';
import { appendAudit } from './audit';
import { requireBatch } from './batches';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';

function view(row: ReconcileNoteRow, names: Map<string, string>): ReconcileNoteView {
  return { ...row, confirmed_by_name: row.confirmed_by ? (names.get(row.confirmed_by) ?? row.confirmed_by) : null };
}

function displayNames(db: Db): Map<string, string> {
  return new Map(listUsers(db).map((u) => [u.name, u.display_name || u.name]));
}

/** A period's reconciliation notes and marks, with the confirmer's display name. */
export function notesOf(db: Db, period: string): ReconcileNoteView[] {
  const names = displayNames(db);
  return [...reconcileNotes(db, period).values()].map((r) => view(r, names));
}

/**
 * The preparer explains a distributor's reconciliation finding and/or marks it 已确认 (who, when).
 * Allowed while the batch is not approved (an approver may ask for an explanation during approval;
 * the note is not part of the batch's content hash). Audit-logged with before and after.
 */
export function setReconcileNote(ctx: ServiceContext, input: { period: string; code: string; note: string; confirmed: boolean }): ReconcileNoteView | null {
  const db = ctx.store.db;
  const b = requireBatch(ctx, input.period);
  if (b.status === 'approved') throw rejected('reconcile.note_locked', { period: input.period });
  const code = input.code.trim().toUpperCase();
  if (!batchLine(db, b.id, code) && !claimsByCode(db, input.period).some((c) => c.code === code)) throw rejected('adjust.no_row', { code, period: input.period });
  const note = input.note.trim();
  const before = reconcileNotes(db, input.period).get(code) ?? null;
  const actor = actorName(ctx);
  const now = ctx.now().toISOString();
  // a mark already set keeps who set it and when; unticking clears it
  const confirmedBy = input.confirmed ? (before?.confirmed_by ?? actor) : null;
  const confirmedAt = input.confirmed ? (before?.confirmed_at ?? now) : null;
  const row: ReconcileNoteRow = { code, note, confirmed_by: confirmedBy, confirmed_at: confirmedAt, updated_by: actor, updated_at: now };
  db.transaction(() => {
    saveReconcileNote(db, input.period, row);
    appendAudit(
      db,
      {
        actor,
        action: 'reconcile.note',
        entity: 'reconcile_note',
        entityId: `${input.period}/${code}`,
        before: before ? { note: before.note, confirmed_by: before.confirmed_by } : null,
        after: { note, confirmed_by: confirmedBy },
      },
      ctx.now(),
    );
  })();
  return !note && !confirmedBy ? null : view(row, displayNames(db));
}
