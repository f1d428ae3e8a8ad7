import { issue, type Issue } from './issues';
import { POLICY_FORMAT, type PolicyScope } from './policy-types';
import { PERIOD_PATTERN } from '../domain';

/** Checks of a policy's own fields (everything but parameters and formulas). */

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MONTH_PATTERN = PERIOD_PATTERN;

const TOP_LEVEL_FIELDS = new Set([
  'format', 'code', 'name', 'priority', 'effective_from', 'effective_to', 'scope', 'parameters', 'parameter_labels', 'formulas',
]);
const SCOPE_FIELDS = new Set(['regions', 'grades']);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface PolicyFields {
  code?: string;
  name?: string;
  priority?: number;
  effective_from?: string;
  effective_to?: string;
  scope?: PolicyScope;
  parameter_labels?: Record<string, string>;
}

function month(json: Record<string, unknown>, field: string, issues: Issue[], required: boolean): string | undefined {
  const v = json[field];
  if (v === undefined || v === null) {
    if (required) issues.push(issue('policy.fieldMissing', { field }, { field }));
    return undefined;
  }
  if (typeof v === 'string' && MONTH_PATTERN.test(v)) return v;
  issues.push(issue('policy.monthInvalid', { field, value: typeof v === 'string' ? v : JSON.stringify(v) ?? '' }, { field }));
  return undefined;
}

function textList(raw: unknown, field: string, issues: Issue[]): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    issues.push(issue('policy.fieldType', { field, expected: 'textList' }, { field }));
    return undefined;
  }
  if (raw.length === 0) {
    issues.push(issue('policy.scopeEmpty', { field }, { field }));
    return undefined;
  }
  const out: string[] = [];
  raw.forEach((v: unknown, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else issues.push(issue('policy.fieldType', { field: `${field}[${i}]`, expected: 'nonEmptyText' }, { field: `${field}[${i}]` }));
  });
  return out.length === raw.length ? out : undefined;
}

function scope(raw: unknown, issues: Issue[]): PolicyScope | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    issues.push(issue('policy.fieldType', { field: 'scope', expected: 'object' }, { field: 'scope' }));
    return undefined;
  }
  for (const k of Object.keys(raw)) {
    if (!SCOPE_FIELDS.has(k)) issues.push(issue('policy.fieldUnknown', { field: `scope.${k}` }, { field: `scope.${k}` }));
  }
  const regions = textList(raw.regions, 'scope.regions', issues);
  const grades = textList(raw.grades, 'scope.grades', issues);
  return { ...(regions ? { regions } : {}), ...(grades ? { grades } : {}) };
}

/** `parameter_labels`: text per parameter name, every name one of `parameters`. */
function parameterLabels(json: Record<string, unknown>, issues: Issue[]): Record<string, string> | undefined {
  const raw = json.parameter_labels;
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    issues.push(issue('policy.fieldType', { field: 'parameter_labels', expected: 'object' }, { field: 'parameter_labels' }));
    return undefined;
  }
  const parameters = isRecord(json.parameters) ? json.parameters : {};
  const out: Record<string, string> = {};
  let ok = true;
  for (const [name, label] of Object.entries(raw)) {
    const field = `parameter_labels.${name}`;
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) {
      issues.push(issue('policy.labelUnknownParameter', { name }, { field }));
      ok = false;
    } else if (typeof label !== 'string' || label.trim() === '') {
      issues.push(issue('policy.fieldType', { field, expected: 'nonEmptyText' }, { field }));
      ok = false;
    } else out[name] = label.trim();
  }
  return ok && Object.keys(out).length > 0 ? out : undefined;
}

export function checkPolicyFields(json: Record<string, unknown>, issues: Issue[]): PolicyFields {
  const fields: PolicyFields = {};
  for (const k of Object.keys(json)) {
    if (!TOP_LEVEL_FIELDS.has(k)) issues.push(issue('policy.fieldUnknown', { field: k }, { field: k }));
  }
  if (json.format === undefined) issues.push(issue('policy.fieldMissing', { field: 'format' }, { field: 'format' }));
  else if (json.format !== POLICY_FORMAT) {
    issues.push(issue('policy.format', { expected: POLICY_FORMAT, actual: String(json.format) }, { field: 'format' }));
  }

  const code = json.code;
  if (code === undefined) issues.push(issue('policy.fieldMissing', { field: 'code' }, { field: 'code' }));
  else if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
    issues.push(issue('policy.codeInvalid', { code: typeof code === 'string' ? code : JSON.stringify(code) ?? '' }, { field: 'code' }));
  } else fields.code = code;

  const name = json.name;
  if (name === undefined) issues.push(issue('policy.fieldMissing', { field: 'name' }, { field: 'name' }));
  else if (typeof name !== 'string') issues.push(issue('policy.fieldType', { field: 'name', expected: 'text' }, { field: 'name' }));
  else if (name.trim() === '') issues.push(issue('policy.nameEmpty', {}, { field: 'name' }));
  else fields.name = name;

  const priority = json.priority;
  if (priority === undefined) issues.push(issue('policy.fieldMissing', { field: 'priority' }, { field: 'priority' }));
  else if (typeof priority !== 'number' || !Number.isSafeInteger(priority)) {
    issues.push(issue('policy.priorityInvalid', { value: JSON.stringify(priority) ?? '' }, { field: 'priority' }));
  } else fields.priority = priority;

  const from = month(json, 'effective_from', issues, true);
  const to = month(json, 'effective_to', issues, false);
  if (from !== undefined) fields.effective_from = from;
  if (to !== undefined) fields.effective_to = to;
  if (from !== undefined && to !== undefined && from > to) {
    issues.push(issue('policy.periodOrder', { from, to }, { field: 'effective_to' }));
  }

  const s = scope(json.scope, issues);
  if (s !== undefined) fields.scope = s;
  const labels = parameterLabels(json, issues);
  if (labels !== undefined) fields.parameter_labels = labels;
  return fields;
}
