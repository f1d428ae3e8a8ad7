import type { FinalChangeView, PeriodOverviewView } from '../../../contract/ops/batches';

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

/** The largest changes of the final amount per distributor against the previous month's batch, as the server found them (`batch.summary`). */
export function changeBars(period: string, changes: readonly FinalChangeView[]): ChangeBar[] {
  return changes.map((c) => ({
    key: c.code,
    label: `${c.code} ${c.name}`,
    value: c.difference,
    previous: c.previous,
    current_value: c.current,
    href: findHref(period, c.code),
  }));
}
