import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { parseDate } from './dates';

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('parseDate: text', () => {
  it.each<[string, string]>([
    ['2026-01-05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年01月05日', '2026-01-05'],
    ['2026年1月5', '2026-01-05'],
    ['20260105', '2026-01-05'],
    [' 2026-1-5 ', '2026-01-05'],
    ['２０２６－０１－０５', '2026-01-05'],
    ['2026-01-05 13:45:10', '2026-01-05'],
    ['2026/1/5 9:05', '2026-01-05'],
    ['2026-01-05T23:59:59.999', '2026-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%j → %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026-13-45', '2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '20261301', '2026年2月30日'])(
    '%j is not a real date',
    (text) => {
      expect(parseDate(text, { field: 'date' })).toEqual({ ok: false, key: 'import.value.date_nonexistent', params: { field: 'date', value: text } });
    },
  );

  it.each(['abc', '2026-1/5', '1/5/2026', '05.01.2026', '26-1-5', '2026-01', '0999-01-01', '2026-01-05 lunch', '2026年1月5日下午'])('%j is not a date', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, key: 'import.value.not_date' });
  });
});

describe('parseDate: date cells', () => {
  it('reads the UTC calendar date ExcelJS builds, whatever the time of day', () => {
    expect(parseDate(new Date(Date.UTC(2026, 0, 5)))).toEqual({ ok: true, value: '2026-01-05' });
    expect(parseDate(new Date(Date.UTC(2026, 0, 5, 23, 59, 59, 999)))).toEqual({ ok: true, value: '2026-01-05' });
    expect(parseDate({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 1, 28)) })).toEqual({ ok: true, value: '2026-02-28' });
  });

  it('refuses an invalid Date', () => {
    expect(parseDate(new Date(Number.NaN))).toMatchObject({ ok: false, key: 'import.value.not_date' });
  });
});

describe('parseDate: serial numbers', () => {
  it.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [46027, '2026-01-05'],
    [46027.75, '2026-01-05'],
    [2958465, '9999-12-31'],
    [20260105, '2026-01-05'],
  ])('1900 system: %s → %s', (serial, expected) => {
    expect(parseDate(serial)).toEqual({ ok: true, value: expected });
  });

  it('has no 1900-02-29 (serial 60, the Lotus leap-year bug)', () => {
    expect(parseDate(60)).toMatchObject({ ok: false, key: 'import.value.date_nonexistent' });
  });

  it.each<[number, string]>([
    [0, '1904-01-01'],
    [44565, '2026-01-05'],
    [2957003, '9999-12-31'],
  ])('1904 system: %s → %s', (serial, expected) => {
    expect(parseDate(serial, { date1904: true })).toEqual({ ok: true, value: expected });
  });

  it.each([0, -1, 2958466, 123456789, 1.5e12])('refuses %s', (serial) => {
    expect(parseDate(serial)).toMatchObject({ ok: false, key: 'import.value.not_date' });
  });

  it('reports blanks, formulas without result, errors, booleans', () => {
    expect(parseDate(null)).toMatchObject({ ok: false, key: 'import.value.missing' });
    expect(parseDate({ formula: 'A1+1' })).toMatchObject({ ok: false, key: 'import.value.formula_no_result' });
    expect(parseDate({ error: '#VALUE!' })).toMatchObject({ ok: false, key: 'import.value.cell_error' });
    expect(parseDate(true)).toMatchObject({ ok: false, key: 'import.value.not_date' });
  });
});

describe('parseDate: every shape round-trips (property)', () => {
  const dateArb = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });

  it('formats a random date in every supported shape and reads it back', () => {
    fc.assert(
      fc.property(dateArb, fc.boolean(), (date, padded) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        const expected = iso(y, m, d);
        const mm = padded ? String(m).padStart(2, '0') : String(m);
        const dd = padded ? String(d).padStart(2, '0') : String(d);
        const serial1900 = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
        const serial1904 = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000);
        const shapes: CellValue[] = [
          `${y}-${mm}-${dd}`,
          `${y}/${mm}/${dd}`,
          `${y}.${mm}.${dd}`,
          `${y}年${mm}月${dd}日`,
          expected.replace(/-/g, ''),
          Number(expected.replace(/-/g, '')),
          new Date(Date.UTC(y, m - 1, d, date.getUTCHours())),
          serial1900 + date.getUTCHours() / 24,
        ];
        for (const cell of shapes) expect(parseDate(cell)).toEqual({ ok: true, value: expected });
        if (serial1904 >= 0) expect(parseDate(serial1904, { date1904: true })).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 1000 },
    );
  });
});
