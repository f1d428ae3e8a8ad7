import type { PeriodOverviewView, ResultRowView } from '../../../contract/ops/batches';
import { centsToMoney, roundToCents } from '../../../domain';

/** One bar: a label, its exact amount (decimal string) and where a click on it leads. */
export interface Bar {
  key: string;
  label: string;
  value: string;
  /** the address of the rows behind the bar */
  href: string;
  /** the month the chart is about (drawn in the primary colour), or a month before it */
  current?: boolean;
}

/** `#/results/<period>/find/<text>`: the results of the month with the search box filled in. */
export function findHref(period: string, text: string): string {
  return `#/results/${period}/find/${encodeURIComponent(text)}`;
}

/**
 * This month against up to `count` months before it that are approved (what was actually paid),
 * oldest first. A month before it that is not approved is left out: its figure may still change.
 */
export function trendBars(periods: readonly PeriodOverviewView[], period: string, count = 6): Bar[] {
  const earlier = periods
    .filter((p) => p.period < period && p.batch?.status === 'approved')
    .sort((a, b) => (a.period < b.period ? 1 : -1))
    .slice(0, count)
    .reverse();
  const current = periods.find((p) => p.period === period && p.batch);
  return [...earlier, ...(current ? [current] : [])].map((p) => ({
    key: p.period,
    label: p.period,
    value: p.batch?.total ?? '0.00',
    href: `#/results/${p.period}`,
    current: p.period === period,
  }));
}

export interface ChangeBar extends Bar {
  previous: string;
  current_value: string;
}

/**
 * The largest changes of the final amount per distributor against the previous month's batch
 * (a distributor new this month or gone counts from or to 0), by size of the change, exact cents.
 */
export function changeBars(period: string, rows: readonly ResultRowView[], previous: readonly ResultRowView[], count = 10): ChangeBar[] {
  const before = new Map(previous.map((r) => [r.code, r]));
  const seen = new Set<string>();
  const out: { code: string; name: string; prev: bigint; cur: bigint }[] = [];
  for (const r of rows) {
    seen.add(r.code);
    out.push({ code: r.code, name: r.name, prev: roundToCents(before.get(r.code)?.final ?? '0'), cur: roundToCents(r.final ?? '0') });
  }
  for (const r of previous) if (!seen.has(r.code)) out.push({ code: r.code, name: r.name, prev: roundToCents(r.final ?? '0'), cur: 0n });
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  return out
    .filter((c) => c.cur !== c.prev)
    .sort((a, b) => {
      const da = abs(a.cur - a.prev);
      const db = abs(b.cur - b.prev);
      return da === db ? a.code.localeCompare(b.code) : da > db ? -1 : 1;
    })
    .slice(0, count)
    .map((c) => ({
      key: c.code,
      label: `${c.code} ${c.name}`,
      value: centsToMoney(c.cur - c.prev),
      previous: centsToMoney(c.prev),
      current_value: centsToMoney(c.cur),
      href: findHref(period, c.code),
    }));
}
