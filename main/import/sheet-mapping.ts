/**
 * What a recognised header tells the user: the mapping the UI's 识别与映射 step shows, and the
 * header's report lines (columns ignored, fields several columns could be) placed at their column.
 */
import { headerNotes, type HeaderMatch } from './headers';
import type { IssuePlace } from './issue-log';
import type { FieldName } from './kinds';
import type { Problem } from './messages';

export interface SheetMapping {
  sheet: string;
  /** the header's (last) row as Excel numbers it */
  header_row: number;
  header_row_span: 1 | 2;
  /** the header's signature: the key a saved template is found by */
  signature: string;
  /** mapped columns, left to right, with the header as in the file */
  columns: { column: string; field: FieldName; header: string }[];
  /** columns with a header that matched nothing (and were not assigned) */
  ignored: { column: string; header: string }[];
}

export function sheetMapping(sheet: string, match: HeaderMatch): SheetMapping {
  return {
    sheet,
    header_row: match.headerRow,
    header_row_span: match.headerRowSpan,
    signature: match.signature,
    columns: match.columns.map((c) => ({ column: c.letter, field: c.field, header: c.header })),
    ignored: match.unmatched.map((c) => ({ column: c.letter, header: c.header })),
  };
}

/** headerNotes, each at the header row and the column it is about. */
export function headerIssues(sheet: string, match: HeaderMatch): { problem: Problem; place: IssuePlace }[] {
  const headers = new Map<string, string>();
  for (const c of [...match.columns, ...match.unmatched]) headers.set(c.letter, c.header);
  return headerNotes(match).map((problem) => {
    const column = typeof problem.params['column'] === 'string' ? problem.params['column'] : null;
    const field = typeof problem.params['field'] === 'string' ? problem.params['field'] : null;
    const header = column === null ? null : (headers.get(column) ?? null);
    return { problem, place: { sheet, row: match.headerRow, column, header, field, value: header } };
  });
}
