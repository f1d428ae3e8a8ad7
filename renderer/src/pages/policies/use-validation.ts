import { useMemo } from 'react';
import type { Lang } from '../../../../contract/roles';
import { formatIssue, validatePolicy, type Issue } from '../../../../formulas';
import { fileOfDraft, type PolicyDraft } from './draft';
import type { EditorProblem } from './FormulaEditor';

export interface Validation {
  valid: boolean;
  count: number;
  /** per formula row id: what to underline in its editor */
  problems: ReadonlyMap<string, EditorProblem[]>;
  /** per formula row id: problems without a place in the text (name, cycle, …) */
  notes: ReadonlyMap<string, string[]>;
  /** problems of the policy's fields and parameters */
  general: string[];
}

const NONE: EditorProblem[] = [];

/** validatePolicy on every change (it is fast and pure), sorted to where each problem shows. */
export function useValidation(draft: PolicyDraft, lang: Lang): Validation {
  return useMemo(() => {
    const issues: Issue[] = validatePolicy(fileOfDraft(draft));
    const problems = new Map<string, EditorProblem[]>();
    const notes = new Map<string, string[]>();
    const general: string[] = [];
    const indexOfField = (field: string | undefined): number | undefined => {
      const m = field ? /^formulas\[(\d+)\]/.exec(field) : null;
      return m ? Number(m[1]) : undefined;
    };
    for (const issue of issues) {
      const index = indexOfField(issue.field);
      const row = (index !== undefined ? draft.formulas[index] : undefined) ?? draft.formulas.find((f) => f.name === issue.formula);
      const message = formatIssue({ key: issue.key, params: issue.params }, lang);
      if (!row) general.push(formatIssue(issue, lang));
      else if (issue.position && !issue.field?.endsWith('.name')) {
        problems.set(row.id, [...(problems.get(row.id) ?? NONE), { from: issue.position.start, to: issue.position.end, message }]);
      } else notes.set(row.id, [...(notes.get(row.id) ?? []), message]);
    }
    return { valid: issues.length === 0, count: issues.length, problems, notes, general };
  }, [draft, lang]);
}
