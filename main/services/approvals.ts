import type { ApprovalStatusView, ChainLevelView, InboxItemView } from '../../contract/ops/approvals';
import { hasRole } from '../../contract/roles';
import { centsToMoney, requireMoney } from '../../domain';

export type { ApprovalStatusView, ChainLevelView };
import {
  chainLevels,
  closeSubmission,
  decisionsOf,
  inboxFor,
  insertDecision,
  insertSubmission,
  pendingSubmission,
  replaceChain,
  snapshotLevel,
  submissionLevels,
  submissionsOf,
  type DecisionRow,
} from '../db/approvals-repo';
import { batchOf, lastDataChange, setBatchStatus } from '../db/batches-repo';
import { earlierOpenPeriods, lastLedgerInputChange } from '../db/ledger-repo';
import { findUserByName } from '../db/users-repo';
import { appendAudit } from './audit';
import { create as backup } from './backups';
import type { ServiceContext } from './context';
import { AppError, rejected } from '../../domain';
import { requireRole } from './users';

export interface ChainInput {
  levels: { name: string; approvers: string[]; min_total?: string | number | null | undefined }[];
}

function minTotalCents(v: string | number | null | undefined): bigint | null {
  if (v === null || v === undefined || v === '') return null;
  const s = typeof v === 'number' ? String(v) : v.trim().replace(/,/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) throw rejected('chain.bad_min_total', { value: String(v) });
  return requireMoney(s);
}

export function showChain(ctx: ServiceContext): ChainLevelView[] {
  return chainLevels(ctx.store.db).map((l) => ({
    position: l.position,
    name: l.name,
    approvers: l.approvers.map((a) => ({ name: a.name, display_name: a.display_name })),
    min_total: l.min_total_cents === null ? null : centsToMoney(l.min_total_cents),
  }));
}

/** Replaces the approval chain (admin). Every approver must be an active user holding the approver role. */
export function setChain(ctx: ServiceContext, input: ChainInput): ChainLevelView[] {
  const db = ctx.store.db;
  if (input.levels.length === 0) throw rejected('chain.empty');
  const levels = input.levels.map((l, i) => {
    const name = l.name.trim();
    if (!name) throw rejected('chain.level_name', { position: i + 1 });
    if (l.approvers.length === 0) throw rejected('chain.no_approvers', { level: name });
    const userIds = l.approvers.map((n) => {
      const u = findUserByName(db, n);
      if (!u || u.active !== 1) throw rejected('chain.unknown_user', { name: n, level: name });
      if (!hasRole(u.roles, 'approver')) throw rejected('chain.not_approver', { name: u.name, level: name });
      return u.id;
    });
    return { name, min_total_cents: minTotalCents(l.min_total), userIds: [...new Set(userIds)] };
  });
  const before = showChain(ctx);
  db.transaction(() => {
    replaceChain(db, levels);
    appendAudit(db, { actor: ctx.session.user?.name ?? 'system', action: 'chain.set', entity: 'approval_chain', before, after: showChain(ctx) }, ctx.now());
  })();
  return showChain(ctx);
}

function batchFor(ctx: ServiceContext, period: string) {
  const b = batchOf(ctx.store.db, period);
  if (!b) throw rejected('batch.not_found', { period });
  return b;
}

/** Turns a refusal by the database's own controls into the user's message (defence in depth). */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    const map: [RegExp, string][] = [
      [/submitter cannot approve/, 'approval.own_batch'],
      [/not an approver of this level/, 'approval.not_on_level'],
      [/levels are signed in order/, 'approval.out_of_order'],
      [/stale content hash/, 'approval.stale_hash'],
      [/UNIQUE constraint failed: approval_decisions.submission_id, approval_decisions.user_id/, 'approval.two_levels'],
      [/UNIQUE constraint failed: approval_decisions.submission_id, approval_decisions.position/, 'approval.already_signed'],
      [/submission is not pending/, 'approval.not_pending'],
    ];
    for (const [re, key] of map) if (re.test(msg)) throw rejected(key);
    throw e;
  }
}

/** Submits a draft (or rejected) batch into the chain; the chain's applicable levels are frozen with it. */
export async function submit(ctx: ServiceContext, input: { period: string; comment?: string | undefined }): Promise<ApprovalStatusView> {
  const user = requireRole(ctx, 'preparer');
  const db = ctx.store.db;
  const b = batchFor(ctx, input.period);
  if (b.status !== 'draft' && b.status !== 'rejected') throw rejected('approval.bad_state', { period: input.period, status: b.status });
  const changed = lastDataChange(db, input.period);
  if (changed !== null && changed > b.calculated_at) throw rejected('approval.stale_data', { period: input.period });
  // ledger.md: periods close in order, and a period's opening is final before it is signed.
  const [earlier] = earlierOpenPeriods(db, input.period);
  if (earlier) throw rejected('approval.earlier_open', { period: input.period, earlier });
  const ledgerChanged = lastLedgerInputChange(db, input.period);
  if (ledgerChanged !== null && ledgerChanged > b.calculated_at) throw rejected('approval.stale_ledger', { period: input.period });
  const chain = chainLevels(db).filter((l) => l.min_total_cents === null || b.total_cents >= l.min_total_cents);
  if (chain.length === 0) throw rejected('approval.no_chain');
  await backup(ctx, `pre-submit-${input.period}`);
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const id = insertSubmission(db, {
      batch_id: b.id,
      submitted_by: user.id,
      submitted_by_name: user.name,
      submitted_at: now,
      content_hash: b.content_hash,
      total_cents: b.total_cents,
      comment: input.comment?.trim() || null,
    });
    for (const l of chain) snapshotLevel(db, id, l, l.approvers.map((a) => a.id));
    setBatchStatus(db, b.id, 'submitted');
    appendAudit(db, { actor: user.name, action: 'batch.submit', entity: 'batch', entityId: input.period, before: { status: b.status }, after: { status: 'submitted', hash: b.content_hash, total: centsToMoney(b.total_cents), levels: chain.map((l) => l.name) } }, ctx.now());
  })();
  return approvalStatus(ctx, input.period);
}

