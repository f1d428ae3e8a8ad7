import { BUILTIN_VARIABLES, findBuiltinVariable, type BuiltinVariable } from './builtin-variables';
import { compileFormula, type Evaluator } from './compile-expression';
import { dependencyOrder } from './dependency-order';
import { findFunction } from './function-catalogue';
import { isValidName } from './identifier';
import { issue, type Issue } from './issues';
import { convertParameter } from './parameters';
import { parseFormula } from './parse-formula';
import { isRecord } from './policy-fields';
import type { FormulaDefinition } from './policy-types';
import type { NameTarget, Scope } from './scope';
import { toAst } from './to-ast';
import type { Value } from './values';

export const MAX_FORMULAS = 200;
export const REBATE_FORMULA = 'rebate';

export interface CompiledFormula {
  name: string;
  label: string;
  slot: number;
  run: Evaluator;
}

/** A policy's formulas ready to evaluate: slots 0…n-1 hold the built-in variables, then formulas. */
export interface Program {
  /** In evaluation (dependency) order. */
  formulas: CompiledFormula[];
  /** Formula names in the order the policy lists them (the order of the trace). */
  definitionOrder: string[];
  /** The variables the formulas read, each with the first formula (in evaluation order) reading it. */
  variables: Array<{ variable: BuiltinVariable; slot: number; firstReader: string }>;
  slotCount: number;
}

const FORMULA_FIELDS = new Set(['name', 'label', 'expr']);

function readFormulas(raw: unknown, issues: Issue[]): FormulaDefinition[] {
  if (!Array.isArray(raw)) {
    issues.push(issue(raw === undefined ? 'policy.fieldMissing' : 'policy.fieldType', { field: 'formulas', expected: 'formulaList' }, { field: 'formulas' }));
    return [];
  }
  if (raw.length > MAX_FORMULAS) {
    issues.push(issue('formula.tooMany', { max: MAX_FORMULAS }, { field: 'formulas' }));
    return [];
  }
  const out: FormulaDefinition[] = [];
  raw.forEach((f: unknown, i) => {
    const at = `formulas[${i}]`;
    if (!isRecord(f)) {
      issues.push(issue('policy.fieldType', { field: at, expected: 'object' }, { field: at }));
      return;
    }
    for (const k of Object.keys(f)) {
      if (!FORMULA_FIELDS.has(k)) issues.push(issue('policy.fieldUnknown', { field: `${at}.${k}` }, { field: `${at}.${k}` }));
    }
    const { name, expr, label } = f;
    let ok = true;
    for (const [field, v] of [['name', name], ['expr', expr]] as const) {
      if (v === undefined) issues.push(issue('policy.fieldMissing', { field: `${at}.${field}` }, { field: `${at}.${field}` }));
      else if (typeof v !== 'string') issues.push(issue('policy.fieldType', { field: `${at}.${field}`, expected: 'text' }, { field: `${at}.${field}` }));
      if (typeof v !== 'string') ok = false;
    }
    if (label !== undefined && typeof label !== 'string') {
      issues.push(issue('policy.fieldType', { field: `${at}.label`, expected: 'text' }, { field: `${at}.label` }));
    }
    if (ok && typeof name === 'string' && typeof expr === 'string') {
      out.push(typeof label === 'string' ? { name, label, expr } : { name, expr });
    }
  });
  return out;
}

/**
 * Checks parameters and formulas together (names, syntax, allowlist, references, cycles, the
 * rebate formula) and compiles them. `program` is present only when there is no issue at all.
 */
