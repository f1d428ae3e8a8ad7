/**
 * Which policy applies to a distributor in a period (formulas.md): among the policies in force
 * whose scope matches its region and grade, the highest priority wins. No match and a tie at the
 * top are answers of their own, never a silent 0. Pure: no database, used by preview and batches.
 */

export interface SelectablePolicy {
  code: string;
  priority: number;
  /** YYYY-MM, inclusive */
  effective_from: string;
  /** YYYY-MM, inclusive; null or absent = open-ended */
  effective_to?: string | null | undefined;
  /** absent lists (or no scope) = every region / grade */
  scope?: { regions?: readonly string[] | undefined; grades?: readonly string[] | undefined } | null | undefined;
  /** false = deactivated, never selected; absent = active */
  active?: boolean | undefined;
}

export interface Distributor {
  region: string;
  grade: string;
}

export type Selection<P> =
  | { ok: true; policy: P }
  | { ok: false; reason: 'none' }
  /** every code tied at the highest priority, sorted */
  | { ok: false; reason: 'ambiguous'; codes: string[] };

/** Periods are YYYY-MM, so text order is time order. */
export function inForce(p: SelectablePolicy, period: string): boolean {
  return p.active !== false && p.effective_from <= period && (p.effective_to === undefined || p.effective_to === null || period <= p.effective_to);
}

export function inScope(p: SelectablePolicy, d: Distributor): boolean {
  const regions = p.scope?.regions;
  const grades = p.scope?.grades;
  return (regions === undefined || regions.includes(d.region)) && (grades === undefined || grades.includes(d.grade));
}

export function selectPolicy<P extends SelectablePolicy>(policies: readonly P[], distributor: Distributor, period: string): Selection<P> {
  let best: P[] = [];
  for (const p of policies) {
    if (!inForce(p, period) || !inScope(p, distributor)) continue;
    const top = best[0];
    if (top === undefined || p.priority > top.priority) best = [p];
    else if (p.priority === top.priority) best.push(p);
  }
  const [first, second] = best;
  if (first === undefined) return { ok: false, reason: 'none' };
  if (second !== undefined) return { ok: false, reason: 'ambiguous', codes: best.map((p) => p.code).sort() };
  return { ok: true, policy: first };
}
