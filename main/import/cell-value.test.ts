import type { CellValue as ExcelCellValue } from 'exceljs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { displayCell, isBlankCell, scalarOf, type CellValue } from './cell-value';

describe('CellValue', () => {
  it('accepts every value ExcelJS yields', () => {
    expectTypeOf<ExcelCellValue>().toExtend<CellValue>();
  });

  it('reduces each shape to its scalar', () => {
    expect(scalarOf(null)).toEqual({ type: 'blank' });
    expect(scalarOf(undefined)).toEqual({ type: 'blank' });
    expect(scalarOf(' ')).toEqual({ type: 'blank' });
    expect(scalarOf(0)).toEqual({ type: 'number', value: 0 });
    expect(scalarOf('x')).toEqual({ type: 'string', value: 'x' });
    expect(scalarOf(false)).toEqual({ type: 'boolean', value: false });
    expect(scalarOf({ richText: [{ text: 'a' }, { text: 'b' }] })).toEqual({ type: 'string', value: 'ab' });
    expect(scalarOf({ text: 'site', hyperlink: 'https://x' })).toEqual({ type: 'string', value: 'site' });
    expect(scalarOf({ formula: '1+1', result: 2 })).toEqual({ type: 'number', value: 2 });
    expect(scalarOf({ sharedFormula: 'A2', result: 'x' })).toEqual({ type: 'string', value: 'x' });
    expect(scalarOf({ formula: 'NOW()' })).toEqual({ type: 'no-result', formula: 'NOW()' });
    expect(scalarOf({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ type: 'error', value: '#DIV/0!' });
    expect(scalarOf({ error: '#NAME?' })).toEqual({ type: 'error', value: '#NAME?' });
  });

  it('displays values for messages', () => {
    expect(displayCell(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(displayCell({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(displayCell(true)).toBe('TRUE');
    expect(displayCell(1.5)).toBe('1.5');
    expect(isBlankCell({ richText: [{ text: ' ' }] })).toBe(true);
  });
});
