/**
 * The issues of one file: errors and warnings, each list capped (a million-row file with a wrong
 * column would otherwise hold a million issues), the counts exact however many there are.
 */
import type { MessageKey, MessageParams } from './messages';
import type { ImportIssue } from './records';
import { MAX_QUOTE_CHARS, quote } from './limits';
import type { IssuePlace } from '../../domain';

export type IssueLevel = 'error' | 'warning';

export type { IssuePlace };

export const NO_PLACE: IssuePlace = { sheet: null, row: null, column: null, header: null, field: null, value: null };

export const DEFAULT_MAX_ISSUES = 5000;

export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(
    private readonly file: string,
    private readonly max: number = DEFAULT_MAX_ISSUES,
  ) {}

  /**
   * `always`: stored even beyond the cap — for the few file-level issues (no header, mixed signs)
   * that explain the rest and must not be crowded out by a flood of row issues.
   */
  add(level: IssueLevel, key: MessageKey, params: MessageParams, place: IssuePlace, always = false): void {
    this.count(level);
    if (!always && this.isFull(level)) return;
    // A message quotes at most 200 characters of a value (a 50 MB cell must not be repeated in the report).
    const value = params['value'];
    const shortParams = typeof value === 'string' && value.length > MAX_QUOTE_CHARS ? { ...params, value: quote(value) } : params;
    const shortPlace = place.value !== null && place.value.length > MAX_QUOTE_CHARS ? { ...place, value: quote(place.value) } : place;
    (level === 'error' ? this.errors : this.warnings).push({ file: this.file, ...shortPlace, key, params: shortParams });
  }

  /** Lets a caller skip building the place of an issue that will only be counted. */
  isFull(level: IssueLevel): boolean {
    return (level === 'error' ? this.errors : this.warnings).length >= this.max;
  }

  count(level: IssueLevel): void {
    if (level === 'error') this.errorCount++;
    else this.warningCount++;
  }
}
