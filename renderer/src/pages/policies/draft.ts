import { EXAMPLE_POLICY, POLICY_FORMAT, type ParameterValue, type PolicyFile } from '../../../../formulas';

/** The policy being edited: the file form with editing conveniences (ids for rows, empty = all). */
export interface FormulaRow {
  id: string;
  name: string;
  label: string;
  expr: string;
}

export interface PolicyDraft {
  code: string;
  name: string;
  priority: number | null;
  effective_from: string;
  effective_to: string | null;
  /** empty = every region / grade (no scope field in the file) */
  regions: string[];
  grades: string[];
  parameters: Record<string, ParameterValue>;
  /** parameter code → its label (the file's parameter_labels); a label of a removed parameter is dropped on save */
  parameterLabels: Record<string, string>;
  formulas: FormulaRow[];
}

let nextId = 0;
export const newId = (): string => `f${++nextId}`;

export function draftOfFile(file: PolicyFile): PolicyDraft {
  return {
    code: file.code,
    name: file.name,
    priority: file.priority,
    effective_from: file.effective_from,
    effective_to: file.effective_to ?? null,
    regions: file.scope?.regions ?? [],
    grades: file.scope?.grades ?? [],
    parameters: file.parameters,
    parameterLabels: file.parameter_labels ?? {},
    formulas: file.formulas.map((f) => ({ id: newId(), name: f.name, label: f.label ?? '', expr: f.expr })),
  };
}

/** The file form, possibly invalid while typing (e.g. no priority yet): validated, then sent. */
export type DraftFile = Omit<PolicyFile, 'priority'> & { priority?: number };

export function fileOfDraft(d: PolicyDraft): DraftFile {
  const scope = {
    ...(d.regions.length ? { regions: d.regions } : {}),
    ...(d.grades.length ? { grades: d.grades } : {}),
  };
  return {
    format: POLICY_FORMAT,
    code: d.code,
    name: d.name,
    ...(d.priority !== null ? { priority: d.priority } : {}),
    effective_from: d.effective_from,
    ...(d.effective_to ? { effective_to: d.effective_to } : {}),
    ...(d.regions.length || d.grades.length ? { scope } : {}),
    parameters: d.parameters,
    ...labelsOf(d),
    formulas: d.formulas.map((f) => (f.label.trim() ? { name: f.name, label: f.label, expr: f.expr } : { name: f.name, expr: f.expr })),
  };
}

/** The labels of the parameters that exist, trimmed; no field at all when there is none (old files stay as they were). */
function labelsOf(d: PolicyDraft): { parameter_labels?: Record<string, string> } {
  const labels = Object.entries(d.parameterLabels).flatMap(([k, v]): [string, string][] => (k in d.parameters && v.trim() ? [[k, v.trim()]] : []));
  return labels.length ? { parameter_labels: Object.fromEntries(labels) } : {};
}

/** A new policy starts from the example of formulas.md: something that works, to change. */
export function templateDraft(year: number): PolicyDraft {
  return draftOfFile({
    ...EXAMPLE_POLICY,
    code: `NEW-${year}`,
    name: '',
    effective_from: `${year}-01`,
    effective_to: `${year}-12`,
  });
}
