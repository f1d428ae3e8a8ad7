import type { Lang } from '../../contract/roles';
import type { IssueView } from '../../contract/ops/imports';
import { messageText } from '../i18n/messages';
import { formatMessage, IMPORT_MESSAGES, type MessageKey } from '../import/messages';
import type { ImportIssue } from '../import/records';

/** One problem as the CLI's JSON and the UI show it: where, what, and the message. */
export type IssueOut = IssueView;

function isImportKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(IMPORT_MESSAGES, key);
}

export function issueOut(i: ImportIssue, lang: Lang): IssueOut {
  const message = isImportKey(i.key) ? formatMessage(i.key, i.params, lang) : messageText(i.key, i.params, lang);
  return { file: i.file, sheet: i.sheet, row: i.row, column: i.column, header: i.header, field: i.field, value: i.value, key: i.key, message };
}

export function fileIssue(file: string, key: string, params: Record<string, string | number> = {}): ImportIssue {
  return { file, sheet: null, row: null, column: null, header: null, field: null, value: null, key, params };
}
