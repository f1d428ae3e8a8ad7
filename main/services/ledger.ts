/**
 * The rebate ledger (ledger.md): per distributor and period, opening + accrued − used + adjusted =
 * closing, in integer cents. Accrued is the final amount of the period's *approved* batch only;
 * used the period's settlement rows; adjusted its ledger adjustments. The chain runs from the first
 * period with data; in the opening balances' period the imported balance is the opening.
 */
import type { LedgerDetailView, LedgerFinding, LedgerHistoryView, LedgerRowView, LedgerView, MethodAmounts } from '../../contract/ops/ledger';
import { batchOf } from '../db/batches-repo';
import {
  adjustmentSums,
  approvedAccruals,
  batchRowOf,
  distributorExists,
  distributorNames,
  firstDataPeriod,
  insertLedgerAdjustment,
  ledgerAdjustments,
  openingBalances,
  settlementLines,
  settlementSums,
} from '../db/ledger-repo';
import type { Db } from '../db/database';
import { getSetting } from '../db/settings-repo';
import { SETTLEMENT_METHODS, type SettlementMethod } from '../import/kinds';
import { t } from '../i18n/messages';
import { centsToMoney, formatMoney, moneyToCents, nextPeriod, previousPeriod } from '../../domain';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { requireRole } from './users';

export const DEFAULT_DORMANT_PERIODS = 6;

type Methods = Record<SettlementMethod, bigint>;

/** One distributor in one period, in cents. */
export interface LedgerCell {
  opening: bigint;
  accrued: bigint;
  used: bigint;
  byMethod: Methods;
  adjusted: bigint;
  closing: bigint;
  /** settlement rows in the period (a dormant balance has none) */
  settlementRows: number;
}

export interface LedgerBook {
  /** the first period of the chain, null when there is no data at all */
  start: string | null;
  /** the opening balances' period */
  balancesPeriod: string | null;
  /** period → code → cell, for every period from start to the one asked */
  periods: Map<string, Map<string, LedgerCell>>;
}

const zeroMethods = (): Methods => ({ invoice: 0n, goods: 0n, offset: 0n, cash: 0n });

function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length < 1200; p = nextPeriod(p)) out.push(p);
  return out;
}

