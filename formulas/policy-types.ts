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
  formulas: FormulaDefinition[];
}
