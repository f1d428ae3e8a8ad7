import { createHash } from 'node:crypto';
import { adjustmentsOf, batchLines, type BatchRow } from '../db/batches-repo';
import type { Db } from '../db/database';
import { canonicalJson } from '../util/canonical-json';

/**
 * The batch's content hash (workflow.md): SHA-256 of a canonical serialisation of everything that
 * determines its outcome — period, policy versions, every distributor's inputs, formula values,
 * rebate, adjustment and final amount, the adjustments with reasons, and the totals. Who calculated
 * it and when are not part of it, so recalculating unchanged data gives the same hash.
 */
export function contentHash(db: Db, batch: Pick<BatchRow, 'id' | 'period' | 'policies_json'>, totals: { rebate: number; adjustment: number; total: number }): string {
  const rows = batchLines(db, batch.id).map((l) => ({
    code: l.code,
    region: l.region,
    province: l.province,
    grade: l.grade,
    policy: l.policy_code,
    version: l.policy_version,
    inputs: JSON.parse(l.inputs_json) as unknown,
    values: l.values_json === null ? null : (JSON.parse(l.values_json) as unknown),
    rebate: l.rebate_cents,
    adjustment: l.adjustment_cents,
    final: l.final_cents,
    exception: l.exception,
  }));
  // the note for the distributor is content too (it is printed); left out when there is none, so a
  // batch without notes keeps the hash it had before notes existed
  const adjustments = adjustmentsOf(db, batch.period).map((a) => ({ code: a.code, amount: a.amount_cents, reason: a.reason, ...(a.note ? { note: a.note } : {}) }));
  const doc = { format: 'rebate-batch/1', period: batch.period, policies: JSON.parse(batch.policies_json) as unknown, rows, adjustments, totals };
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}
