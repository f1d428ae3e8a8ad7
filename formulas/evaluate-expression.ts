import { analyzeFormulas } from './analyze-formulas';
import type { FormulaInputs } from './inputs';
import type { Issue } from './issues';
import type { ParameterValue } from './policy-types';
import { runProgram } from './run-program';

export type ExpressionResult = { ok: true; value: string } | { ok: false; issues: Issue[] };

const NAME = '__expression__';

/**
 * Evaluates one expression on its own, e.g. the editor's "try it" box: the same checks and the
 * same arithmetic as a policy's formulas; the value at full precision (not rounded).
 */
export function evaluateExpression(
  expr: string,
  inputs: FormulaInputs = {},
  parameters: Record<string, ParameterValue> = {},
): ExpressionResult {
  const strip = ({ formula: _formula, ...rest }: Issue): Issue => rest;
  try {
    const { issues, program } = analyzeFormulas(parameters, [{ name: NAME, expr }], { requireRebate: false });
    if (!program) return { ok: false, issues: issues.map(strip) };
    const result = runProgram(program, inputs);
    if (!result.ok) return { ok: false, issues: [{ key: result.key, params: result.params }] };
    return { ok: true, value: result.values[NAME] ?? '' };
  } catch (error) {
    return { ok: false, issues: [{ key: 'eval.internal', params: { detail: error instanceof Error ? error.message : String(error) } }] };
  }
}
