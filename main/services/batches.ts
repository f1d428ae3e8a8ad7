import type { BatchResultsView, ResultRowView, TraceViewData } from '../../contract/ops/batches';
import type { Lang } from '../../contract/roles';
import { formatIssue } from '../../formulas';
import { adjustmentsOf, batchLine, batchLines, batchOf, batchTotals, deleteAdjustment, setLineAdjustment, sourceLines, updateBatchTotals, type BatchLine, type BatchRow } from '../db/batches-repo';
import { policyVersion } from '../db/policies-repo';
import { t } from '../i18n/messages';
import { upsertAdjustment } from '../db/batches-repo';
import { appendAudit } from './audit';
import { contentHash } from './batch-hash';
import { type ExceptionDetail } from './calc';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { centsToMoney, requireMoney } from '../../domain';

export type ResultRow = ResultRowView;
export type BatchResults = BatchResultsView;

export function exceptionText(l: Pick<BatchLine, 'exception_detail'>, lang: Lang): string | null {
  if (!l.exception_detail) return null;
  const d = JSON.parse(l.exception_detail) as ExceptionDetail;
  return d.source === 'formulas' ? formatIssue({ key: d.key, params: d.params, ...(d.formula ? { formula: d.formula } : {}) }, lang) : t(d.key, d.params, lang);
}

export function requireBatch(ctx: ServiceContext, period: string): BatchRow {
  const b = batchOf(ctx.store.db, period);
  if (!b) throw rejected('batch.not_found', { period });
  return b;
}

/** The period's batch as the CLI's `results` and the results screen show it. */
export function results(ctx: ServiceContext, period: string): BatchResults {
  const db = ctx.store.db;
  const b = requireBatch(ctx, period);
  const adjustments = new Map(adjustmentsOf(db, period).map((a) => [a.code, a]));
  const lines = batchLines(db, b.id);
  const rows: ResultRow[] = lines.map((l) => ({
    code: l.code,
    name: l.name,
    region: l.region,
    province: l.province,
    grade: l.grade,
    status: l.status,
    policy: l.policy_code,
    policy_version: l.policy_version,
    inputs: JSON.parse(l.inputs_json) as Record<string, string>,
    values: l.values_json ? (JSON.parse(l.values_json) as Record<string, string>) : {},
    rebate: l.rebate_cents === null ? null : centsToMoney(l.rebate_cents),
    adjustment: centsToMoney(l.adjustment_cents),
    adjustment_reason: adjustments.get(l.code)?.reason ?? null,
    adjustment_note: adjustments.get(l.code)?.note ?? null,
    final: l.final_cents === null ? null : centsToMoney(l.final_cents),
    exception: exceptionText(l, ctx.lang),
  }));
  const used = JSON.parse(b.policies_json) as { code: string; version: number }[];
  const policies = used.map((u) => {
    const v = policyVersion(db, u.code, u.version);
    const formulas = v ? (JSON.parse(v.formulas_json) as { name: string; label?: string; expr: string }[]) : [];
    return {
      code: u.code,
      version: u.version,
      labels: Object.fromEntries(formulas.map((f) => [f.name, f.label ?? f.name])),
      formulas: formulas.map((f) => ({ name: f.name, label: f.label ?? f.name, expr: f.expr })),
    };
  });
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
    policies,
    rows,
    exceptions: lines.filter((l) => l.exception).map((l) => ({ code: l.code, kind: l.exception ?? '', reason: exceptionText(l, ctx.lang) ?? '' })),
    last_diff: b.last_diff_json ? (JSON.parse(b.last_diff_json) as BatchResultsView['last_diff']) : null,
  };
}

/** At most the money limit of data.md: 9,999,999,999.99. */
const AMOUNT = /^-?\d{1,10}(\.\d{1,2})?$/;

/**
 * A manual adjustment (amount + mandatory reason) on a draft or rejected batch; a rejected batch
 * returns to draft. Amount 0 removes the adjustment. Audit-logged with before and after.
 */
export function adjust(ctx: ServiceContext, input: { period: string; code: string; amount: string; reason: string; note?: string | undefined }): ResultRow {
  const db = ctx.store.db;
  const reason = input.reason.trim();
  const note = input.note?.trim() || null;
  if (!reason) throw rejected('adjust.reason_required');
  const amount = input.amount.trim().replace(/,/g, '');
  if (!AMOUNT.test(amount)) throw rejected('adjust.bad_amount', { amount: input.amount });
  const b = requireBatch(ctx, input.period);
  if (b.status === 'submitted' || b.status === 'approved') throw rejected('calc.locked', { period: input.period, status: b.status });
  const code = input.code.trim().toUpperCase();
  const line = batchLine(db, b.id, code);
  if (!line) throw rejected('adjust.no_row', { code, period: input.period });
  const amountCents = requireMoney(amount);
  const before = adjustmentsOf(db, input.period).find((a) => a.code === code);
  db.transaction(() => {
    if (amountCents === 0n) deleteAdjustment(db, input.period, code);
    else upsertAdjustment(db, { period: input.period, code, amount_cents: amountCents, reason, note, created_by: actorName(ctx), created_at: ctx.now().toISOString() });
    setLineAdjustment(db, b.id, code, amountCents);
    const totals = batchTotals(db, b.id);
    const hash = contentHash(db, b, totals);
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
  const row = results(ctx, input.period).rows.find((r) => r.code === code);
  if (!row) throw new Error('row vanished');
  return row;
}

export type TraceView = TraceViewData;

/** One distributor's trace: every formula (label, expression, value) and the source rows behind it. */
export function trace(ctx: ServiceContext, period: string, code: string): TraceView {
  const r = results(ctx, period);
  const row = r.rows.find((x) => x.code === code.toUpperCase());
  if (!row) throw rejected('adjust.no_row', { code, period });
  const policy = r.policies.find((p) => p.code === row.policy && p.version === row.policy_version);
  const limit = 200;
  const db = ctx.store.db;
  const sources = (['purchases', 'returns'] as const).flatMap((kind) =>
    sourceLines(db, kind, period, row.code, limit).map((s) => ({ kind, file: s.file_name, sheet: s.sheet, row: s.row_no, doc_no: s.doc_no, date: s.date, amount: centsToMoney(s.amount_cents) })),
  );
  return {
    period,
    row,
    formulas: (policy?.formulas ?? []).map((f) => ({ ...f, value: row.values[f.name] ?? null })),
    sources,
    source_limit: limit,
  };
}
