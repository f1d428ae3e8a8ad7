import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { isBlankRow, isTotalsRow } from './rows';

describe('isTotalsRow', () => {
  it.each<CellValue[]>([
    ['合计', null, null, 12345.6],
    [null, '', '总计', 100],
    ['小计：', 1, 2],
    ['本页合计', 88],
    ['合计（元）', 88],
    ['Total', 88],
    [' TOTAL: ', 88],
    ['Grand Total', 88],
    ['subtotal', 5],
    ['Sub Total', 5],
    ['华东', '小计', 5],
    [{ richText: [{ text: '合' }, { text: '计' }] }, 5],
    ['ｔｏｔａｌ', 5],
  ])('%j is a totals row', (...cells) => {
    expect(isTotalsRow(cells)).toBe(true);
  });

  it.each<CellValue[]>([
    ['XS0001', '2026-01-05', 'D001', 100],
    ['XS0001', '2026-01-05', '合计'],
    ['合计贸易有限公司', 100],
    ['totally', 1],
    [123, '合计'.repeat(2)],
    [],
    [null, null],
  ])('%j is not a totals row', (...cells) => {
    expect(isTotalsRow(cells)).toBe(false);
  });
});

describe('isBlankRow', () => {
  it('is blank when every cell is empty, whitespace, empty rich text or an empty formula result', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, undefined, '', '  ', '\u3000', { richText: [] }, { formula: 'A1', result: '' }])).toBe(true);
  });

  it('is not blank with a value, zero, an error or a formula without result', () => {
    expect(isBlankRow([null, 0])).toBe(false);
    expect(isBlankRow([null, 'x'])).toBe(false);
    expect(isBlankRow([{ error: '#N/A' }])).toBe(false);
    expect(isBlankRow([{ formula: 'A1' }])).toBe(false);
    expect(isBlankRow([false])).toBe(false);
  });
});
