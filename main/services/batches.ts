import type { BatchHeadView, BatchResultsView, ResultRowView, TraceViewData } from '../../contract/ops/batches';
import type { Lang } from '../../contract/roles';
import { formatIssue, labelledParameters } from '../../formulas';
import { adjustmentOf, adjustmentsOf, batchLine, batchLines, batchOf, batchTotals, deleteAdjustment, lineMoney, setLineAdjustment, sourceLines, updateBatchTotals, type AdjustmentRow, type BatchLine, type BatchRow } from '../db/batches-repo';
import type { Db } from '../db/database';
import { policyVersion } from '../db/policies-repo';
import { messageText } from '../i18n/messages';
import { upsertAdjustment } from '../db/batches-repo';
import { appendAudit } from './audit';
import { adjustCommitted, contentHashAfterAdjust } from './batch-hash';
import { fileOfRow } from './policy-file';
import { type ExceptionDetail } from './calc';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { centsToMoney, formatDateTime, requireMoney } from '../../domain';

export type ResultRow = ResultRowView;
export type BatchResults = BatchResultsView;

export function exceptionText(l: Pick<BatchLine, 'exception_detail'>, lang: Lang): string | null {
  if (!l.exception_detail) return null;
  const d = JSON.parse(l.exception_detail) as ExceptionDetail;
  return d.source === 'formulas' ? formatIssue({ key: d.key, params: d.params, ...(d.formula ? { formula: d.formula } : {}) }, lang) : messageText(d.key, d.params, lang);
}

export function requireBatch(ctx: ServiceContext, period: string): BatchRow {
  const b = batchOf(ctx.store.db, period);
  if (!b) throw rejected('batch.not_found', { period });
  return b;
}

type AdjustmentText = Pick<AdjustmentRow, 'reason' | 'note'>;

/** What the calculation fixed of a row (an adjustment changes only the money and its reason). */
type BaseRow = Omit<ResultRow, 'adjustment' | 'final' | 'adjustment_reason' | 'adjustment_note'>;

function baseRow(l: BatchLine, lang: Lang): BaseRow {
  return {
    code: l.code,
    name: l.name,
    region: l.region,
    province: l.province,
    grade: l.grade,
    status: l.status,
    policy: l.policy_code,
    policy_version: l.policy_version,
    inputs: Object.freeze(JSON.parse(l.inputs_json) as Record<string, string>),
    values: Object.freeze(l.values_json ? (JSON.parse(l.values_json) as Record<string, string>) : {}),
    rebate: l.rebate_cents === null ? null : centsToMoney(l.rebate_cents),
    exception: exceptionText(l, lang),
  };
}

/** A result row: what the calculation fixed, the adjustment's money and text (keys in the contract's order). */
function withMoney(b: BaseRow, adjustmentCents: number, finalCents: number | null, a: AdjustmentText | undefined): ResultRow {
  // frozen: kept views share their rows with every answer
  return Object.freeze({
    code: b.code,
    name: b.name,
    region: b.region,
    province: b.province,
    grade: b.grade,
    status: b.status,
    policy: b.policy,
    policy_version: b.policy_version,
    inputs: b.inputs,
    values: b.values,
    rebate: b.rebate,
    adjustment: centsToMoney(adjustmentCents),
    adjustment_reason: a?.reason ?? null,
    adjustment_note: a?.note ?? null,
    final: finalCents === null ? null : centsToMoney(finalCents),
    exception: b.exception,
  });
}

/** One stored row as the results show it. */
export function resultRow(l: BatchLine, a: AdjustmentText | undefined, lang: Lang): ResultRow {
  return withMoney(baseRow(l, lang), l.adjustment_cents, l.final_cents, a);
}