function bucket<T extends { period: string; code: string }>(rows: T[]): Map<string, Map<string, T[]>> {
  const out = new Map<string, Map<string, T[]>>();
  for (const r of rows) {
    let byCode = out.get(r.period);
    if (!byCode) out.set(r.period, (byCode = new Map()));
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  return out;
}

/** The whole book up to `to`: every period of the chain, every distributor with a figure. */
export function ledgerBook(db: Db, to: string): LedgerBook {
  const balances = openingBalances(db);
  const balancesPeriod = balances[0]?.period ?? null;
  const first = firstDataPeriod(db);
  const start = [first, balancesPeriod].filter((p): p is string => p !== null).sort()[0] ?? null;
  const periods = new Map<string, Map<string, LedgerCell>>();
  if (start === null || start > to) return { start, balancesPeriod, periods };
  const accrued = bucket(approvedAccruals(db, to));
  const used = bucket(settlementSums(db, to));
  const adjusted = bucket(adjustmentSums(db, to));
  const opening = new Map(balances.map((b) => [b.code, BigInt(b.cents)]));
  let previous = new Map<string, LedgerCell>();
  for (const period of periodsBetween(start, to)) {
    const codes = new Set<string>([...previous.keys(), ...(accrued.get(period)?.keys() ?? []), ...(used.get(period)?.keys() ?? []), ...(adjusted.get(period)?.keys() ?? [])]);
    if (period === balancesPeriod) for (const c of opening.keys()) codes.add(c);
    const cells = new Map<string, LedgerCell>();
    for (const code of codes) {
      const open = period === balancesPeriod ? (opening.get(code) ?? 0n) : (previous.get(code)?.closing ?? 0n);
      const acc = (accrued.get(period)?.get(code) ?? []).reduce((s, r) => s + BigInt(r.cents), 0n);
      const byMethod = zeroMethods();
      let rows = 0;
      for (const r of used.get(period)?.get(code) ?? []) {
        byMethod[r.method] += BigInt(r.cents);
        rows += r.rows;
      }
      const use = SETTLEMENT_METHODS.reduce((s, m) => s + byMethod[m], 0n);
      const adj = (adjusted.get(period)?.get(code) ?? []).reduce((s, r) => s + BigInt(r.cents), 0n);
      const closing = open + acc - use + adj;
      cells.set(code, { opening: open, accrued: acc, used: use, byMethod, adjusted: adj, closing, settlementRows: rows });
    }
    periods.set(period, cells);
    previous = cells;
  }
  return { start, balancesPeriod, periods };
}

export function dormantPeriods(ctx: ServiceContext): number {
  const v = Number(getSetting(ctx.store.db, 'ledger_dormant_periods'));
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_DORMANT_PERIODS;
}

const isVisible = (c: LedgerCell): boolean => c.opening !== 0n || c.accrued !== 0n || c.used !== 0n || c.adjusted !== 0n || c.closing !== 0n;

/**
 * `overdrawn`: a negative closing. `dormant_balance`: a positive closing at the end of each of the
 * last N periods (this one included, all within the ledger) without a single settlement row in them.
 */
export function findingsOf(book: LedgerBook, period: string, n: number): { code: string; check: 'overdrawn' | 'dormant_balance'; periods?: number; closing: bigint }[] {
  const cells = book.periods.get(period);
  if (!cells) return [];
  const window: Map<string, LedgerCell>[] = [];
  for (let p = period; window.length < n; p = previousPeriod(p)) {
    const c = book.periods.get(p);
    if (!c) break;
    window.push(c);
  }
  const out: { code: string; check: 'overdrawn' | 'dormant_balance'; periods?: number; closing: bigint }[] = [];
  for (const [code, cell] of [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (cell.closing < 0n) out.push({ code, check: 'overdrawn', closing: cell.closing });
    else if (window.length === n && window.every((w) => (w.get(code)?.closing ?? 0n) > 0n && (w.get(code)?.settlementRows ?? 0) === 0)) {
      out.push({ code, check: 'dormant_balance', periods: n, closing: cell.closing });
    }
  }
  return out;
}


const money = (c: bigint): string => centsToMoney(c);

function methodsOut(m: Methods): MethodAmounts {
  return { invoice: money(m.invoice), goods: money(m.goods), offset: money(m.offset), cash: money(m.cash) };
}

function findingDetail(ctx: ServiceContext, f: { check: 'overdrawn' | 'dormant_balance'; periods?: number; closing: bigint }): string {
  const closing = formatMoney(f.closing);
  if (f.check === 'overdrawn') return t('ledger.finding.overdrawn', { closing }, ctx.lang);
  return t('ledger.finding.dormant', { closing, periods: f.periods ?? 0 }, ctx.lang);
}

/** The period's ledger: rows, totals, findings; `final` once the period's batch is approved. */
export function ledgerOf(ctx: ServiceContext, period: string): LedgerView {
  const db = ctx.store.db;
  const book = ledgerBook(db, period);
  const cells = book.periods.get(period) ?? new Map<string, LedgerCell>();
  const names = distributorNames(db);
  const n = dormantPeriods(ctx);
  const found = findingsOf(book, period, n);
  const findings: LedgerFinding[] = found.map((f) => ({ code: f.code, name: names.get(f.code)?.name ?? null, check: f.check, detail: findingDetail(ctx, f) }));
  const checksByCode = new Map<string, LedgerFinding['check'][]>();
  for (const f of findings) checksByCode.set(f.code, [...(checksByCode.get(f.code) ?? []), f.check]);
  const totals = { opening: 0n, accrued: 0n, used: 0n, byMethod: zeroMethods(), adjusted: 0n, closing: 0n };
  const rows: LedgerRowView[] = [];
  for (const [code, c] of [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isVisible(c)) continue;
    const d = names.get(code);
    rows.push({
      code,
      name: d?.name ?? code,
      region: d?.region ?? '',
      grade: d?.grade ?? '',
      opening: money(c.opening),
      accrued: money(c.accrued),
      used: money(c.used),
      used_by_method: methodsOut(c.byMethod),
      adjusted: money(c.adjusted),
      closing: money(c.closing),
      findings: checksByCode.get(code) ?? [],
    });
    totals.opening += c.opening;
    totals.accrued += c.accrued;
    totals.used += c.used;
    totals.adjusted += c.adjusted;
    totals.closing += c.closing;
    for (const m of SETTLEMENT_METHODS) totals.byMethod[m] += c.byMethod[m];
  }
  const batch = batchOf(db, period);
  return {
    period,
    start: book.start,
    balances_period: book.balancesPeriod,
    batch_status: batch?.status ?? null,
    final: batch?.status === 'approved',
    dormant_periods: n,
    rows,
    totals: {
      opening: money(totals.opening),
      accrued: money(totals.accrued),
      used: money(totals.used),
      used_by_method: methodsOut(totals.byMethod),
      adjusted: money(totals.adjusted),
      closing: money(totals.closing),
    },
    findings,
  };
}

/** The figures of one distributor's row and the rows behind each: batch row, settlements (file, sheet, row), adjustments. */
export function ledgerDetail(ctx: ServiceContext, period: string, code: string): LedgerDetailView {
  const db = ctx.store.db;
  const book = ledgerBook(db, period);
  const c = book.periods.get(period)?.get(code);
  const balance = book.balancesPeriod === period ? openingBalances(db).find((b) => b.code === code) : undefined;
  const row = batchRowOf(db, period, code);
  const names = distributorNames(db);
  return {
    period,
    code,
    name: names.get(code)?.name ?? code,
    opening: money(c?.opening ?? 0n),
    opening_source: balance
      ? { kind: 'balance', file: balance.file_name, sheet: balance.sheet, row: balance.row_no, period: previousPeriod(period) }
      : { kind: 'previous', file: null, sheet: null, row: null, period: previousPeriod(period) },
    accrued: money(c?.accrued ?? 0n),
    batch: row
      ? { status: row.status, policy: row.policy_code, rebate: row.rebate_cents === null ? null : money(BigInt(row.rebate_cents)), adjustment: money(BigInt(row.adjustment_cents)), final: row.final_cents === null ? null : money(BigInt(row.final_cents)) }
      : null,
    used: money(c?.used ?? 0n),
    used_by_method: methodsOut(c?.byMethod ?? zeroMethods()),
    settlements: settlementLines(db, period, code).map((s) => ({
      doc_no: s.doc_no,
      line_no: s.line_no,
      date: s.date,
      amount: money(BigInt(s.amount_cents)),
      method: s.method as SettlementMethod,
      note: s.note,
      file: s.file_name,
      sheet: s.sheet,
      row: s.row_no,
    })),
    adjusted: money(c?.adjusted ?? 0n),
    adjustments: ledgerAdjustments(db, period, code).map((a) => ({ id: a.id, amount: money(BigInt(a.amount_cents)), reason: a.reason, created_by: a.created_by, created_at: a.created_at })),
    closing: money(c?.closing ?? 0n),
  };
}

/** One distributor across every period of the chain up to `to` (default: the latest period with data). */
export function ledgerHistory(ctx: ServiceContext, code: string, to?: string): LedgerHistoryView {
  const db = ctx.store.db;
  const last = to ?? latestPeriod(ctx);
  const book = last ? ledgerBook(db, last) : { start: null, balancesPeriod: null, periods: new Map<string, Map<string, LedgerCell>>() };
  const approved = new Set((db.prepare("SELECT period FROM batches WHERE status = 'approved'").all() as { period: string }[]).map((r) => r.period));
  const rows = [...book.periods.entries()].flatMap(([period, cells]) => {
    const c = cells.get(code);
    if (!c || !isVisible(c)) return [];
    return [{ period, final: approved.has(period), opening: money(c.opening), accrued: money(c.accrued), used: money(c.used), used_by_method: methodsOut(c.byMethod), adjusted: money(c.adjusted), closing: money(c.closing) }];
  });
  return { code, name: distributorNames(db).get(code)?.name ?? code, rows };
}

function latestPeriod(ctx: ServiceContext): string | null {
  const row = ctx.store.db
    .prepare(
      `SELECT MAX(p) AS p FROM (SELECT MAX(period) AS p FROM import_files WHERE period IS NOT NULL AND replaced_by IS NULL
         UNION ALL SELECT MAX(period) FROM batches UNION ALL SELECT MAX(period) FROM ledger_adjustments)`,
    )
    .get() as { p: string | null };
  return row.p;
}

/**
 * A ledger adjustment (write-off, correction of an opening balance): an amount with a reason, by a
 * preparer, only while the period is open (its batch not submitted or approved); audited in the
 * same transaction.
 */
export function adjustLedger(ctx: ServiceContext, input: { period: string; code: string; amount: string; reason: string }): LedgerDetailView {
  const user = requireRole(ctx, 'preparer');
  const db = ctx.store.db;
  const reason = input.reason.trim();
  if (!reason) throw rejected('ledger.reason_required');
  const amount = parseAmount(input.amount);
  if (amount === 0n) throw rejected('ledger.amount_zero');
  if (!distributorExists(db, input.code)) throw rejected('ledger.unknown_distributor', { code: input.code });
  const b = batchOf(db, input.period);
  if (b && (b.status === 'submitted' || b.status === 'approved')) throw rejected('ledger.period_closed', { period: input.period, status: b.status });
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const id = insertLedgerAdjustment(db, { period: input.period, code: input.code, amount_cents: amount, reason, created_by: user.name ?? actorName(ctx), created_at: now });
    appendAudit(db, { actor: actorName(ctx), action: 'ledger.adjust', entity: 'ledger', entityId: `${input.period}/${input.code}`, after: { id, period: input.period, code: input.code, amount: money(amount), reason } }, ctx.now());
  })();
  return ledgerDetail(ctx, input.period, input.code);
}

/** A decimal amount of money, at most two decimals, sign allowed: `-1,234.50`, `300`. */
function parseAmount(text: string): bigint {
  const s = text.trim().replace(/,/g, '');
  const m = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw rejected('ledger.bad_amount', { value: text });
  const cents = moneyToCents(`${m[2] ?? '0'}.${((m[3] ?? '') + '00').slice(0, 2)}`);
  return m[1] === '-' ? -cents : cents;
}

/** The settlements' canonical keys, for views that list methods. */
export const METHODS = SETTLEMENT_METHODS;
