import type { CalcDiffView, CalcResultView } from '../../contract/ops/batches';
import { compilePolicy, type CompiledPolicy } from '../../formulas';
import {
  adjustmentsOf,
  batchOf,
  batchTotals,
  createBatch,
  deleteAdjustment,
  deleteBatchLines,
  lineMoney,
  lineWriter,
  updateBatchAfterCalc,
} from '../db/batches-repo';
import { MAX_MONEY_CENTS, MAX_MONEY_TEXT, quote } from '../import/limits';
import { aggregatePeriod } from './aggregate';
import { appendAudit } from './audit';
import { createIfChanged as backup } from './backups';
import { contentHash } from './batch-hash';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { withHold } from './holds';
import { storedPolicies, type StoredPolicy } from './policies';
import { selectPolicy } from './policy-selection';
import { centsToMoney, isPeriod, moneyToCents } from '../../domain';

export type CalcDiff = CalcDiffView;
export type CalcResult = CalcResultView;

/** The detail of an exception, translated when shown (workflow.md: listed, never a silent 0). */
export interface ExceptionDetail {
  source: 'app' | 'formulas';
  key: string;
  params: Record<string, string | number>;
  formula?: string;
}

/**
 * Calculates (or recalculates) the period's batch: aggregates the built-in variables, selects each
 * distributor's policy, evaluates it, and stores every formula value, the rebate and exceptions,
 * keeping adjustments. Refused for a submitted or approved batch. One transaction, a backup first.
 */
export interface CalcProgress {
  /** distributors evaluated so far, of `total` */
  done: number;
  total: number;
}

/** Distributors evaluated between two looks at progress and cancel (about 10 ms of work). */
const CALC_STEP = 250;

export async function calculate(ctx: ServiceContext, period: string, onProgress: (p: CalcProgress) => void = () => undefined, signal?: AbortSignal): Promise<CalcResult> {
  if (!isPeriod(period)) throw rejected('import.period_invalid', { period });
  // A calculation is a long write job: it holds its period (team.md), a second job there is refused.
  return withHold(ctx, 'calc', [period], () => calculateHeld(ctx, period, onProgress, signal));
}

async function calculateHeld(ctx: ServiceContext, period: string, onProgress: (p: CalcProgress) => void, signal: AbortSignal | undefined): Promise<CalcResult> {
  const db = ctx.store.db;
  const existing = batchOf(db, period);
  if (existing && (existing.status === 'submitted' || existing.status === 'approved')) {
    throw rejected('calc.locked', { period, status: existing.status });
  }
  // The backup of the state before this calculation is written while it aggregates and evaluates
  // (the file is copied on a background thread, services/backups.ts); its writes wait for it.
  const saved = backup(ctx, `pre-calc-${period}`);
  try {
    return await evaluateAndStore(ctx, period, existing, saved, onProgress, signal);
  } finally {
    // never left running behind a refused or cancelled calculation
    await saved.catch(() => undefined);
  }
}

