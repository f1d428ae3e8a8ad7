import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDate,
  isDate,
  isPeriod,
  isQuarterEnd,
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodEndDate,
  periodQuarter,
  periodRange,
  previousMonth,
  previousPeriod,
  yearStart,
} from './period';

const period = fc.record({ year: fc.integer({ min: 1900, max: 2999 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => makePeriod(year, month));

describe('periods', () => {
  it('recognises YYYY-MM with months 01–12 only', () => {
    expect(isPeriod('2026-03')).toBe(true);
    for (const bad of ['2026-3', '2026-00', '2026-13', '202603', '2026-03-01', ' 2026-03', 3]) expect(isPeriod(bad)).toBe(false);
    expect(parsePeriod('2026-12')).toEqual({ year: 2026, month: 12 });
    expect(parsePeriod('2026-13')).toBeNull();
  });

  it('steps across year ends', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(() => previousPeriod('2026-13')).toThrow(RangeError);
  });

  it('next undoes previous and every step is a period', () => {
    fc.assert(fc.property(period, (p) => nextPeriod(previousPeriod(p)) === p && isPeriod(previousPeriod(p)) && isPeriod(nextPeriod(p)) && previousPeriod(p) < p));
    fc.assert(fc.property(period, fc.integer({ min: -400, max: 400 }), (p, n) => addMonths(addMonths(p, n), -n) === p));
  });

  it('knows quarters, quarter ends, the year start and ranges', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(periodQuarter)).toEqual([1, 1, 2, 4]);
    expect(isQuarterEnd('2026-06')).toBe(true);
    expect(isQuarterEnd('2026-05')).toBe(false);
    expect(yearStart('2026-08')).toBe('2026-01');
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2026-02', '2026-01')).toEqual([]);
    fc.assert(fc.property(period, fc.integer({ min: 0, max: 30 }), (p, n) => periodRange(p, addMonths(p, n)).length === n + 1));
  });

  it('gives the last day of a month, leap years included, and checks dates', () => {
    expect(periodEndDate('2024-02')).toBe('2024-02-29');
    expect(periodEndDate('2026-02')).toBe('2026-02-28');
    expect(periodEndDate('2026-12')).toBe('2026-12-31');
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-2-3')).toBe(false);
  });

  it('finds the month before now and shows dates as YYYY-MM-DD', () => {
    expect(previousMonth(new Date(Date.UTC(2026, 0, 15)))).toBe('2025-12');
    expect(previousMonth(new Date(Date.UTC(2026, 6, 1)))).toBe('2026-06');
    expect(formatDate('2026-03-12T10:02:00.000Z')).toBe('2026-03-12');
    expect(formatDate(new Date(Date.UTC(2026, 2, 12)))).toBe('2026-03-12');
    expect(formatDate(null)).toBe('');
  });
});
