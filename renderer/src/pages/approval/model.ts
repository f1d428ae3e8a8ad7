/**
 * Pure figures of the decision view, computed from the batch's rows. Money is added as BigInt cents
 * through sumMoney (never JS numbers), so the totals by region and grade add up to the batch total.
 */
import type { ResultRowView } from '../../../../contract/ops/batches';
import { sumMoney } from '../../format';

export interface GroupTotal {
  key: string;
  distributors: number;
  exceptions: number;
  rebate: string;
  adjustment: string;
  final: string;
  /** share of the batch total in basis points (1/100 %), null when the total is 0 */
  shareBp: bigint | null;
}

const MONEY = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal money string in cents (extra decimals are cut, as the service stores two). */
export function toCents(value: string | null | undefined): bigint {
  const m = value ? MONEY.exec(value) : null;
  if (!m) return 0n;
  const c = BigInt(m[2] ?? '0') * 100n + BigInt(((m[3] ?? '') + '00').slice(0, 2));
  return m[1] ? -c : c;
}

export function compareMoney(a: string | null | undefined, b: string | null | undefined): number {
  const d = toCents(a) - toCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isNegative(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('-') && /[1-9]/.test(value);
}

/** a − b, exactly. */
export function difference(a: string, b: string): string {
  return sumMoney([a, b.startsWith('-') ? b.slice(1) : `-${b}`]);
}

export function isZero(value: string | null | undefined): boolean {
  return toCents(value) === 0n;
}

/** part / whole in basis points, rounded half up (truncation would make the shares miss 100%). */
function share(part: bigint, whole: bigint): bigint | null {
  if (whole === 0n) return null;
  if (part < 0n || whole < 0n) return (part * 10000n) / whole;
  return (part * 20000n + whole) / (2n * whole);
}

function total(key: string, rows: readonly ResultRowView[], batchCents: bigint): GroupTotal {
  const final = sumMoney(rows.map((r) => r.final ?? '0'));
  return {
    key,
    distributors: rows.length,
    exceptions: rows.filter((r) => r.exception !== null).length,
    rebate: sumMoney(rows.map((r) => r.rebate ?? '0')),
    adjustment: sumMoney(rows.map((r) => r.adjustment)),
    final,
    shareBp: share(toCents(final), batchCents),
  };
}

/** Totals per region or grade, biggest first, and the grand total (the grid's bottom row). */
export function groupTotals(rows: readonly ResultRowView[], by: 'region' | 'grade'): { groups: GroupTotal[]; all: GroupTotal } {
  const batchCents = toCents(sumMoney(rows.map((r) => r.final ?? '0')));
  const byKey = new Map<string, ResultRowView[]>();
  for (const r of rows) byKey.set(r[by], [...(byKey.get(r[by]) ?? []), r]);
  const groups = [...byKey].map(([key, list]) => total(key, list, batchCents));
  groups.sort((a, b) => compareMoney(b.final, a.final) || a.key.localeCompare(b.key, 'zh-CN'));
  return { groups, all: total('', rows, batchCents) };
}

/** A formula value for reading: thousands separators, every decimal kept (rates must not be rounded). */
export function formatFigure(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const m = MONEY.exec(value);
  if (!m) return value;
  return `${m[1] ?? ''}${(m[2] ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ? `.${m[3]}` : ''}`;
}

/** A ratio ("0.1") as a percentage ("10.00%"), exactly: the decimal point moves two places. */
export function formatRate(value: string): string {
  const m = MONEY.exec(value);
  if (!m) return value;
  const frac = ((m[3] ?? '') + '0000').slice(0, 4);
  const int = BigInt(`${m[2] ?? '0'}${frac.slice(0, 2)}`).toString();
  return `${m[1] && /[1-9]/.test(value) ? '-' : ''}${int}.${frac.slice(2, 4)}%`;
}

/** Basis points as a percentage with two decimals ("12.34%"). */
export function formatShare(bp: bigint | null): string {
  if (bp === null) return '';
  const neg = bp < 0n;
  const abs = (neg ? -bp : bp).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}%`;
}

export function adjustedRows(rows: readonly ResultRowView[]): ResultRowView[] {
  return rows.filter((r) => !isZero(r.adjustment));
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** How long something has waited, in the largest whole unit a person would say. */
export function waited(sinceIso: string, now: Date): { unit: 'now' | 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 60000));
  if (minutes < 1) return { unit: 'now', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 60 * 24) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (60 * 24)) };
}

export function formatTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang, { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** The period of a deep link `#/approval/2026-01` (the Shell reads only the section before it). */
export function periodFromHash(hash: string): string | null {
  const p = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(p) ? p : null;
}