/** The policies a batch used, with their formulas' labels. */
export function batchPolicies(db: Db, b: Pick<BatchRow, 'policies_json'>): BatchResults['policies'] {
  const used = JSON.parse(b.policies_json) as { code: string; version: number }[];
  return used.map((u) => {
    const v = policyVersion(db, u.code, u.version);
    const file = v ? fileOfRow(v) : null;
    const formulas = file?.formulas ?? [];
    return {
      code: u.code,
      version: u.version,
      labels: Object.fromEntries(formulas.map((f) => [f.name, f.label ?? f.name])),
      formulas: formulas.map((f) => ({ name: f.name, label: f.label ?? f.name, expr: f.expr })),
      parameters: file ? labelledParameters(file) : [],
    };
  });
}

/**
 * What every reader of a batch asks again, kept per batch and language: every row as the results
 * show it, with its cents for sums. The calculation fixes most of a row (parsed inputs and formula
 * values, the exception's text), kept while the batch's calculation (calc_count, calculated_at)
 * stays; the money and the adjustments' texts are part of the batch's content hash, so a view is
 * used only while the batch still has the hash it was built for (an adjustment elsewhere — another
 * process too — changes it). An adjustment made here moves the view forward by its one row instead
 * of rebuilding it. Per connection: a restore opens a new one.
 */
export interface BatchView {
  calc: string;
  hash: string;
  rows: readonly ResultRow[];
  /** by row: rebate, adjustment and final cents (null: an exception row) */
  cents: readonly { rebate: number | null; adjustment: number; final: number | null; exception: boolean }[];
  index: ReadonlyMap<string, number>;
  policies: BatchResults['policies'];
  exceptions: BatchResults['exceptions'];
  /** row order per sort key (results-page), made when first asked */
  orders: Map<string, readonly number[]>;
  /** regions and grades with their row counts (results-page), made when first asked */
  facets?: { regions: { value: string; rows: number }[]; grades: { value: string; rows: number }[] };
  /** by row: the shown values, lower case, for the search box (results-page), made when first asked */
  searchText?: readonly string[] | undefined;
  /** by row: the inputs purchase, returns and net rounded to cents (results-page's totals), made when first asked */
  inputCents?: readonly { purchase: bigint; returns: bigint; net: bigint }[];
  /** the inputs' totals of every row (results-page), made when first asked */
  inputsTotal?: { purchase: string; returns: string; net: string };
}

interface CalcView {
  rows: Map<string, BaseRow>;
  policies: BatchResults['policies'];
  exceptions: BatchResults['exceptions'];
}

interface ViewCache {
  calc: Map<string, CalcView>;
  batch: Map<string, BatchView>;
}
const viewCaches = new WeakMap<Db, ViewCache>();
const VIEWS_KEPT = 4;

function cacheOf(db: Db): ViewCache {
  let c = viewCaches.get(db);
  if (!c) viewCaches.set(db, (c = { calc: new Map(), batch: new Map() }));
  return c;
}

function keep<V>(m: Map<string, V>, key: string, value: V): V {
  m.delete(key);
  m.set(key, value);
  for (const k of m.keys()) if (m.size > VIEWS_KEPT) m.delete(k);
  return value;
}

const calcKey = (b: BatchRow): string => `${b.id}:${b.calc_count}:${b.calculated_at}`;

