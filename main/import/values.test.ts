import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { numberToDecimal } from './decimal';
import { parseCode, parseDecimal, parseMoney, parseRate, parseStatus, parseText } from './values';
import { decimalToMoney, plainDecimal, WideDecimal } from '../../domain';

const value = (r: { ok: boolean; value?: unknown }): unknown => (r.ok ? r.value : r);

describe('parseMoney: number cells', () => {
  it.each<[number, string]>([
    [1234.5, '1234.50'],
    [0, '0.00'],
    [-0, '0.00'],
    [12, '12.00'],
    [0.125, '0.13'],
    [1.005, '1.01'], // binary 1.00499999…; read from its shortest form "1.005", as Excel displays it
    [2.675, '2.68'],
    [-2.675, '-2.68'], // half away from zero
    [-0.004, '0.00'],
    [0.1 + 0.2, '0.30'],
    [9999999999.99, '9999999999.99'],
    [1.5e-7, '0.00'],
    [123456789.995, '123456790.00'],
  ])('%s → %s', (n, expected) => {
    expect(parseMoney(n)).toEqual({ ok: true, value: expected });
  });

  it('refuses non-finite numbers', () => {
    expect(parseMoney(Number.NaN)).toMatchObject({ ok: false, key: 'import.value.not_number' });
    expect(parseMoney(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
  });
});

describe('parseMoney: numbers stored as text', () => {
  it.each<[string, string]>([
    ['1,234.50', '1234.50'],
    ['¥1,234.50', '1234.50'],
    ['￥1,234.50', '1234.50'],
    ['RMB 1,234.50', '1234.50'],
    ['rmb1234.5', '1234.50'],
    ['CNY 1,234.5', '1234.50'],
    [' 1234.5 ', '1234.50'],
    ['(1,234.50)', '-1234.50'],
    ['（1,234.50）', '-1234.50'],
    ['-1,234.50', '-1234.50'],
    ['-¥1,234.50', '-1234.50'],
    ['¥-1,234.50', '-1234.50'],
    ['1,234.50-', '-1234.50'],
    ['+12', '12.00'],
    ['1.2万', '12000.00'],
    ['1.23456万', '12345.60'],
    ['3亿', '300000000.00'],
    ['1,234.50元', '1234.50'],
    ['１，２３４．５０', '1234.50'],
    ['１２３４.５', '1234.50'],
    ['1,234,567.891', '1234567.89'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['.5', '0.50'],
    ['1.5E+3', '1500.00'],
    ['-', '0.00'],
    [' ¥ - ', '0.00'],
    ['1234.5\n', '1234.50'],
  ])('%j → %s', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['abc', '1,2', '1,23.4', '12,3456', '1.2.3', '--1', '(-1)', '85%', '1 234', '$12', '¥', '()', '1,234.50-元-', '万'])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text, { field: 'amount' })).toEqual({
        ok: false,
        key: 'import.value.not_number',
        params: { field: 'amount', value: text.trim() },
      });
    },
  );
});

describe('parseMoney: other cell shapes', () => {
  it('reads formula results, rich text and hyperlinks', () => {
    expect(value(parseMoney({ formula: 'B2*C2', result: 99.995 }))).toBe('100.00');
    expect(value(parseMoney({ sharedFormula: 'D2', result: 12.3 }))).toBe('12.30');
    expect(value(parseMoney({ richText: [{ text: '1,2' }, { text: '34.5' }] }))).toBe('1234.50');
    expect(value(parseMoney({ text: '88', hyperlink: 'https://example.com' }))).toBe('88.00');
  });

  it('reports a formula without a cached result, and error values', () => {
    expect(parseMoney({ formula: 'SUM(A1:A3)' }, { field: 'amount' })).toEqual({
      ok: false,
      key: 'import.value.formula_no_result',
      params: { field: 'amount', value: '=SUM(A1:A3)' },
    });
    expect(parseMoney({ formula: 'A1/0', result: { error: '#DIV/0!' } })).toMatchObject({ ok: false, key: 'import.value.cell_error', params: { value: '#DIV/0!' } });
    expect(parseMoney({ error: '#N/A' })).toMatchObject({ ok: false, key: 'import.value.cell_error', params: { value: '#N/A' } });
  });

  it.each<CellValue>([null, undefined, '', '   ', { richText: [] }, { formula: 'A1', result: '' }])('reports %j as missing', (cell) => {
    expect(parseMoney(cell)).toMatchObject({ ok: false, key: 'import.value.missing' });
  });

  it('refuses booleans and dates', () => {
    expect(parseMoney(true)).toMatchObject({ ok: false, key: 'import.value.not_number', params: { value: 'TRUE' } });
    expect(parseMoney(new Date(Date.UTC(2026, 0, 5)))).toMatchObject({ ok: false, params: { value: '2026-01-05' } });
  });
});

