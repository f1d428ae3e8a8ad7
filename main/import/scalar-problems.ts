/** The problems every reader shares: an empty cell, an Excel error value, a formula without a result. */
import { displayCell, type CellValue, type ScalarCell } from './cell-value';
import type { FieldName } from './kinds';
import type { MessageParams } from './messages';
import { fail, type ParseResult } from './result';

export function valueParams(cell: CellValue, field: FieldName | undefined): MessageParams {
  const params: MessageParams = { value: displayCell(cell) };
  if (field !== undefined) params['field'] = field;
  return params;
}

export type NonValueScalar = Extract<ScalarCell, { type: 'blank' | 'error' | 'no-result' }>;

export function problemOfScalar<T>(scalar: NonValueScalar, cell: CellValue, field: FieldName | undefined): ParseResult<T> {
  const params = valueParams(cell, field);
  switch (scalar.type) {
    case 'blank':
      return fail('import.value.missing', params);
    case 'error':
      return fail('import.value.cell_error', params);
    case 'no-result':
      return fail('import.value.formula_no_result', params);
  }
}