/**
 * One approver's decision at the batch's next level. Every control is checked here for a clear
 * message and again by the database's triggers. A rejection needs a comment and returns the batch to
 * the preparer; the last approval approves the batch and closes its period.
 */
export async function decide(ctx: ServiceContext, input: { period: string; decision: 'approve' | 'reject'; comment?: string | undefined; hash?: string | undefined }): Promise<ApprovalStatusView> {
  const user = requireRole(ctx, 'approver');
  const db = ctx.store.db;
  const b = batchFor(ctx, input.period);
  const comment = input.comment?.trim() || null;
  if (input.decision === 'reject' && !comment) throw rejected('approval.comment_required');
  const sub = pendingSubmission(db, b.id);
  if (!sub || b.status !== 'submitted') throw rejected('approval.not_submitted', { period: input.period, status: b.status });
  if (sub.submitted_by === user.id) throw rejected('approval.own_batch');
  const levels = submissionLevels(db, sub.id);
  const decisions = decisionsOf(db, sub.id);
  if (decisions.some((d) => d.user_id === user.id)) throw rejected('approval.two_levels');
  const next = levels.find((l) => !decisions.some((d) => d.position === l.position));
  if (!next) throw rejected('approval.not_pending');
  if (!next.approvers.some((a) => a.id === user.id)) throw rejected('approval.not_on_level', { level: next.name, approvers: next.approvers.map((a) => a.name).join(', ') });
  const hash = input.hash ?? b.content_hash;
  if (hash !== sub.content_hash || hash !== b.content_hash) throw rejected('approval.stale_hash');
  await backup(ctx, `pre-${input.decision}-${input.period}`);
  const now = ctx.now().toISOString();
  guarded(() =>
    db.transaction(() => {
      insertDecision(db, { submission_id: sub.id, position: next.position, level_name: next.name, user_id: user.id, user_name: user.name, decision: input.decision, comment, decided_at: now, content_hash: hash });
      const last = next.position === levels[levels.length - 1]?.position;
      if (input.decision === 'reject') {
        closeSubmission(db, sub.id, 'rejected', now);
        setBatchStatus(db, b.id, 'rejected');
      } else if (last) {
        closeSubmission(db, sub.id, 'approved', now);
        setBatchStatus(db, b.id, 'approved');
      }
      appendAudit(
        db,
        {
          actor: user.name,
          action: input.decision === 'reject' ? 'batch.reject' : 'batch.approve',
          entity: 'batch',
          entityId: input.period,
          after: { level: next.position, level_name: next.name, comment, hash, status: input.decision === 'reject' ? 'rejected' : last ? 'approved' : 'submitted' },
        },
        ctx.now(),
      );
    })(),
  );
  return approvalStatus(ctx, input.period);
}

function decisionView(d: DecisionRow | undefined) {
  return d ? { user: d.user_name, decision: d.decision, comment: d.comment, at: d.decided_at, content_hash: d.content_hash } : null;
}

/** The batch's approval trail: every submission with its levels, who signed what and when. */
export function approvalStatus(ctx: ServiceContext, period: string): ApprovalStatusView {
  const db = ctx.store.db;
  const b = batchFor(ctx, period);
  const subs = submissionsOf(db, b.id).map((s) => {
    const decisions = decisionsOf(db, s.id);
    return {
      id: s.id,
      submitted_by: s.submitted_by_name,
      submitted_at: s.submitted_at,
      content_hash: s.content_hash,
      total: centsToMoney(s.total_cents),
      comment: s.comment,
      status: s.status,
      levels: submissionLevels(db, s.id).map((l) => ({
        position: l.position,
        name: l.name,
        min_total: l.min_total_cents === null ? null : centsToMoney(l.min_total_cents),
        approvers: l.approvers.map((a) => ({ name: a.name, display_name: a.display_name })),
        decision: decisionView(decisions.find((d) => d.position === l.position)),
      })),
    };
  });
  const pending = subs.find((s) => s.status === 'pending');
  let next: ApprovalStatusView['next'] = null;
  if (pending) {
    const level = pending.levels.find((l) => !l.decision);
    const me = ctx.session.user;
    if (level) {
      let reason: string | null = null;
      if (!me || !hasRole(me.roles, 'approver')) reason = 'approval.not_approver';
      else if (pending.submitted_by === me.name) reason = 'approval.own_batch';
      else if (pending.levels.some((l) => l.decision?.user === me.name)) reason = 'approval.two_levels';
      else if (!level.approvers.some((a) => a.name === me.name)) reason = 'approval.not_on_level';
      next = { position: level.position, name: level.name, can_sign: reason === null, reason };
    }
  }
  return { period, status: b.status, content_hash: b.content_hash, total: centsToMoney(b.total_cents), submissions: subs, next };
}

export type InboxItem = InboxItemView;

export function inbox(ctx: ServiceContext): InboxItem[] {
  const me = ctx.session.user;
  if (!me) throw new AppError('unauthenticated', 'auth.required');
  return inboxFor(ctx.store.db, me.id).map((r) => ({
    period: r.period,
    total: centsToMoney(r.total_cents),
    level: r.position,
    level_name: r.level_name,
    submitted_by: r.submitted_by_name,
    submitted_at: r.submitted_at,
    waiting_since: r.waiting_since,
  }));
}