describe('parseDecimal', () => {
  it.each<[CellValue, string]>([
    [3, '3'],
    [1.5, '1.5'],
    [0.333, '0.333'],
    [0.1 + 0.2, '0.30000000000000004'], // the number as the file holds it
    [1e-7, '0.0000001'],
    [999999999.9999, '999999999.9999'],
    ['1,000', '1000'],
    ['12.50', '12.5'],
    ['(3)', '-3'],
    ['1.5万', '15000'],
    [-0, '0'],
  ])('%j → %s', (cell, expected) => {
    expect(parseDecimal(cell)).toEqual({ ok: true, value: expected });
  });

  it('refuses text that is not a number', () => {
    expect(parseDecimal('三箱', { field: 'quantity' })).toMatchObject({ ok: false, key: 'import.value.not_number', params: { field: 'quantity' } });
  });
});

describe('parseRate', () => {
  it.each<[CellValue, string]>([
    [0.85, '0.85'],
    [1.2, '1.2'],
    [1.5, '1.5'],
    ['85%', '0.85'],
    ['85.5 %', '0.855'],
    ['８５％', '0.85'],
    ['120%', '1.2'],
    ['0.85', '0.85'],
    [{ formula: 'B2/C2', result: 0.9 }, '0.9'],
  ])('%j → %s', (cell, expected) => {
    expect(parseRate(cell)).toEqual({ ok: true, value: expected });
  });

  it('takes a %-formatted number cell as is, however large', () => {
    expect(parseRate(0.85, { percentFormat: true })).toEqual({ ok: true, value: '0.85' });
    expect(parseRate(1.6, { percentFormat: true })).toEqual({ ok: true, value: '1.6' });
  });

  it('reads a plain number > 1.5 as a percentage, with a warning', () => {
    expect(parseRate(85, { field: 'achievement_rate' })).toEqual({
      ok: true,
      value: '0.85',
      warning: { key: 'import.value.rate_as_percent', params: { field: 'achievement_rate', value: '85', result: '85%' } },
    });
    expect(parseRate('92.5')).toMatchObject({ ok: true, value: '0.925', warning: { key: 'import.value.rate_as_percent' } });
  });

  it('refuses what is not a rate', () => {
    expect(parseRate('abc%')).toMatchObject({ ok: false, key: 'import.value.not_rate' });
    expect(parseRate('high')).toMatchObject({ ok: false, key: 'import.value.not_rate' });
    expect(parseRate(true)).toMatchObject({ ok: false, key: 'import.value.not_rate' });
    expect(parseRate(null)).toMatchObject({ ok: false, key: 'import.value.missing' });
    expect(parseRate({ error: '#VALUE!' })).toMatchObject({ ok: false, key: 'import.value.cell_error' });
  });
});

