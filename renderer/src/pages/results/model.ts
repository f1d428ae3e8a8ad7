import type { BatchResultsView, CalcDiffView, ResultRowView } from '../../../../contract/ops/batches';
import { REBATE_FORMULA } from '../../../../formulas';
import { centsToMoney, roundToCents } from '../../../../domain';

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

export const MONEY_INPUTS = ['purchase', 'returns', 'net'] as const;

/** The pinned totals row: the same shape as a result row so the grid's columns render it unchanged. */
export function totalsRow(rows: readonly ResultRowView[], label: string, count: string): ResultRowView {
  let purchase = 0n;
  let returns = 0n;
  let net = 0n;
  let rebate = 0n;
  let adjustment = 0n;
  let final = 0n;
  for (const r of rows) {
    purchase += roundToCents(r.inputs['purchase']);
    returns += roundToCents(r.inputs['returns']);
    net += roundToCents(r.inputs['net']);
    rebate += roundToCents(r.rebate);
    adjustment += roundToCents(r.adjustment);
    final += roundToCents(r.final);
  }
  return {
    code: label,
    name: count,
    region: '',
    province: null,
    grade: '',
    status: '',
    policy: null,
    policy_version: null,
    inputs: { purchase: centsToMoney(purchase), returns: centsToMoney(returns), net: centsToMoney(net) },
    values: {},
    rebate: centsToMoney(rebate),
    adjustment: centsToMoney(adjustment),
    adjustment_reason: null,
    adjustment_note: null,
    final: centsToMoney(final),
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

/** Count and exact sums per region or grade (BigInt cents), largest final amount first. */
export function groupRows(rows: readonly ResultRowView[], by: 'region' | 'grade'): GroupRow[] {
  const acc = new Map<string, { count: number; exceptions: number; rebate: bigint; adjustment: bigint; final: bigint }>();
  for (const r of rows) {
    const g = acc.get(r[by]) ?? { count: 0, exceptions: 0, rebate: 0n, adjustment: 0n, final: 0n };
    g.count++;
    if (r.exception) g.exceptions++;
    g.rebate += roundToCents(r.rebate);
    g.adjustment += roundToCents(r.adjustment);
    g.final += roundToCents(r.final);
    acc.set(r[by], g);
  }
  return [...acc]
    .sort(([ka, a], [kb, b]) => (a.final === b.final ? ka.localeCompare(kb) : a.final > b.final ? -1 : 1))
    .map(([key, g]) => ({ key, count: g.count, exceptions: g.exceptions, rebate: centsToMoney(g.rebate), adjustment: centsToMoney(g.adjustment), final: centsToMoney(g.final) }));
}

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
