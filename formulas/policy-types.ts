/**
 * The policy file form of formulas.md (`.json`, imported and exported by the UI and the CLI).
 * Plain types, no schema library: parse-policy-file.ts checks an unknown value against them.
 */
export const POLICY_FORMAT = 'rebate-policy/1';

/**
 * A parameter is a number, a list of numbers (ladder thresholds, rates) or a table of numbers keyed
 * by text (lookup tables). A number may be written as decimal text ("0.005") to keep more digits
 * than a JSON number holds exactly. Text parameters are not supported: text constants read better
 * inside the formula itself (`region == "华北"`).
 */
export type ParameterNumber = number | string;
export type ParameterValue =
  | ParameterNumber
  | readonly ParameterNumber[]
  | Readonly<Record<string, ParameterNumber>>;

export interface FormulaDefinition {
  name: string;
  /** Shown as the column header in exports; the name when absent. */
  label?: string;
  expr: string;
}

export interface PolicyScope {
  /** Absent: every region. */
  regions?: string[];
  /** Absent: every grade. */
  grades?: string[];
}

export interface PolicyFile {
  format: typeof POLICY_FORMAT;
  code: string;
  name: string;
  priority: number;
  /** YYYY-MM, inclusive. */
  effective_from: string;
  /** YYYY-MM, inclusive; absent = open-ended. */
  effective_to?: string;
  scope?: PolicyScope;
  parameters: Record<string, ParameterValue>;
  /**
   * Optional Chinese (or any) label per parameter, shown with the code beside it (formulas.md is
   * silent on parameter labels: a separate map keeps every parameter value as it was, so a table
   * parameter can never be mistaken for a labelled value, and files without it stay valid).
   */
  parameter_labels?: Record<string, string>;
  formulas: FormulaDefinition[];
}

/** How a parameter's value reads on a screen or a sheet: `0.005`, `[0, 100000]`, `A: 1.2, B: 1`. */
export function parameterText(v: ParameterValue): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return Object.entries(v)
    .map(([k, n]) => `${k}: ${String(n)}`)
    .join(', ');
}

/** Every parameter with its label (the code when the file gives none) and its value as text. */
export function labelledParameters(file: Pick<PolicyFile, 'parameters' | 'parameter_labels'>): { name: string; label: string; value: string }[] {
  return Object.entries(file.parameters).map(([name, v]) => ({ name, label: file.parameter_labels?.[name]?.trim() || name, value: parameterText(v) }));
}
