import type { DiffChange, PolicyDiffView } from '../../contract/ops/policies';
import type { ParameterValue, PolicyFile } from '../../formulas';

/** What changed between two versions of a policy, in the terms a policy owner thinks in. */

type Side = PolicyFile & { active: boolean };

const text = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

function fieldChanges(a: Side, b: Side): PolicyDiffView['fields'] {
  const fields: [string, unknown, unknown][] = [
    ['name', a.name, b.name],
    ['priority', a.priority, b.priority],
    ['effective_from', a.effective_from, b.effective_from],
    ['effective_to', a.effective_to, b.effective_to],
    ['scope.regions', a.scope?.regions, b.scope?.regions],
    ['scope.grades', a.scope?.grades, b.scope?.grades],
    ['parameter_labels', a.parameter_labels, b.parameter_labels],
    ['active', a.active, b.active],
  ];
  return fields.flatMap(([field, o, n]) => (text(o) === text(n) ? [] : [{ field, old: text(o), new: text(n) }]));
}

/** A table parameter flattened to `name.key` entries, so one changed weight is one line. */
function flatten(parameters: Record<string, ParameterValue>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, v] of Object.entries(parameters)) {
    if (typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, string | number>)) out.set(`${name}.${k}`, String(x));
    } else out.set(name, Array.isArray(v) ? `[${v.map(String).join(', ')}]` : String(v));
  }
  return out;
}

function change<T>(o: T | undefined, n: T | undefined): DiffChange {
  return o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
}

function parameterChanges(a: Side, b: Side): PolicyDiffView['parameters'] {
  const o = flatten(a.parameters);
  const n = flatten(b.parameters);
  const names = [...new Set([...o.keys(), ...n.keys()])];
  return names.flatMap((name) => {
    const ov = o.get(name);
    const nv = n.get(name);
    return ov === nv ? [] : [{ name, change: change(ov, nv), old: ov ?? null, new: nv ?? null }];
  });
}

function formulaChanges(a: Side, b: Side): PolicyDiffView['formulas'] {
  const view = (f: { label?: string | undefined; expr: string } | undefined) => (f ? { label: f.label ?? null, expr: f.expr } : null);
  const o = new Map(a.formulas.map((f) => [f.name, f]));
  const n = new Map(b.formulas.map((f) => [f.name, f]));
  const names = [...new Set([...b.formulas.map((f) => f.name), ...a.formulas.map((f) => f.name)])];
  return names.flatMap((name) => {
    const of = o.get(name);
    const nf = n.get(name);
    if (of && nf && of.expr === nf.expr && of.label === nf.label) return [];
    return [{ name, change: change(of, nf), old: view(of), new: view(nf) }];
  });
}

export function diffPolicies(a: Side, b: Side, versions: { code: string; from: number; to: number }): PolicyDiffView {
  return { ...versions, fields: fieldChanges(a, b), parameters: parameterChanges(a, b), formulas: formulaChanges(a, b) };
}
