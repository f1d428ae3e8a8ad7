import Decimal from 'decimal.js';
import type { ReconcileView } from '../../contract/ops/batches';
import { batchLines } from '../db/batches-repo';
import { approvedFinalsOf, claimsByCode, unknownOriginalDocs } from '../db/reconcile-repo';
import { getSetting } from '../db/settings-repo';
import { t } from '../i18n/messages';
import { requireBatch } from './batches';
import type { ServiceContext } from './context';
import { centsToMoney, previousPeriod } from '../../domain';
import { notesOf } from './reconcile-notes';
import { ledgerOf } from './ledger';

export interface ReconcileSettings {
  /** |claimed − final| at most this many cents counts as matched (default ¥0.01) */
  toleranceCents: number;
  /** month over month: flagged when the change exceeds both (defaults 30% and ¥10,000) */
  changePercent: number;
  changeCents: number;
  /** data check: return rate above this (default 5%) */
  returnRate: string;
}

export function reconcileSettings(ctx: ServiceContext): ReconcileSettings {
  const db = ctx.store.db;
  const num = (key: string, fallback: number): number => {
    const v = Number(getSetting(db, key));
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return {
    toleranceCents: num('reconcile_tolerance_cents', 1),
    changePercent: num('reconcile_change_percent', 30),
    changeCents: num('reconcile_change_cents', 1_000_000),
    returnRate: getSetting(db, 'reconcile_return_rate') ?? '0.05',
  };
}

export type ReconcileReport = ReconcileView;
export type ClaimLine = ReconcileView['claims'][number];
export type ChangeLine = ReconcileView['changes'][number];
export type CheckLine = ReconcileView['checks'][number];

/**
 * The reconciliation of workflow.md: distributor claims against the batch's final amounts, month
 * over month against the previous approved batch, and data checks. Exact: integer cents throughout.
 */
export function reconcile(ctx: ServiceContext, period: string): ReconcileReport {
  const db = ctx.store.db;
  const b = requireBatch(ctx, period);
  const s = reconcileSettings(ctx);
  const lines = batchLines(db, b.id);
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const lang = ctx.lang;

  const claimRows = claimsByCode(db, period);
  const claimed = new Map(claimRows.map((c) => [c.code, c.cents]));
  const claims: ClaimLine[] = [];
  for (const c of claimRows) {
    const l = byCode.get(c.code);
    if (!l) {
      claims.push({ code: c.code, name: null, claimed: centsToMoney(c.cents), computed: null, difference: null, status: 'only_claims' });
      continue;
    }
    const final = l.final_cents ?? 0;
    const diff = c.cents - final;
    claims.push({ code: c.code, name: l.name, claimed: centsToMoney(c.cents), computed: centsToMoney(final), difference: centsToMoney(diff), status: Math.abs(diff) <= s.toleranceCents ? 'matched' : 'differs' });
  }
  if (claimRows.length > 0) {
    for (const l of lines) if (!claimed.has(l.code)) claims.push({ code: l.code, name: l.name, claimed: null, computed: centsToMoney(l.final_cents ?? 0), difference: null, status: 'only_batch' });
  }
  claims.sort((a, b2) => (a.code < b2.code ? -1 : a.code > b2.code ? 1 : 0));

  const prev = previousPeriod(period);
  const previous = approvedFinalsOf(db, prev);
  const changes: ChangeLine[] = [];
  for (const l of lines) {
    const cur = l.final_cents ?? 0;
    const old = previous.get(l.code) ?? 0;
    const diff = cur - old;
    const pct = old === 0 ? null : new Decimal(diff).div(Math.abs(old)).times(100);
    const overPct = pct === null ? diff !== 0 : pct.abs().greaterThan(s.changePercent);
    if (previous.size > 0 && overPct && Math.abs(diff) > s.changeCents) {
      changes.push({ code: l.code, name: l.name, previous: centsToMoney(old), current: centsToMoney(cur), difference: centsToMoney(diff), percent: pct === null ? null : pct.toFixed(1) });
    }
  }
  changes.sort((a, b2) => new Decimal(b2.difference).abs().comparedTo(new Decimal(a.difference).abs()));

  const checks: CheckLine[] = [];
  const rate = new Decimal(s.returnRate);
  for (const l of lines) {
    const inputs = JSON.parse(l.inputs_json) as Record<string, string>;
    const purchase = new Decimal(inputs['purchase'] ?? 0);
    const returns = new Decimal(inputs['returns'] ?? 0);
    if (returns.greaterThan(purchase)) {
      checks.push({ code: l.code, name: l.name, check: 'returns_above_purchases', detail: t('reconcile.returns_above_purchases', { returns: returns.toFixed(2), purchase: purchase.toFixed(2) }, lang) });
    } else if (new Decimal(inputs['return_rate'] ?? 0).greaterThan(rate)) {
      checks.push({ code: l.code, name: l.name, check: 'high_return_rate', detail: t('reconcile.high_return_rate', { rate: new Decimal(inputs['return_rate'] ?? 0).times(100).toFixed(2), limit: rate.times(100).toFixed(2) }, lang) });
    }
    if (l.status === 'inactive') checks.push({ code: l.code, name: l.name, check: 'inactive_with_activity', detail: t('reconcile.inactive_with_activity', {}, lang) });
  }
  for (const u of unknownOriginalDocs(db, period)) {
    checks.push({ code: u.code, name: byCode.get(u.code)?.name ?? null, check: 'unknown_original_doc', detail: t('reconcile.unknown_original_doc', { doc: u.doc_no, original: u.original_doc_no, file: u.file_name, sheet: u.sheet, row: u.row_no }, lang) });
  }

  // ledger.md: the ledger's findings go with the reconciliation (provisional while the period is open).
  for (const f of ledgerOf(ctx, period).findings) checks.push({ code: f.code, name: f.name, check: f.check, detail: f.detail });

  const count = (st: ClaimLine['status']): number => claims.filter((c) => c.status === st).length;
  // what still needs the preparer: differences, claims without a batch row and data checks whose
  // distributor is not marked 已确认
  const notes = notesOf(db, period);
  const confirmed = new Set(notes.filter((n) => n.confirmed_by).map((n) => n.code));
  const open = claims.filter((c) => (c.status === 'differs' || c.status === 'only_claims') && !confirmed.has(c.code)).length + checks.filter((c) => !confirmed.has(c.code)).length;
  return {
    period,
    previous_period: prev,
    previous_approved: previous.size > 0,
    settings: { tolerance: centsToMoney(s.toleranceCents), change_percent: s.changePercent, change_amount: centsToMoney(s.changeCents), return_rate: s.returnRate },
    claims,
    changes,
    checks,
    summary: { matched: count('matched'), differs: count('differs'), only_claims: count('only_claims'), only_batch: count('only_batch'), changes: changes.length, checks: checks.length, claims_imported: claimRows.length > 0, open },
    notes,
  };
}
