import { batchTotals } from '../db/batches-repo';
import type { Db } from '../db/database';
import { auditEntriesFor, auditHashAt, batchesForCheck, decisionsForCheck, levelsForCheck, storedInputs, submissionsForCheck } from '../db/tamper-repo';
import { canonicalJson } from '../util/canonical-json';
import { aggregatePeriod } from './aggregate';
import { anchoredIdForPath, databaseId, readCheckpoint } from './anchor';
import { contentHash } from './batch-hash';

/** One finding of `audit verify` beyond the hash chain: its message key and parameters. */
export interface Finding {
  reason: string;
  params: Record<string, string | number>;
}

/** The inputs that come from a period's own source rows (purchases, returns, promotions). */
const SOURCE_INPUTS = ['purchase', 'purchase_qty', 'returns', 'return_qty', 'net', 'return_rate', 'promo_target', 'promo_actual', 'promo_rate'];

/** The anchor: a log shorter than, or different from, its checkpoint fails (truncation, wipe, recomputed chain). */
export function checkAnchor(db: Db, entries: number): Finding | null {
  const id = databaseId(db, false);
  // The id in the database removed or changed (to escape its checkpoint): this file had another.
  const anchored = anchoredIdForPath(db.name);
  if (anchored && anchored !== id && readCheckpoint(anchored).state !== 'none') return { reason: 'anchor_id_changed', params: { id: id ?? '-', anchored } };
  if (!id) return null;
  const cp = readCheckpoint(id);
  if (cp.state === 'none') return null;
  if (cp.state === 'invalid') return { reason: 'anchor_invalid', params: { file: cp.file } };
  const { count, head } = cp.checkpoint;
  if (entries < count) return { reason: 'anchor_truncated', params: { count, entries } };
  if (count > 0 && auditHashAt(db, count) !== head) return { reason: 'anchor_mismatch', params: { id: count } };
  return null;
}

/**
 * The audit chain head printed on an approval workbook ("id:hash"): that entry must still be in the
 * log with that hash — so a printed approval can be checked against the database it came from.
 */
export function checkPrintedHead(db: Db, printed: string): Finding | null {
  const [idText, hash] = printed.split(':');
  const id = Number(idText);
  if (auditHashAt(db, id) === hash) return null;
  return { reason: 'printed_head', params: { id, hash: `${(hash ?? '').slice(0, 16)}…` } };
}

function rule(period: string, name: string, extra: Record<string, string | number> = {}): Finding {
  return { reason: 'approval_rules', params: { period, rule: name, ...extra } };
}

/**
 * What was approved is still what is stored: every submitted or approved batch's content hash is
 * recomputed from its rows and compared with the hash its submission and decisions signed; its
 * totals with the sums of its rows; the period's source rows are re-aggregated and compared with the
 * inputs the batch stored; and the approval rows are checked against the chain's rules (and the audit
 * log's record of them). Returns the first finding.
 */
export function checkApprovals(db: Db): Finding | null {
  for (const b of batchesForCheck(db)) {
    const subs = submissionsForCheck(db, b.id);
    const locked = b.status === 'submitted' || b.status === 'approved';
    // the chain's rules, for every submission of the batch
    const submitLog = auditEntriesFor(db, b.period, ['batch.submit']);
    const decisionLog = auditEntriesFor(db, b.period, ['batch.approve', 'batch.reject']);
    let decisionsTotal = 0;
    for (const [i, s] of subs.entries()) {
      const levels = levelsForCheck(db, s.id);
      const decisions = decisionsForCheck(db, s.id);
      decisionsTotal += decisions.length;
      const logged = submitLog[i];
      if (logged?.after_json) {
        const after = JSON.parse(logged.after_json) as { levels?: string[]; hash?: string };
        if (after.levels && canonicalJson(after.levels) !== canonicalJson(levels.map((l) => l.name))) return rule(b.period, 'levels_changed');
        if (after.hash && after.hash !== s.content_hash) return rule(b.period, 'submission_changed');
      }
      const users = new Set<number>();
      for (const [k, d] of decisions.entries()) {
        const level = levels[k];
        if (!level || level.position !== d.position) return rule(b.period, 'out_of_order');
        if (!level.users.includes(d.user_id)) return rule(b.period, 'not_on_level', { level: level.name });
        if (d.user_id === s.submitted_by) return rule(b.period, 'own_batch');
        if (users.has(d.user_id)) return rule(b.period, 'two_levels');
        users.add(d.user_id);
        if (d.content_hash !== s.content_hash) return rule(b.period, 'stale_hash');
        if (d.decision === 'reject' && k !== decisions.length - 1) return rule(b.period, 'after_reject');
      }
      const rejectedBy = decisions.some((d) => d.decision === 'reject');
      if (s.status === 'approved' && (rejectedBy || decisions.length !== levels.length || levels.length === 0)) return rule(b.period, 'approved_without_decisions');
      if (s.status === 'rejected' && !rejectedBy) return rule(b.period, 'rejected_without_decision');
      if (s.status === 'pending' && (rejectedBy || (decisions.length === levels.length && levels.length > 0))) return rule(b.period, 'status');
    }
    if (decisionLog.length !== decisionsTotal) return rule(b.period, 'decisions_unlogged', { logged: decisionLog.length, stored: decisionsTotal });
    const last = subs[subs.length - 1];
    if (b.status === 'approved' && last?.status !== 'approved') return rule(b.period, 'approved_without_decisions');
    if (b.status === 'submitted' && last?.status !== 'pending') return rule(b.period, 'status');
    if (!locked) continue;
    if (last && (last.content_hash !== b.content_hash || last.total_cents !== b.total_cents)) return { reason: 'batch_hash', params: { period: b.period } };

    // the content as stored now, against what was signed
    const totals = batchTotals(db, b.id);
    if (totals.total !== b.total_cents || totals.rebate !== b.rebate_cents || totals.adjustment !== b.adjustment_cents || totals.distributors !== b.distributors) {
      return { reason: 'batch_totals', params: { period: b.period } };
    }
    if (contentHash(db, b, totals) !== b.content_hash) return { reason: 'batch_hash', params: { period: b.period } };

    // the period's source rows, aggregated again, against the inputs the batch stored
    const now = new Map(aggregatePeriod(db, b.period).map((d) => [d.code, d.inputs as Record<string, unknown>]));
    const stored = storedInputs(db, b.id);
    const storedCodes = new Set(stored.map((s) => s.code));
    for (const [code, is] of now) {
      // a distributor added to master data later is fine; one with source rows the batch never saw is not
      if (!storedCodes.has(code) && ['purchase', 'returns', 'promo_target', 'promo_actual'].some((k) => is[k] !== '0')) return { reason: 'source_changed', params: { period: b.period, code } };
    }
    for (const s of stored) {
      const was = JSON.parse(s.inputs_json) as Record<string, unknown>;
      const is = now.get(s.code);
      if (!is || SOURCE_INPUTS.some((k) => canonicalJson(was[k] ?? null) !== canonicalJson(is[k] ?? null))) return { reason: 'source_changed', params: { period: b.period, code: s.code } };
    }
  }
  return null;
}
