import { findBuiltinVariable } from './builtin-variables';
import { toDec, type Dec } from './decimal';
import { findFunction } from './function-catalogue';
import { isValidName } from './identifier';
import { issue, type Issue } from './issues';
import type { Scalar, Value } from './values';

export const MAX_PARAMETER_LIST = 100;
export const MAX_PARAMETER_TABLE = 10000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks one parameter (pushing its issues) and converts it to the value formulas see;
 * undefined when the value itself is unusable.
 */
export function convertParameter(name: string, raw: unknown, issues: Issue[]): Value | undefined {
  const field = `parameters.${name}`;
  if (!isValidName(name)) issues.push(issue('parameter.nameInvalid', { name }, { field }));
  const variable = findBuiltinVariable(name);
  if (variable) issues.push(issue('parameter.shadowsVariable', { name, variable: variable.name }, { field }));
  if (findFunction(name)) issues.push(issue('parameter.shadowsFunction', { name }, { field }));

  const number = (v: unknown, path: string): Dec | undefined => {
    const d = typeof v === 'number' || typeof v === 'string' ? toDec(v) : undefined;
    if (d === undefined) issues.push(issue('parameter.notNumber', { name, path, value: JSON.stringify(v) ?? String(v) }, { field }));
    return d;
  };

  let value: Value | undefined;
  if (typeof raw === 'number' || typeof raw === 'string') {
    value = number(raw, name);
  } else if (Array.isArray(raw)) {
    if (raw.length === 0) issues.push(issue('parameter.empty', { name }, { field }));
    else if (raw.length > MAX_PARAMETER_LIST) issues.push(issue('parameter.tooLarge', { name, max: MAX_PARAMETER_LIST }, { field }));
    else {
      const items = raw.map((v: unknown, i) => number(v, `#${i + 1}`));
      value = items.every((d): d is Dec => d !== undefined) ? items : undefined;
    }
  } else if (isRecord(raw)) {
    const entries = Object.entries(raw);
    if (entries.length === 0) issues.push(issue('parameter.empty', { name }, { field }));
    else if (entries.length > MAX_PARAMETER_TABLE) issues.push(issue('parameter.tooLarge', { name, max: MAX_PARAMETER_TABLE }, { field }));
    else {
      const map = new Map<string, Scalar>();
      for (const [k, v] of entries) {
        const d = number(v, k);
        if (d !== undefined) map.set(k, d);
      }
      value = map.size === entries.length ? { kind: 'table', entries: map } : undefined;
    }
  } else {
    issues.push(issue('parameter.type', { name }, { field }));
  }
  return value;
}
