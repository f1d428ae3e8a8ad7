import type { MessageKey } from './message-catalogue';

/** Where in a formula's text an issue is: [start, end) character offsets, 1-based line/column. */
export interface SourcePosition {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type IssueParams = Record<string, string | number>;

/**
 * One problem found in a policy. `key` is stable (tests, UI and translations rely on it);
 * `formula` names the formula, `field` the JSON path of the offending field.
 */
export interface Issue {
  key: MessageKey;
  params: IssueParams;
  formula?: string;
  field?: string;
  position?: SourcePosition;
}

export function issue(key: MessageKey, params: IssueParams = {}, where: Omit<Issue, 'key' | 'params'> = {}): Issue {
  return { key, params, ...where };
}
