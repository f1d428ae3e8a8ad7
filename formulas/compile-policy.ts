import { REBATE_FORMULA, analyzeFormulas } from './analyze-formulas';
import { Dec } from './decimal';
import type { FormulaInputs } from './inputs';
import type { Issue } from './issues';
import type { PolicyFile } from './policy-types';
import { runProgram, type RunFailure } from './run-program';
import { describeValue } from './values';
import { decimalToMoney } from '../domain';

export type EvaluationResult =
  | {
      ok: true;
      /** Every formula's value at full precision, in the policy's order: the trace. */
      values: Record<string, string>;
      /** The rebate formula's value rounded to 2 decimals, half away from zero. */
      rebate: string;
    }
  | RunFailure;

export interface CompiledPolicy {
  ok: true;
  /** Formula names in evaluation order. */
  evaluationOrder: readonly string[];
  /** Formula name → label (the name when the policy gives none), in the policy's order. */
  labels: Readonly<Record<string, string>>;
  /** The built-in variables the formulas read: only these inputs are needed. */
  variables: readonly string[];
  evaluate(inputs: FormulaInputs): EvaluationResult;
}

export type CompilePolicyResult = CompiledPolicy | { ok: false; issues: Issue[] };

/**
 * Parses, checks and orders a policy's formulas once; `evaluate` then runs the compiled closures
 * per distributor without parsing anything again. Only `parameters` and `formulas` matter here:
 * the policy's other fields are validated by validatePolicy before saving.
 */
export function compilePolicy(policy: Pick<PolicyFile, 'parameters' | 'formulas'>): CompilePolicyResult {
  let analysis: ReturnType<typeof analyzeFormulas>;
  try {
    analysis = analyzeFormulas(policy.parameters, policy.formulas);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ key: 'eval.internal', params: { detail } }] };
  }
  const { issues, program } = analysis;
  if (!program) return { ok: false, issues };
  const labels: Record<string, string> = {};
  const byName = new Map(program.formulas.map((f) => [f.name, f.label]));
  for (const name of program.definitionOrder) labels[name] = byName.get(name) ?? name;

  const evaluate = (inputs: FormulaInputs): EvaluationResult => {
    const result = runProgram(program, inputs);
    if (!result.ok) return result;
    const rebate = result.results.get(REBATE_FORMULA);
    if (rebate === undefined || !Dec.isDecimal(rebate)) {
      return {
        ok: false, formula: REBATE_FORMULA, key: 'eval.rebateNotNumber',
        params: { value: rebate === undefined ? '' : describeValue(rebate) }, values: result.values,
      };
    }
    return { ok: true, values: result.values, rebate: decimalToMoney(rebate) };
  };

  return {
    ok: true,
    evaluationOrder: program.formulas.map((f) => f.name),
    labels,
    variables: program.variables.map((v) => v.variable.name),
    evaluate,
  };
}
