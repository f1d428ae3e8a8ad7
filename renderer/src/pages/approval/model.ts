/**
 * Pure figures of the decision view, computed from the batch's rows. Money is added as BigInt cents
 * through the kernel's sumMoney (never JS numbers), so the totals by region and grade add up to the batch total.
 */
import type { ResultRowView } from '../../../../contract/ops/batches';
import { compareMoney, formatDateTime, isPeriod, roundToCents, shareBasisPoints, sumMoney } from '../../../../domain';

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

function total(key: string, rows: readonly ResultRowView[], batchCents: bigint): GroupTotal {
  const final = sumMoney(rows.map((r) => r.final ?? '0'));
  return {
    key,
    distributors: rows.length,
    exceptions: rows.filter((r) => r.exception !== null).length,
    rebate: sumMoney(rows.map((r) => r.rebate ?? '0')),
    adjustment: sumMoney(rows.map((r) => r.adjustment)),
    final,
    shareBp: shareBasisPoints(roundToCents(final), batchCents),
  };
}

/** Totals per region or grade, biggest first, and the grand total (the grid's bottom row). */
export function groupTotals(rows: readonly ResultRowView[], by: 'region' | 'grade'): { groups: GroupTotal[]; all: GroupTotal } {
  const batchCents = roundToCents(sumMoney(rows.map((r) => r.final ?? '0')));
  const byKey = new Map<string, ResultRowView[]>();
  for (const r of rows) byKey.set(r[by], [...(byKey.get(r[by]) ?? []), r]);
  const groups = [...byKey].map(([key, list]) => total(key, list, batchCents));
  groups.sort((a, b) => compareMoney(b.final, a.final) || a.key.localeCompare(b.key, 'zh-CN'));
  return { groups, all: total('', rows, batchCents) };
}

export function adjustedRows(rows: readonly ResultRowView[]): ResultRowView[] {
  return rows.filter((r) => roundToCents(r.adjustment) !== 0n);
}

/** How long something has waited, in the largest whole unit a person would say. */
export function waited(sinceIso: string, now: Date): { unit: 'now' | 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 60000));
  if (minutes < 1) return { unit: 'now', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 60 * 24) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (60 * 24)) };
}

export function formatTime(iso: string, _lang: string): string {
  return formatDateTime(iso);
}

/** The period of a deep link `#/approval/2026-01` (the Shell reads only the section before it). */
export function periodFromHash(hash: string): string | null {
  const p = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return isPeriod(p) ? p : null;
}
