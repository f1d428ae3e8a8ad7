/**
 * The row being read in one sheet, and the issues found in it placed at their column: one object
 * per sheet, reset for each row rather than allocated.
 */
import { displayCell, type CellValue } from './cell-value';
import type { PlannedColumn } from './field-plan';
import type { IssueLevel, IssueLog, IssuePlace } from './issue-log';
import type { FieldName } from './kinds';
import type { MessageKey, MessageParams } from './messages';
import type { RawRow } from './readers/types';
import type { RowContext } from './row-rules';

export class RowCursor implements RowContext {
  row = 0;
  /** errors of the current row; a row with any has no record */
  errors = 0;
  private cells: readonly CellValue[] = [];
  private readonly failedFields = new Set<FieldName>();
  private readonly byField = new Map<FieldName, PlannedColumn>();

  constructor(
    readonly sheet: string,
    plan: readonly PlannedColumn[],
    private readonly log: IssueLog,
  ) {
    for (const column of plan) this.byField.set(column.field, column);
  }

  start(r: RawRow): void {
    this.row = r.row;
    this.cells = r.values;
    this.errors = 0;
    if (this.failedFields.size > 0) this.failedFields.clear();
  }

  error(field: FieldName | null, key: MessageKey, params: MessageParams): void {
    this.errors++;
    this.report('error', field, key, params);
  }

  /** A cell that is there but cannot be read: an error, and the field marked for the rules. */
  unreadable(field: FieldName, key: MessageKey, params: MessageParams): void {
    this.failedFields.add(field);
    this.error(field, key, params);
  }

  warn(field: FieldName | null, key: MessageKey, params: MessageParams): void {
    this.report('warning', field, key, params);
  }

  failed(field: FieldName): boolean {
    return this.failedFields.has(field);
  }

  mapped(field: FieldName): boolean {
    return this.byField.has(field);
  }

  /** The field's column, header and cell as displayed, in the current row. */
  place(field: FieldName | null): IssuePlace {
    const column = field === null ? undefined : this.byField.get(field);
    return {
      sheet: this.sheet,
      row: this.row,
      column: column?.letter ?? null,
      header: column?.header ?? null,
      field,
      value: column ? displayCell(this.cells[column.index]) : null,
    };
  }

  private report(level: IssueLevel, field: FieldName | null, key: MessageKey, params: MessageParams): void {
    if (this.log.isFull(level)) this.log.count(level);
    else this.log.add(level, key, params, this.place(field));
  }
}
