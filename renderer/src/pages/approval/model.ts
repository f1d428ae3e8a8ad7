/**
 * Pure figures of the decision view, from the batch's summary (`batch.summary`: the server adds the
 * groups from exact cents). Shares and the grand total are added here as BigInt cents through the
 * kernel (never JS numbers), so the totals by region and grade add up to the batch total.
 */
import type { GroupTotalView } from '../../../../contract/ops/batches';
import { formatDateTime, isPeriod, roundToCents, shareBasisPoints, sumMoney } from '../../../../domain';

export interface GroupTotal extends GroupTotalView {
  /** share of the batch total in basis points (1/100 %), null when the total is 0 */
  shareBp: bigint | null;
}

/** The groups with their shares, and the grand total (the grid's bottom row). */
export function groupTotals(list: readonly GroupTotalView[]): { groups: GroupTotal[]; all: GroupTotal } {
  const final = sumMoney(list.map((g) => g.final));
  const batchCents = roundToCents(final);
  const all: GroupTotal = {
    key: '',
    distributors: list.reduce((n, g) => n + g.distributors, 0),
    exceptions: list.reduce((n, g) => n + g.exceptions, 0),
    rebate: sumMoney(list.map((g) => g.rebate)),
    adjustment: sumMoney(list.map((g) => g.adjustment)),
    final,
    shareBp: shareBasisPoints(batchCents, batchCents),
  };
  return { groups: list.map((g) => ({ ...g, shareBp: shareBasisPoints(roundToCents(g.final), batchCents) })), all };
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
