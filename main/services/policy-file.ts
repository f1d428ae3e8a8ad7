import { createHash } from 'node:crypto';
import type { PolicySummaryView } from '../../contract/ops/policies';
import { POLICY_FORMAT, type FormulaDefinition, type ParameterValue, type PolicyFile } from '../../formulas';
import type { NewPolicyVersion, PolicyVersionRow } from '../db/policies-repo';
import { canonicalJson } from '../util/canonical-json';

/** Between a stored version row and the policy file form of formulas.md. */

/** The content hash of a policy file: key order does not matter, every value does. */
export function policyHash(file: PolicyFile): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}

export function fileOfRow(row: PolicyVersionRow): PolicyFile {
  const regions = row.scope_regions_json === null ? undefined : (JSON.parse(row.scope_regions_json) as string[]);
  const grades = row.scope_grades_json === null ? undefined : (JSON.parse(row.scope_grades_json) as string[]);
  return {
    format: POLICY_FORMAT,
    code: row.code,
    name: row.name,
    priority: row.priority,
    effective_from: row.effective_from,
    ...(row.effective_to !== null ? { effective_to: row.effective_to } : {}),
    ...(regions || grades ? { scope: { ...(regions ? { regions } : {}), ...(grades ? { grades } : {}) } } : {}),
    parameters: JSON.parse(row.parameters_json) as Record<string, ParameterValue>,
    ...(row.parameter_labels_json !== null ? { parameter_labels: JSON.parse(row.parameter_labels_json) as Record<string, string> } : {}),
    formulas: JSON.parse(row.formulas_json) as FormulaDefinition[],
  };
}

export function rowOfFile(
  file: PolicyFile,
  meta: Pick<NewPolicyVersion, 'active' | 'source' | 'saved_by' | 'saved_at' | 'comment'>,
): NewPolicyVersion {
  return {
    code: file.code,
    name: file.name,
    priority: file.priority,
    effective_from: file.effective_from,
    effective_to: file.effective_to ?? null,
    scope_regions_json: file.scope?.regions ? JSON.stringify(file.scope.regions) : null,
    scope_grades_json: file.scope?.grades ? JSON.stringify(file.scope.grades) : null,
    parameters_json: JSON.stringify(file.parameters),
    formulas_json: JSON.stringify(file.formulas),
    parameter_labels_json: file.parameter_labels && Object.keys(file.parameter_labels).length > 0 ? JSON.stringify(file.parameter_labels) : null,
    content_hash: policyHash(file),
    ...meta,
  };
}

export function summaryOfRow(row: PolicyVersionRow): PolicySummaryView {
  const file = fileOfRow(row);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    version: row.version,
    priority: row.priority,
    effective_from: row.effective_from,
    effective_to: row.effective_to,
    scope: { regions: file.scope?.regions ?? null, grades: file.scope?.grades ?? null },
    active: row.active === 1,
    formulas: file.formulas.length,
    parameters: Object.keys(file.parameters).length,
    source: row.source,
    saved_by: row.saved_by,
    saved_at: row.saved_at,
    comment: row.comment,
    content_hash: row.content_hash,
  };
}

const one = (v: unknown): string => JSON.stringify(v);

/**
 * The file text as formulas.md shows it: one field per line, each parameter and each formula on a
 * line of its own, so that a diff of two exported files reads like the change that was made.
 */
export function formatPolicyFile(file: PolicyFile): string {
  const lines: string[] = [
    `  "format": ${one(file.format)}`,
    `  "code": ${one(file.code)}`,
    `  "name": ${one(file.name)}`,
    `  "priority": ${one(file.priority)}`,
    `  "effective_from": ${one(file.effective_from)}`,
  ];
  if (file.effective_to !== undefined) lines.push(`  "effective_to": ${one(file.effective_to)}`);
  if (file.scope !== undefined) {
    const parts = [
      ...(file.scope.regions ? [`"regions": ${list(file.scope.regions)}`] : []),
      ...(file.scope.grades ? [`"grades": ${list(file.scope.grades)}`] : []),
    ];
    lines.push(`  "scope": { ${parts.join(', ')} }`);
  }
  const params = Object.entries(file.parameters).map(([k, v]) => `    ${one(k)}: ${compact(v)}`);
  lines.push(params.length ? `  "parameters": {\n${params.join(',\n')}\n  }` : '  "parameters": {}');
  const labels = Object.entries(file.parameter_labels ?? {}).map(([k, v]) => `    ${one(k)}: ${one(v)}`);
  if (labels.length) lines.push(`  "parameter_labels": {\n${labels.join(',\n')}\n  }`);
  const formulas = file.formulas.map(
    (f) => `    { "name": ${one(f.name)}, ${f.label !== undefined ? `"label": ${one(f.label)}, ` : ''}"expr": ${one(f.expr)} }`,
  );
  lines.push(formulas.length ? `  "formulas": [\n${formulas.join(',\n')}\n  ]` : '  "formulas": []');
  return `{\n${lines.join(',\n')}\n}\n`;
}

const list = (v: readonly unknown[]): string => `[${v.map(one).join(', ')}]`;

function compact(v: ParameterValue): string {
  if (Array.isArray(v)) return list(v);
  if (typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${one(k)}: ${one(x)}`).join(', ')} }`;
  return one(v);
}
