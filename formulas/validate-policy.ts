import { analyzeFormulas } from './analyze-formulas';
import { issue, type Issue } from './issues';
import { checkPolicyFields, isRecord } from './policy-fields';
import { POLICY_FORMAT, type FormulaDefinition, type ParameterValue, type PolicyFile } from './policy-types';

/**
 * Everything wrong with a policy, for the editor and before every save: fields, parameters and
 * formulas. Never throws; an empty list means the policy can be saved.
 */
export function validatePolicy(json: unknown): Issue[] {
  return parsePolicyFile(json).issues;
}

export type ParsePolicyResult =
  | { ok: true; policy: PolicyFile; issues: [] }
  | { ok: false; issues: Issue[] };

function isParameterValue(v: unknown): v is ParameterValue {
  const num = (x: unknown): boolean => typeof x === 'number' || typeof x === 'string';
  if (num(v)) return true;
  if (Array.isArray(v)) return v.every(num);
  return isRecord(v) && Object.values(v).every(num);
}

/** Reads a policy file (already JSON-parsed) into its typed form, or lists why it cannot. */
export function parsePolicyFile(json: unknown): ParsePolicyResult {
  try {
    if (!isRecord(json)) return { ok: false, issues: [issue('policy.notObject')] };
    const issues: Issue[] = [];
    const fields = checkPolicyFields(json, issues);
    issues.push(...analyzeFormulas(json.parameters, json.formulas).issues);
    if (issues.length > 0) return { ok: false, issues };

    const { code, name, priority, effective_from, effective_to, scope, parameter_labels } = fields;
    const rawParameters = isRecord(json.parameters) ? json.parameters : {};
    const parameters: Record<string, ParameterValue> = {};
    for (const [k, v] of Object.entries(rawParameters)) if (isParameterValue(v)) parameters[k] = v;
    const formulas: FormulaDefinition[] = (Array.isArray(json.formulas) ? json.formulas : []).flatMap((f: unknown) =>
      isRecord(f) && typeof f.name === 'string' && typeof f.expr === 'string'
        ? [typeof f.label === 'string' ? { name: f.name, label: f.label, expr: f.expr } : { name: f.name, expr: f.expr }]
        : [],
    );
    if (code === undefined || name === undefined || priority === undefined || effective_from === undefined) {
      return { ok: false, issues: [issue('policy.notObject')] };
    }
    const policy: PolicyFile = {
      format: POLICY_FORMAT,
      code,
      name,
      priority,
      effective_from,
      ...(effective_to !== undefined ? { effective_to } : {}),
      ...(scope !== undefined ? { scope } : {}),
      parameters,
      ...(parameter_labels !== undefined ? { parameter_labels } : {}),
      formulas,
    };
    return { ok: true, policy, issues: [] };
  } catch (error) {
    // Validation must never take the editor down; report instead of throwing.
    return { ok: false, issues: [issue('eval.internal', { detail: error instanceof Error ? error.message : String(error) })] };
  }
}