describe('parseCode', () => {
  it.each<[CellValue, string]>([
    [123, '123'],
    [123.0, '123'],
    [1e20, '100000000000000000000'],
    [12.5, '12.5'],
    [' d001 ', 'D001'],
    ['ｄ００１', 'D001'],
    ['00123', '00123'],
    [{ richText: [{ text: 'xs-' }, { text: '001' }] }, 'XS-001'],
    [{ text: 'c9', hyperlink: 'mailto:x' }, 'C9'],
    [{ formula: 'A1', result: 42 }, '42'],
  ])('%j → %s', (cell, expected) => {
    expect(parseCode(cell)).toMatchObject({ ok: true, value: expected });
  });

  it('warns when a number code is longer than Excel keeps', () => {
    expect(parseCode(123456789012345680000, { field: 'doc_no' })).toEqual({
      ok: true,
      value: '123456789012345680000',
      warning: { key: 'import.value.code_digits_lost', params: { field: 'doc_no', value: '123456789012345680000' } },
    });
    expect(parseCode(123456789012345)).toEqual({ ok: true, value: '123456789012345' });
  });

  it('refuses dates and booleans, reports blanks', () => {
    expect(parseCode(new Date(Date.UTC(2026, 0, 5)))).toMatchObject({ ok: false, key: 'import.value.not_code' });
    expect(parseCode(false)).toMatchObject({ ok: false, key: 'import.value.not_code' });
    expect(parseCode('  ')).toMatchObject({ ok: false, key: 'import.value.missing' });
  });
});

describe('parseText', () => {
  it.each<[CellValue, string]>([
    ['  华东 ', '华东'],
    [{ richText: [{ text: '上海' }, { text: '商贸' }] }, '上海商贸'],
    [{ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' }, '链接'],
    [{ formula: 'A1&B1', result: 'AB' }, 'AB'],
    [2026, '2026'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2026, 0, 5)), '2026-01-05'],
  ])('%j → %s', (cell, expected) => {
    expect(parseText(cell)).toEqual({ ok: true, value: expected });
  });

  it('reports formulas without result and errors', () => {
    expect(parseText({ formula: 'VLOOKUP(A2,x,2)' })).toMatchObject({ ok: false, key: 'import.value.formula_no_result' });
    expect(parseText({ error: '#REF!' })).toMatchObject({ ok: false, key: 'import.value.cell_error' });
  });
});

describe('parseStatus', () => {
  it.each<[CellValue, string]>([
    ['启用', 'active'],
    ['正常', 'active'],
    ['Active', 'active'],
    ['停用', 'inactive'],
    ['冻结', 'inactive'],
    [' INACTIVE ', 'inactive'],
    [null, 'active'],
  ])('%j → %s', (cell, expected) => {
    expect(parseStatus(cell)).toEqual({ ok: true, value: expected });
  });

  it('refuses other words', () => {
    expect(parseStatus('暂停', { field: 'status' })).toEqual({ ok: false, key: 'import.value.not_status', params: { field: 'status', value: '暂停' } });
  });
});

describe('number cells: the fast path agrees with the Decimal path', () => {
  const numbers = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
    fc.constantFrom(0, -0, 1e21, 1e-7, 2.675, 1.005, -0.005, Number.MAX_SAFE_INTEGER, 123456789012345680000),
  );

  it('for money, decimals and codes', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        const decimal = numberToDecimal(n);
        if (!decimal) return;
        // beyond data.md's money limit both paths refuse alike (limits.test.ts)
        const beyond = new WideDecimal(decimalToMoney(decimal)).abs().gt('9999999999.99');
        if (beyond) expect(parseMoney(n)).toMatchObject({ ok: false, key: 'import.value.too_large' });
        else expect(value(parseMoney(n))).toBe(decimalToMoney(decimal));
        if (decimal.abs().gt('9999999999.99')) expect(parseDecimal(n)).toMatchObject({ ok: false, key: 'import.value.too_large' });
        else expect(value(parseDecimal(n))).toBe(plainDecimal(decimal));
        expect(value(parseCode(n))).toBe(plainDecimal(decimal));
      }),
      { numRuns: 5000 },
    );
  });
});
