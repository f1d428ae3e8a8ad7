import type { Program } from './analyze-formulas';
import { convertInput, type FormulaInputs } from './inputs';
import type { IssueParams } from './issues';
import type { MessageKey } from './message-catalogue';
import { FormulaError, formatScalar, isScalar, type Scalar } from './values';

export interface RunFailure {
  ok: false;
  /** The formula that failed (for a bad input: the first formula that reads it). */
  formula: string;
  key: MessageKey;
  params: IssueParams;
  /** The values computed before the failure, for the exception list. */
  values: Record<string, string>;
}

export type RunResult =
  | { ok: true; values: Record<string, string>; results: ReadonlyMap<string, Scalar> }
  | RunFailure;

function failure(formula: string, error: unknown, values: Record<string, string>): RunFailure {
  if (error instanceof FormulaError) return { ok: false, formula, key: error.key, params: error.params, values };
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, formula, key: 'eval.internal', params: { detail }, values };
}

/** Runs compiled formulas for one distributor; a failure names the formula and never throws. */
export function runProgram(program: Program, inputs: FormulaInputs): RunResult {
  const slots = new Array<Scalar | undefined>(program.slotCount);
  const results = new Map<string, Scalar>();
  const trace = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const name of program.definitionOrder) {
      const v = results.get(name);
      if (v !== undefined) out[name] = formatScalar(v);
    }
    return out;
  };
  const raw: Readonly<Record<string, unknown>> = inputs;
  for (const { variable, slot, firstReader } of program.variables) {
    try {
      const v = convertInput(variable, raw[variable.name]);
      if (isScalar(v)) slots[slot] = v;
    } catch (error) {
      return failure(firstReader, error, {});
    }
  }
  const frame = { slots };
  for (const f of program.formulas) {
    try {
      const v = f.run(frame);
      // compileFormula guarantees a scalar; a list or table would have thrown already.
      if (isScalar(v)) {
        slots[f.slot] = v;
        results.set(f.name, v);
      }
    } catch (error) {
      return failure(f.name, error, trace());
    }
  }
  return { ok: true, values: trace(), results };
}