export function analyzeFormulas(
  rawParameters: unknown,
  rawFormulas: unknown,
  options: { requireRebate: boolean } = { requireRebate: true },
): { issues: Issue[]; program?: Program } {
  const issues: Issue[] = [];

  const parameters = new Map<string, Value>();
  let parametersOk = true;
  if (rawParameters !== undefined && rawParameters !== null && !isRecord(rawParameters)) {
    issues.push(issue('policy.fieldType', { field: 'parameters', expected: 'object' }, { field: 'parameters' }));
    parametersOk = false;
  } else {
    for (const [name, raw] of Object.entries(rawParameters ?? {})) {
      const before = issues.length;
      const value = convertParameter(name, raw, issues);
      if (issues.length > before) parametersOk = false;
      // A badly named parameter still resolves, so formulas using it get no second, confusing issue.
      if (value !== undefined) parameters.set(name, value);
    }
  }

  const formulas = readFormulas(rawFormulas, issues);
  const variableSlots = new Map(BUILTIN_VARIABLES.map((v, i) => [v.name, i]));
  const formulaSlots = new Map<string, number>();
  formulas.forEach((f, i) => {
    const field = `formulas[${i}].name`;
    const where = { formula: f.name, field };
    if (!isValidName(f.name)) issues.push(issue('formula.nameInvalid', { name: f.name }, where));
    const variable = findBuiltinVariable(f.name);
    if (variable) issues.push(issue('formula.shadowsVariable', { name: f.name, variable: variable.name }, where));
    if (findFunction(f.name)) issues.push(issue('formula.shadowsFunction', { name: f.name }, where));
    if (parameters.has(f.name)) issues.push(issue('formula.shadowsParameter', { name: f.name }, where));
    if (formulaSlots.has(f.name)) issues.push(issue('formula.duplicate', { name: f.name }, where));
    else formulaSlots.set(f.name, BUILTIN_VARIABLES.length + formulaSlots.size);
  });

  const scope: Scope = {
    resolve(name: string): NameTarget | undefined {
      const variable = findBuiltinVariable(name);
      if (variable) return { kind: 'variable', variable, slot: variableSlots.get(variable.name) ?? -1 };
      const value = parameters.get(name);
      if (value !== undefined) return { kind: 'parameter', name, value };
      const slot = formulaSlots.get(name);
      if (slot !== undefined) return { kind: 'formula', name, slot };
      if (findFunction(name)) return { kind: 'function', name };
      return undefined;
    },
    valueNames: () => [
      ...BUILTIN_VARIABLES.flatMap((v) => [v.name, v.alias]),
      ...parameters.keys(),
      ...formulaSlots.keys(),
    ],
  };

  const compiled = new Map<string, { run: Evaluator; label: string; variables: Set<string> }>();
  const refs = new Map<string, Set<string>>();
  let formulasOk = true;
  formulas.forEach((f, i) => {
    if (compiled.has(f.name) || refs.has(f.name)) return;
    const field = `formulas[${i}].expr`;
    const parsed = parseFormula(f.expr);
    if (!parsed.ok) {
      issues.push({ ...parsed.issue, formula: f.name, field });
      formulasOk = false;
      return;
    }
    const converted = toAst(parsed.node);
    if (!converted.ast) {
      issues.push(...converted.issues.map((x) => ({ ...x, formula: f.name, field })));
      formulasOk = false;
      return;
    }
    const out = compileFormula(converted.ast, scope, f.name, f.expr);
    issues.push(...out.issues.map((x) => ({ ...x, field })));
    refs.set(f.name, out.formulaRefs);
    if (out.run) compiled.set(f.name, { run: out.run, label: f.label ?? f.name, variables: out.variableRefs });
    else formulasOk = false;
  });

  const definitionOrder = [...formulaSlots.keys()];
  const { order, cycles } = dependencyOrder(definitionOrder, refs);
  for (const cycle of cycles) {
    const first = cycle[0] ?? '';
    issues.push(issue('formula.cycle', { cycle: cycle.join(' → ') }, { formula: first }));
  }
  if (options.requireRebate && Array.isArray(rawFormulas) && !formulaSlots.has(REBATE_FORMULA)) {
    issues.push(issue('formula.rebateMissing', {}, { field: 'formulas' }));
  }

  if (issues.length > 0 || !parametersOk || !formulasOk) return { issues };

  const program: Program = { formulas: [], definitionOrder, variables: [], slotCount: BUILTIN_VARIABLES.length + formulaSlots.size };
  const seen = new Set<string>();
  for (const name of order) {
    const c = compiled.get(name);
    const slot = formulaSlots.get(name);
    if (!c || slot === undefined) return { issues };
    program.formulas.push({ name, label: c.label, slot, run: c.run });
    for (const v of c.variables) {
      const variable = findBuiltinVariable(v);
      const vslot = variable ? variableSlots.get(variable.name) : undefined;
      if (variable && vslot !== undefined && !seen.has(v)) {
        seen.add(v);
        program.variables.push({ variable, slot: vslot, firstReader: name });
      }
    }
  }
  return { issues, program };
}
