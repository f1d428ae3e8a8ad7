import type { ResultRowView, ResultsPageView } from '../../contract/ops/batches';
import { centsToMoney, compareDecimal } from '../../domain';
import type { BatchRow } from '../db/batches-repo';
import { batchView, requireBatch, type BatchView } from './batches';
import type { ServiceContext } from './context';

export interface ResultsPageInput {
  period: string;
  offset: number;
  limit: number;
  /** a column of the results, or `values.NAME` / `inputs.NAME` */
  sort: string;
  desc: boolean;
  region?: string | undefined;
  grade?: string | undefined;
  /** part of the code or the name (any case) */
  text?: string | undefined;
  only?: 'exceptions' | 'adjusted' | undefined;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

type Cents = BatchView['cents'][number];

function compareCents(a: number | null, b: number | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
}

function compareText(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b);
}

/** Orders rows by one key, ascending, rows without a value last; ties keep the code order. */
function comparator(sort: string, rows: readonly ResultRowView[], cents: readonly Cents[]): (i: number, j: number) => number {
  const row = (i: number): ResultRowView => rows[i] as ResultRowView;
  const money = (i: number): Cents => cents[i] as Cents;
  const dot = sort.indexOf('.');
  if (dot > 0) {
    const field = sort.slice(0, dot) === 'inputs' ? 'inputs' : 'values';
    const name = sort.slice(dot + 1);
    return (i, j) => {
      const a = row(i)[field][name] ?? null;
      const b = row(j)[field][name] ?? null;
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return compareDecimal(a, b) || compareText(a, b);
    };
  }
  switch (sort) {
    case 'rebate':
      return (i, j) => compareCents(money(i).rebate, money(j).rebate);
    case 'adjustment':
      return (i, j) => compareCents(money(i).adjustment, money(j).adjustment);
    case 'final':
      return (i, j) => compareCents(money(i).final, money(j).final);
    case 'policy_version':
      return (i, j) => compareCents(row(i).policy_version, row(j).policy_version);
    case 'code':
      return (i, j) => (i < j ? -1 : i > j ? 1 : 0);
    default: {
      const key = sort as 'name' | 'region' | 'province' | 'grade' | 'status' | 'policy' | 'exception';
      return (i, j) => compareText(row(i)[key], row(j)[key]);
    }
  }
}

/** The view's row indexes in the order of a sort key (kept with the view). */
function order(view: BatchView, sort: string, desc: boolean): readonly number[] {
  const key = `${sort}:${desc ? 'desc' : 'asc'}`;
  const hit = view.orders.get(key);
  if (hit) return hit;
  if (sort === 'code' && !desc) {
    // the view's own order
    const idx = view.rows.map((_, i) => i);
    view.orders.set(key, idx);
    return idx;
  }
  const by = comparator(sort, view.rows, view.cents);
  // the view's rows are in code order: ties fall back to it (the same way round as the key)
  const idx = view.rows.map((_, i) => i).sort((i, j) => (desc ? by(j, i) || j - i : by(i, j) || i - j));
  view.orders.set(key, idx);
  return idx;
}

/**
 * One page of a period's batch (the results screen's paging, the team bench's readers): the kept
 * view of the batch (see `batchView`) filtered, sorted and cut to the page; `matched` and the
 * `filtered` totals (exact cents) are of every row the filter matches.
 */
export function resultsPage(ctx: ServiceContext, input: ResultsPageInput): ResultsPageView {
  const b = requireBatch(ctx, input.period);
  const view = batchView(ctx.store.db, b, ctx.lang);
  const text = input.text?.trim().toLowerCase() ?? '';
  const match = (r: ResultRowView, c: Cents): boolean =>
    (input.region === undefined || r.region === input.region) &&
    (input.grade === undefined || r.grade === input.grade) &&
    (text === '' || r.code.toLowerCase().includes(text) || r.name.toLowerCase().includes(text)) &&
    (input.only !== 'exceptions' || c.exception) &&
    (input.only !== 'adjusted' || c.adjustment !== 0);
  const ordered = order(view, input.sort, input.desc);
  if (input.region === undefined && input.grade === undefined && text === '' && input.only === undefined) {
    // no filter: the page is a slice, the totals are the batch's own
    return answer(b, view, input, view.rows.length, { rebate_total: centsToMoney(b.rebate_cents), adjustment_total: centsToMoney(b.adjustment_cents), total: centsToMoney(b.total_cents), exceptions: b.exceptions }, ordered.slice(input.offset, input.offset + input.limit).map((i) => view.rows[i] as ResultRowView));
  }
  let matched = 0;
  let rebate = 0n;
  let adjustment = 0n;
  let total = 0n;
  let exceptions = 0;
  const page: ResultRowView[] = [];
  for (const i of ordered) {
    const r = view.rows[i] as ResultRowView;
    const c = view.cents[i] as Cents;
    if (!match(r, c)) continue;
    if (matched >= input.offset && page.length < input.limit) page.push(r);
    matched++;
    if (c.rebate !== null) rebate += BigInt(c.rebate);
    // as the batch's totals count them: an adjustment only where there is a final amount
    if (c.final !== null) {
      adjustment += BigInt(c.adjustment);
      total += BigInt(c.final);
    }
    if (c.exception) exceptions++;
  }
  return answer(b, view, input, matched, { rebate_total: centsToMoney(rebate), adjustment_total: centsToMoney(adjustment), total: centsToMoney(total), exceptions }, page);
}

function answer(b: BatchRow, view: BatchView, input: ResultsPageInput, matched: number, filtered: ResultsPageView['filtered'], rows: ResultRowView[]): ResultsPageView {
  const facet = (key: 'region' | 'grade'): { value: string; rows: number }[] => {
    const counts = new Map<string, number>();
    for (const r of view.rows) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
    return [...counts].sort(([a], [c]) => collator.compare(a, c)).map(([value, n]) => ({ value, rows: n }));
  };
  view.facets ??= { regions: facet('region'), grades: facet('grade') };
  return {
    period: input.period,
    batch: b.id,
    status: b.status,
    content_hash: b.content_hash,
    calculated_at: b.calculated_at,
    distributors: b.distributors,
    total: centsToMoney(b.total_cents),
    rebate_total: centsToMoney(b.rebate_cents),
    adjustment_total: centsToMoney(b.adjustment_cents),
    offset: input.offset,
    limit: input.limit,
    matched,
    filtered,
    rows,
    policies: view.policies,
    facets: view.facets,
  };
}