function calcView(db: Db, b: BatchRow, lang: Lang): CalcView {
  const cache = cacheOf(db).calc;
  const key = `${calcKey(b)}:${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lines = batchLines(db, b.id);
  return keep(cache, key, {
    rows: new Map(lines.map((l) => [l.code, baseRow(l, lang)])),
    policies: batchPolicies(db, b),
    exceptions: lines.filter((l) => l.exception).map((l) => ({ code: l.code, kind: l.exception ?? '', reason: exceptionText(l, lang) ?? '' })),
  });
}

function buildView(db: Db, b: BatchRow, lang: Lang, fresh = false): BatchView {
  if (fresh) cacheOf(db).calc.delete(`${calcKey(b)}:${lang}`);
  const calc = calcView(db, b, lang);
  const adjustments = new Map(adjustmentsOf(db, b.period).map((a) => [a.code, a]));
  const money = lineMoney(db, b.id);
  if (money.length !== calc.rows.size || money.some((m) => !calc.rows.has(m.code))) {
    // rows replaced without a recalculation's mark: never show a kept view of other rows
    if (!fresh) return buildView(db, b, lang, true);
    throw new Error(`batch ${b.id}: rows changed while being read`);
  }
  const rows = money.map((m) => withMoney(calc.rows.get(m.code) as BaseRow, m.adjustment_cents, m.final_cents, adjustments.get(m.code)));
  return {
    calc: calcKey(b),
    hash: b.content_hash,
    rows,
    cents: money.map((m) => ({ rebate: m.rebate_cents, adjustment: m.adjustment_cents, final: m.final_cents, exception: m.exception !== null })),
    index: new Map(money.map((m, i) => [m.code, i])),
    policies: calc.policies,
    exceptions: calc.exceptions,
    orders: new Map(),
  };
}

/** The batch's rows as the results show them (kept while the batch's content is unchanged). */
export function batchView(db: Db, b: BatchRow, lang: Lang): BatchView {
  const cache = cacheOf(db).batch;
  const key = `${b.id}:${lang}`;
  const hit = cache.get(key);
  if (hit && hit.calc === calcKey(b) && hit.hash === b.content_hash) return hit;
  return keep(cache, key, buildView(db, b, lang));
}

/** After an adjustment here: the views of the batch as it was become views of the batch as it is, by one row. */
function moveViews(db: Db, b: BatchRow, hashBefore: string, hashAfter: string, line: BatchLine, a: AdjustmentText | undefined): void {
  const cache = cacheOf(db);
  for (const [key, v] of cache.batch) {
    if (!key.startsWith(`${b.id}:`)) continue;
    const i = v.index.get(line.code);
    const base = cache.calc.get(`${calcKey(b)}:${key.slice(key.indexOf(':') + 1)}`)?.rows.get(line.code);
    if (v.calc !== calcKey(b) || v.hash !== hashBefore || i === undefined || !base) {
      cache.batch.delete(key);
      continue;
    }
    const rows = [...v.rows];
    rows[i] = withMoney(base, line.adjustment_cents, line.final_cents, a);
    const cents = [...v.cents];
    cents[i] = { rebate: line.rebate_cents, adjustment: line.adjustment_cents, final: line.final_cents, exception: line.exception !== null };
    // orders by anything but money and the facets stay: an adjustment changes only a row's money
    const orders = new Map([...v.orders].filter(([k]) => !/^(adjustment|final):/.test(k)));
    // the search text holds the adjustment's reason: made again when next asked
    cache.batch.set(key, { ...v, hash: hashAfter, rows, cents, orders, searchText: undefined });
  }
}

/** What every whole-batch view starts with (`results`, `batch.summary`): which batch, its state, its totals. */
export function batchHead(period: string, b: BatchRow): BatchHeadView {
  return {
    period,
    batch: b.id,
    status: b.status,
    content_hash: b.content_hash,
    total: centsToMoney(b.total_cents),
    rebate_total: centsToMoney(b.rebate_cents),
    adjustment_total: centsToMoney(b.adjustment_cents),
    distributors: b.distributors,
    calculated_by: b.calculated_by,
    calculated_at: b.calculated_at,
  };
}

/** The period's batch as the CLI's `results` and the results screen show it. */
export function results(ctx: ServiceContext, period: string): BatchResults {
  const b = requireBatch(ctx, period);
  const view = batchView(ctx.store.db, b, ctx.lang);
  return {
    ...batchHead(period, b),
    policies: view.policies,
    rows: [...view.rows],
    exceptions: view.exceptions,
    last_diff: b.last_diff_json ? (JSON.parse(b.last_diff_json) as BatchResultsView['last_diff']) : null,
  };
}

/** At most the money limit of data.md: 9,999,999,999.99. */
const AMOUNT = /^-?\d{1,10}(\.\d{1,2})?$/;

/**
 * A manual adjustment (amount + mandatory reason) on a draft or rejected batch; a rejected batch
 * returns to draft. Amount 0 removes the adjustment. Audit-logged with before and after.
 */
export function adjust(ctx: ServiceContext, input: { period: string; code: string; amount: string; reason: string; note?: string | undefined; calculatedAt?: string | undefined }): ResultRow {
  const db = ctx.store.db;
  const reason = input.reason.trim();
  const note = input.note?.trim() || null;
  if (!reason) throw rejected('adjust.reason_required');
  const amount = input.amount.trim().replace(/,/g, '');
  if (!AMOUNT.test(amount)) throw rejected('adjust.bad_amount', { amount: input.amount });
  const b = requireBatch(ctx, input.period);
  if (b.status === 'submitted' || b.status === 'approved') throw rejected('calc.locked', { period: input.period, status: b.status });
  // someone recalculated after the screen loaded: the rows the user looked at are gone
  if (input.calculatedAt !== undefined && input.calculatedAt !== b.calculated_at) throw rejected('adjust.stale', { period: input.period, who: b.calculated_by, at: formatDateTime(b.calculated_at) });
  const code = input.code.trim().toUpperCase();
  if (!batchLine(db, b.id, code)) throw rejected('adjust.no_row', { code, period: input.period });
  const amountCents = requireMoney(amount);
  const before = adjustmentOf(db, input.period, code);
  let current: BatchRow = b;
  let hashAfter = '';
  db.transaction(() => {
    // the batch as this transaction sees it (another process may have changed it since it was read)
    current = batchOf(db, input.period) ?? b;
    if (amountCents === 0n) deleteAdjustment(db, input.period, code);
    else upsertAdjustment(db, { period: input.period, code, amount_cents: amountCents, reason, note, created_by: actorName(ctx), created_at: ctx.now().toISOString() });
    setLineAdjustment(db, b.id, code, amountCents);
    const totals = batchTotals(db, b.id);
    const changed = batchLine(db, b.id, code);
    if (!changed) throw new Error('row vanished');
    const hash = contentHashAfterAdjust(db, current, current.content_hash, changed, totals);
    hashAfter = hash;
    updateBatchTotals(db, b.id, hash, totals, 'draft');
    appendAudit(
      db,
      {
        actor: actorName(ctx),
        action: 'adjustment.set',
        entity: 'adjustment',
        entityId: `${input.period}/${code}`,
        before: before ? { amount: centsToMoney(before.amount_cents), reason: before.reason, ...(before.note ? { note: before.note } : {}) } : null,
        after: { amount: centsToMoney(amountCents), reason, ...(note ? { note } : {}), batch_total: centsToMoney(totals.total), hash, ...(b.status === 'rejected' ? { status: 'draft' } : {}) },
      },
      ctx.now(),
    );
  })();
  const line = batchLine(db, b.id, code);
  if (!line) throw new Error('row vanished');
  const a = adjustmentOf(db, input.period, code);
  adjustCommitted(db, b.id, hashAfter);
  moveViews(db, current, current.content_hash, hashAfter, line, a);
  return resultRow(line, a, ctx.lang);
}

export type TraceView = TraceViewData;

/** One distributor's trace: every formula (label, expression, value) and the source rows behind it. */
export function trace(ctx: ServiceContext, period: string, code: string): TraceView {
  const db = ctx.store.db;
  const b = requireBatch(ctx, period);
  const line = batchLine(db, b.id, code.toUpperCase());
  if (!line) throw rejected('adjust.no_row', { code, period });
  const row = resultRow(line, adjustmentOf(db, period, line.code), ctx.lang);
  const policy = batchPolicies(db, b).find((p) => p.code === row.policy && p.version === row.policy_version);
  const limit = 200;
  const sources = (['purchases', 'returns'] as const).flatMap((kind) =>
    sourceLines(db, kind, period, row.code, limit).map((s) => ({ kind, file: s.file_name, sheet: s.sheet, row: s.row_no, doc_no: s.doc_no, date: s.date, amount: centsToMoney(s.amount_cents) })),
  );
  return {
    period,
    row,
    formulas: (policy?.formulas ?? []).map((f) => ({ ...f, value: row.values[f.name] ?? null })),
    parameters: policy?.parameters ?? [],
    sources,
    source_limit: limit,
  };
}
