import type { BatchResultsView, CalcDiffView, ResultColumnFilter, ResultRowView, ResultsPageView } from '../../../../contract/ops/batches';
import { centsToMoney, roundToCents } from '../../../../domain';
import { REBATE_FORMULA } from '../../../../formulas';

/** The results grid reads its rows this many at a time; the screen reads the first block with the summary. */
export const RESULTS_BLOCK = 100;

export interface FormulaColumn {
  name: string;
  label: string;
}

/**
 * One column per formula across the batch's policies, in policy order, labelled by the first
 * policy that names it. The `rebate` formula is left out: the 返利 column is that value rounded to
 * cents, and two columns with nearly the same figure invite the wrong one to be checked.
 */
export function formulaColumns(policies: BatchResultsView['policies']): FormulaColumn[] {
  const seen = new Map<string, string>();
  for (const p of policies) for (const f of p.formulas) if (f.name !== REBATE_FORMULA && !seen.has(f.name)) seen.set(f.name, p.labels[f.name] ?? f.label);
  return [...seen].map(([name, label]) => ({ name, label }));
}

/** `last_diff` is typed unknown in the contract; it is the CalcDiff stored by the last calculation. */
export function isCalcDiff(x: unknown): x is CalcDiffView {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Partial<Record<keyof CalcDiffView, unknown>>;
  return Array.isArray(d.added) && Array.isArray(d.removed) && typeof d.up === 'number' && typeof d.down === 'number' && typeof d.total_delta === 'string';
}

const INPUT_COLUMNS = new Set(['purchase', 'returns', 'net', 'return_rate', 'promo_rate']);
const SAME_KEY = new Set(['code', 'name', 'region', 'province', 'grade', 'policy', 'rebate', 'adjustment', 'final', 'exception']);

/** The results grid's column id as `batch.resultsPage` names it (sort and filters); null for none. */
export function serverKey(colId: string): string | null {
  if (INPUT_COLUMNS.has(colId)) return `inputs.${colId}`;
  if (colId.startsWith('f:')) return `values.${colId.slice(2)}`;
  if (colId === 'reason') return 'adjustment_reason';
  return SAME_KEY.has(colId) ? colId : null;
}

type Condition = Exclude<ResultColumnFilter, { operator: unknown }>;

function condition(c: Record<string, unknown>): Condition | null {
  if (c['filterType'] === 'text') return { filterType: 'text', type: c['type'] as Extract<Condition, { filterType: 'text' }>['type'], filter: typeof c['filter'] === 'string' ? c['filter'] : null };
  if (c['filterType'] === 'number') {
    const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { filterType: 'number', type: c['type'] as Extract<Condition, { filterType: 'number' }>['type'], filter: n(c['filter']), filterTo: n(c['filterTo']) };
  }
  return null;
}

/** The grid's filter model as `batch.resultsPage` takes it (its own column names, only the fields it knows); undefined when none. */
export function serverFilters(model: Record<string, unknown> | null | undefined): Record<string, ResultColumnFilter> | undefined {
  const out: Record<string, ResultColumnFilter> = {};
  for (const [colId, f] of Object.entries(model ?? {})) {
    const key = serverKey(colId);
    if (!key || typeof f !== 'object' || f === null) continue;
    const m = f as Record<string, unknown>;
    if (Array.isArray(m['conditions']) && (m['operator'] === 'AND' || m['operator'] === 'OR')) {
      const conditions = (m['conditions'] as Record<string, unknown>[]).map(condition).filter((c): c is Condition => c !== null).slice(0, 2);
      if (conditions.length > 0) out[key] = { filterType: m['filterType'] === 'number' ? 'number' : 'text', operator: m['operator'], conditions };
    } else {
      const c = condition(m);
      if (c) out[key] = c;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The pinned totals row of a paged grid: the server's count and exact totals of every matching row. */
export function pageTotalsRow(m: Pick<ResultsPageView, 'filtered' | 'inputs_total'>, label: string, count: string): ResultRowView {
  return {
    code: label,
    name: count,
    region: '',
    province: null,
    grade: '',
    status: '',
    policy: null,
    policy_version: null,
    inputs: { purchase: m.inputs_total.purchase, returns: m.inputs_total.returns, net: m.inputs_total.net },
    values: {},
    rebate: m.filtered.rebate_total,
    adjustment: m.filtered.adjustment_total,
    adjustment_reason: null,
    adjustment_note: null,
    final: m.filtered.total,
    exception: null,
  };
}

export interface GroupRow {
  key: string;
  count: number;
  exceptions: number;
  rebate: string;
  adjustment: string;
  final: string;
}

/** The totals row of the grid by region or grade: the groups' counts and exact sums (BigInt cents). */
export function groupTotals(rows: readonly GroupRow[], label: string): GroupRow {
  let rebate = 0n;
  let adjustment = 0n;
  let final = 0n;
  for (const r of rows) {
    rebate += roundToCents(r.rebate);
    adjustment += roundToCents(r.adjustment);
    final += roundToCents(r.final);
  }
  return {
    key: label,
    count: rows.reduce((n, r) => n + r.count, 0),
    exceptions: rows.reduce((n, r) => n + r.exceptions, 0),
    rebate: centsToMoney(rebate),
    adjustment: centsToMoney(adjustment),
    final: centsToMoney(final),
  };
}
