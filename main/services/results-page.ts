import type { ResultColumnFilter, ResultRowView, ResultsPageView } from '../../contract/ops/batches';
import { centsToMoney, compareDecimal, roundToCents } from '../../domain';
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
  /** the search box: every word found in one of the row's shown values (any case) */
  search?: string | undefined;
  /** column filters (AG Grid's filter model) by result key */
  filters?: Record<string, ResultColumnFilter> | undefined;
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

/** A row's value under a result key as the screen shows it (the policy as `CODE vN`); null when it has none. */
function valueOf(r: ResultRowView, key: string): string | null {
  if (key.startsWith('inputs.')) return r.inputs[key.slice(7)] ?? null;
  if (key.startsWith('values.')) return r.values[key.slice(7)] ?? null;
  switch (key) {
    case 'policy':
      return r.policy ? `${r.policy} v${r.policy_version ?? ''}` : null;
    case 'policy_version':
      return r.policy_version === null ? null : String(r.policy_version);
    default: {
      const v = r[key as keyof ResultRowView];
      return typeof v === 'string' ? v : null;
    }
  }
}

type Condition = Exclude<ResultColumnFilter, { operator: unknown }>;

/** AG Grid's text filter: any case, a blank cell passes only "blank", "not equal" and "does not contain". */
function textPasses(value: string | null, c: Extract<Condition, { filterType: 'text' }>): boolean {
  const v = value === null || value === '' ? null : value.toLowerCase();
  if (c.type === 'blank') return v === null;
  if (c.type === 'notBlank') return v !== null;
  const f = (c.filter ?? '').toLowerCase();
  if (f === '') return true;
  if (v === null) return c.type === 'notEqual' || c.type === 'notContains';
  switch (c.type) {
    case 'contains':
      return v.includes(f);
    case 'notContains':
      return !v.includes(f);
    case 'equals':
      return v === f;
    case 'notEqual':
      return v !== f;
    case 'startsWith':
      return v.startsWith(f);
    case 'endsWith':
      return v.endsWith(f);
  }
}

/** AG Grid's number filter on the value as a number (a comparison, never arithmetic); a blank cell passes only "blank"; a range excludes its ends. */
function numberPasses(value: string | null, c: Extract<Condition, { filterType: 'number' }>): boolean {
  const n = value === null || value === '' ? null : Number(value);
  const v = n !== null && Number.isFinite(n) ? n : null;
  if (c.type === 'blank') return v === null;
  if (c.type === 'notBlank') return v !== null;
  const f = c.filter ?? null;
  if (f === null) return true;
  if (v === null) return false;
  switch (c.type) {
    case 'equals':
      return v === f;
    case 'notEqual':
      return v !== f;
    case 'lessThan':
      return v < f;
    case 'lessThanOrEqual':
      return v <= f;
    case 'greaterThan':
      return v > f;
    case 'greaterThanOrEqual':
      return v >= f;
    case 'inRange': {
      const to = c.filterTo ?? null;
      if (to === null) return true;
      return v > Math.min(f, to) && v < Math.max(f, to);
    }
  }
}

function conditionPasses(value: string | null, c: Condition): boolean {
  return c.filterType === 'text' ? textPasses(value, c) : numberPasses(value, c);
}

/** The column filters as one test of a row. */
function columnFilters(filters: Record<string, ResultColumnFilter> | undefined): ((r: ResultRowView) => boolean) | null {
  const list = Object.entries(filters ?? {});
  if (list.length === 0) return null;
  return (r) =>
    list.every(([key, f]) => {
      const v = valueOf(r, key);
      if (!('operator' in f)) return conditionPasses(v, f);
      return f.operator === 'AND' ? f.conditions.every((c) => conditionPasses(v, c)) : f.conditions.some((c) => conditionPasses(v, c));
    });
}

/** A row's shown values in lower case, one a line: what the search box looks in. */
function searchTextOf(r: ResultRowView): string {
  const parts: (string | null)[] = [r.code, r.name, r.region, r.province, r.grade, valueOf(r, 'policy'), ...Object.values(r.inputs), ...Object.values(r.values), r.rebate, r.adjustment, r.adjustment_reason, r.exception, r.final];
  return parts.filter((p) => p !== null && p !== '').join('\n').toLowerCase();
}

function searchTexts(view: BatchView): readonly string[] {
  return (view.searchText ??= view.rows.map(searchTextOf));
}

const preparing = new WeakSet<BatchView>();

/**
 * The rows' search text (≈ 15 ms at 5,000 rows) made just after this answer is sent, not by the
 * first search: a screen that has read its first rows is likely to search next.
 */
function prepareSearch(view: BatchView): void {
  if (view.searchText || preparing.has(view)) return;
  preparing.add(view);
  setImmediate(() => {
    preparing.delete(view);
    searchTexts(view);
  });
}

function inputCents(view: BatchView): NonNullable<BatchView['inputCents']> {
  view.inputCents ??= view.rows.map((r) => ({ purchase: roundToCents(r.inputs['purchase']), returns: roundToCents(r.inputs['returns']), net: roundToCents(r.inputs['net']) }));
  return view.inputCents;
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
  const words = (input.search ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const columns = columnFilters(input.filters);
  const ordered = order(view, input.sort, input.desc);
  const inputs = inputCents(view);
  if (input.region === undefined && input.grade === undefined && text === '' && input.only === undefined && words.length === 0 && columns === null) {
    // no filter: the page is a slice, the totals are the batch's own
    const all = (view.inputsTotal ??= sumInputs(inputs, view.rows.map((_, i) => i)));
    prepareSearch(view);
    return answer(b, view, input, view.rows.length, { rebate_total: centsToMoney(b.rebate_cents), adjustment_total: centsToMoney(b.adjustment_cents), total: centsToMoney(b.total_cents), exceptions: b.exceptions }, ordered.slice(input.offset, input.offset + input.limit).map((i) => view.rows[i] as ResultRowView), all);
  }
  const search = words.length > 0 ? searchTexts(view) : null;
  let matched = 0;
  let rebate = 0n;
  let adjustment = 0n;
  let total = 0n;
  let exceptions = 0;
  const page: ResultRowView[] = [];
  const hits: number[] = [];
  for (const i of ordered) {
    const r = view.rows[i] as ResultRowView;
    const c = view.cents[i] as Cents;
    if (!match(r, c)) continue;
    if (search) {
      const s = search[i] as string;
      if (!words.every((w) => s.includes(w))) continue;
    }
    if (columns && !columns(r)) continue;
    hits.push(i);
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
  return answer(b, view, input, matched, { rebate_total: centsToMoney(rebate), adjustment_total: centsToMoney(adjustment), total: centsToMoney(total), exceptions }, page, sumInputs(inputs, hits));
}

function sumInputs(inputs: NonNullable<BatchView['inputCents']>, rows: readonly number[]): ResultsPageView['inputs_total'] {
  let purchase = 0n;
  let returns = 0n;
  let net = 0n;
  for (const i of rows) {
    const c = inputs[i];
    if (!c) continue;
    purchase += c.purchase;
    returns += c.returns;
    net += c.net;
  }
  return { purchase: centsToMoney(purchase), returns: centsToMoney(returns), net: centsToMoney(net) };
}

function answer(b: BatchRow, view: BatchView, input: ResultsPageInput, matched: number, filtered: ResultsPageView['filtered'], rows: ResultRowView[], inputs: ResultsPageView['inputs_total']): ResultsPageView {
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
    inputs_total: inputs,
  };
}