async function evaluateAndStore(
  ctx: ServiceContext,
  period: string,
  existing: ReturnType<typeof batchOf>,
  saved: Promise<unknown>,
  onProgress: (p: CalcProgress) => void,
  signal: AbortSignal | undefined,
): Promise<CalcResult> {
  const db = ctx.store.db;
  const distributors = aggregatePeriod(db, period);
  if (distributors.length === 0) throw rejected('calc.no_data', { period });

  const policies = storedPolicies(db);
  const compiled = new Map<number, CompiledPolicy | ExceptionDetail>();
  const compile = (p: StoredPolicy): CompiledPolicy | ExceptionDetail => {
    let c = compiled.get(p.id);
    if (!c) {
      const r = compilePolicy(p.file);
      c = r.ok ? r : { source: 'formulas', key: r.issues[0]?.key ?? 'eval.internal', params: { ...(r.issues[0]?.params ?? {}) }, ...(r.issues[0]?.formula ? { formula: r.issues[0].formula } : {}) };
      compiled.set(p.id, c);
    }
    return c;
  };

  type NewLine = Parameters<ReturnType<typeof lineWriter>>[0];
  const lines: NewLine[] = [];
  const used = new Map<string, number>();
  const total = distributors.length;
  // Cancel is possible until the one transaction that stores the batch: nothing is stored before it.
  const step = async (done: number): Promise<void> => {
    onProgress({ done, total });
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw rejected('calc.cancelled', { period });
  };
  await step(0);
  for (const d of distributors) {
    if (lines.length > 0 && lines.length % CALC_STEP === 0) await step(lines.length);
    const base = {
      batch_id: 0,
      code: d.code,
      name: d.name,
      region: d.region,
      province: d.province,
      grade: d.grade,
      status: d.status,
      inputs_json: JSON.stringify(d.inputs),
      adjustment_cents: 0n,
    };
    const s = selectPolicy(policies, d, period);
    if (!s.ok) {
      const detail: ExceptionDetail =
        s.reason === 'none'
          ? { source: 'app', key: 'calc.exception.no_policy', params: { region: d.region, grade: d.grade, period } }
          : { source: 'app', key: 'calc.exception.ambiguous', params: { codes: s.codes.join(', ') } };
      lines.push({ ...base, policy_code: null, policy_version: null, values_json: null, rebate_cents: null, final_cents: null, exception: s.reason === 'none' ? 'no_policy' : 'ambiguous', exception_detail: JSON.stringify(detail) });
      continue;
    }
    const p = s.policy;
    used.set(p.code, p.version);
    const c = compile(p);
    if (!('evaluate' in c)) {
      lines.push({ ...base, policy_code: p.code, policy_version: p.version, values_json: null, rebate_cents: null, final_cents: null, exception: 'evaluation', exception_detail: JSON.stringify(c) });
      continue;
    }
    const r = c.evaluate(d.inputs);
    if (!r.ok) {
      const detail: ExceptionDetail = { source: 'formulas', key: r.key, params: { ...r.params }, formula: r.formula };
      lines.push({ ...base, policy_code: p.code, policy_version: p.version, values_json: JSON.stringify(r.values), rebate_cents: null, final_cents: null, exception: 'evaluation', exception_detail: JSON.stringify(detail) });
      continue;
    }
    const rebate = moneyToCents(r.rebate);
    if (rebate > MAX_MONEY_CENTS || rebate < -MAX_MONEY_CENTS) {
      // Beyond the money limit (data.md): listed as an exception, never an overflow of the sums.
      const detail: ExceptionDetail = { source: 'app', key: 'calc.exception.too_large', params: { value: quote(r.rebate), limit: MAX_MONEY_TEXT } };
      lines.push({ ...base, policy_code: p.code, policy_version: p.version, values_json: JSON.stringify(r.values), rebate_cents: null, final_cents: null, exception: 'evaluation', exception_detail: JSON.stringify(detail) });
      continue;
    }
    lines.push({ ...base, policy_code: p.code, policy_version: p.version, values_json: JSON.stringify(r.values), rebate_cents: rebate, final_cents: rebate, exception: null, exception_detail: null });
  }

  await step(total);
  await saved;
  if (signal?.aborted) throw rejected('calc.cancelled', { period });
  const now = ctx.now().toISOString();
  const by = actorName(ctx);
  // an import's store on a connection of its own holds the write lock: wait here, not in SQLite's busy handler
  await ctx.store.writable();
  if (signal?.aborted) throw rejected('calc.cancelled', { period });
  const policiesJson = JSON.stringify([...used.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, version]) => ({ code, version })));

  return db.transaction((): CalcResult => {
    const batchId = existing?.id ?? createBatch(db, { period, by, at: now });
    // only the codes and final amounts are compared: not every column of every row
    const before = new Map(lineMoney(db, batchId).map((l) => [l.code, l]));
    const previousTotal = existing?.total_cents ?? 0;
    deleteBatchLines(db, batchId);
    const adjustments = new Map(adjustmentsOf(db, period).map((a) => [a.code, a]));
    const write = lineWriter(db);
    for (const l of lines) {
      const adj = adjustments.get(l.code);
      const adjCents = adj ? BigInt(adj.amount_cents) : 0n;
      write({ ...l, batch_id: batchId, adjustment_cents: adjCents, final_cents: l.rebate_cents === null ? null : l.rebate_cents + adjCents });
    }
    const codes = new Set(lines.map((l) => l.code));
    const dropped: CalcResult['dropped_adjustments'] = [];
    for (const a of adjustments.values()) {
      if (codes.has(a.code)) continue;
      deleteAdjustment(db, period, a.code);
      dropped.push({ code: a.code, amount: centsToMoney(a.amount_cents), reason: a.reason });
      appendAudit(db, { actor: by, action: 'adjustment.drop', entity: 'adjustment', entityId: `${period}/${a.code}`, before: { amount: centsToMoney(a.amount_cents), reason: a.reason } }, ctx.now());
    }
    const totals = batchTotals(db, batchId);
    const after = new Map(lineMoney(db, batchId).map((l) => [l.code, l]));
    const diff: CalcDiff = { first: !existing || existing.calc_count === 0, added: [], removed: [], up: 0, down: 0, unchanged: 0, previous_total: centsToMoney(previousTotal), total_delta: centsToMoney(BigInt(totals.total) - BigInt(previousTotal)) };
    for (const [code, l] of after) {
      const old = before.get(code);
      if (!old) diff.added.push(code);
      else if ((l.final_cents ?? 0) > (old.final_cents ?? 0)) diff.up++;
      else if ((l.final_cents ?? 0) < (old.final_cents ?? 0)) diff.down++;
      else diff.unchanged++;
    }
    for (const code of before.keys()) if (!after.has(code)) diff.removed.push(code);
    const hash = contentHash(db, { id: batchId, period, policies_json: policiesJson }, totals);
    updateBatchAfterCalc(db, { id: batchId, by, at: now, policiesJson, diffJson: JSON.stringify(diff), hash, totals });
    appendAudit(
      db,
      {
        actor: by,
        action: 'batch.calculate',
        entity: 'batch',
        entityId: period,
        ...(existing ? { before: { total: centsToMoney(existing.total_cents), hash: existing.content_hash, status: existing.status } } : {}),
        after: { total: centsToMoney(totals.total), distributors: totals.distributors, exceptions: totals.exceptions, hash, policies: JSON.parse(policiesJson) as unknown },
      },
      ctx.now(),
    );
    return {
      batch: batchId,
      period,
      status: 'draft',
      distributors: totals.distributors,
      exceptions: totals.exceptions ?? 0,
      rebate_total: centsToMoney(totals.rebate),
      adjustment_total: centsToMoney(totals.adjustment),
      total: centsToMoney(totals.total),
      content_hash: hash,
      diff,
      dropped_adjustments: dropped,
    };
  }).immediate();
}
