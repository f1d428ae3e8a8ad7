import { createHash } from 'node:crypto';
import { adjustmentsOf, batchLines, lineMoney, type BatchRow } from '../db/batches-repo';
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

/**
 * The canonical text of one row without its adjustment and final amount (which come between):
 * `{"adjustment":A` + mid + F + tail is exactly canonicalJson of the row object above.
 */
interface RowText {
  code: string;
  mid: string;
  tail: string;
}

/** A batch's row texts (per calculation) and its rows' money as of the content hash `hash`. */
interface HashState {
  calc: string;
  hash: string;
  texts: RowText[];
  index: Map<string, number>;
  /** each row's whole canonical text as UTF-8, with the comma before it (all but the first) */
  rows: Buffer[];
}

function rowBuffer(t: RowText, n: number, adjustment: number, final: number | null): Buffer {
  return Buffer.from(`${n > 0 ? ',' : ''}{"adjustment":${canonicalJson(adjustment)}${t.mid}${canonicalJson(final)}${t.tail}`);
}

const hashStates = new WeakMap<Db, Map<number, HashState>>();

function readState(db: Db, batch: BatchRow, calc: string, hash: string): HashState | null {
  const money = lineMoney(db, batch.id);
  const texts = batchLines(db, batch.id).map((l) => ({
    code: l.code,
    mid: `,"code":${canonicalJson(l.code)},"exception":${canonicalJson(l.exception)},"final":`,
    tail:
      `,"grade":${canonicalJson(l.grade)},"inputs":${canonicalJson(JSON.parse(l.inputs_json))},"policy":${canonicalJson(l.policy_code)}` +
      `,"province":${canonicalJson(l.province)},"rebate":${canonicalJson(l.rebate_cents)},"region":${canonicalJson(l.region)}` +
      `,"values":${canonicalJson(l.values_json === null ? null : JSON.parse(l.values_json))},"version":${canonicalJson(l.policy_version)}}`,
  }));
  if (texts.length !== money.length || texts.some((t, i) => t.code !== money[i]?.code)) return null;
  const rows = texts.map((t, n) => rowBuffer(t, n, money[n]?.adjustment_cents ?? 0, money[n]?.final_cents ?? null));
  return { calc, hash, texts, index: new Map(texts.map((t, i) => [t.code, i])), rows };
}

/**
 * `contentHash` after an adjustment of one row (the same bytes hashed, so the same hash): an
 * adjustment changes only that row's adjustment and final amount and the adjustments, so the
 * canonical text of the rest of every row is kept per calculation (calc_count, calculated_at) with the
 * rows' money as of the batch's previous content hash; only the changed row and the adjustments are
 * read again. Anything else (another process changed the batch, a first adjustment) reads the rows.
 * Only for adjustments, inside their transaction: a calculation and the tamper check hash the stored
 * rows in full (`contentHash`).
 */
export function contentHashAfterAdjust(
  db: Db,
  batch: BatchRow,
  hashBefore: string,
  changed: { code: string; adjustment_cents: number; final_cents: number | null },
  totals: { rebate: number; adjustment: number; total: number },
): string {
  let states = hashStates.get(db);
  if (!states) hashStates.set(db, (states = new Map()));
  const calc = `${batch.calc_count}:${batch.calculated_at}`;
  let state = states.get(batch.id);
  const i = state?.index.get(changed.code);
  if (state && state.calc === calc && state.hash === hashBefore && i !== undefined) {
    state.rows[i] = rowBuffer(state.texts[i] as RowText, i, changed.adjustment_cents, changed.final_cents);
  } else {
    states.delete(batch.id);
    // read after the change: the stored rows already carry it
    state = readState(db, batch, calc, '') ?? undefined;
    if (!state) return contentHash(db, batch, totals);
  }
  // until this hash is known to be the batch's, the kept state belongs to no hash (a rolled-back adjustment)
  state.hash = '';
  const adjustments = adjustmentsOf(db, batch.period).map((a) => ({ code: a.code, amount: a.amount_cents, reason: a.reason, ...(a.note ? { note: a.note } : {}) }));
  const head = `{"adjustments":${canonicalJson(adjustments)},"format":"rebate-batch/1","period":${canonicalJson(batch.period)},"policies":${canonicalJson(JSON.parse(batch.policies_json))},"rows":[`;
  // the kept rows as one buffer, one update: thousands of small ones cost more than the hashing
  const hash = createHash('sha256')
    .update(Buffer.concat([Buffer.from(head), ...state.rows, Buffer.from(`],"totals":${canonicalJson(totals)}}`)]))
    .digest('hex');
  states.set(batch.id, state);
  return hash;
}

/** The adjustment's transaction committed with this hash: the kept rows' money is the batch's as of it. */
export function adjustCommitted(db: Db, batchId: number, hash: string): void {
  const state = hashStates.get(db)?.get(batchId);
  if (state && state.hash === '') state.hash = hash;
}
