import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToMoney, compareMoney, formatCents, formatMoney, moneyToCents, parseMoney, requireMoney, roundToCents, subtractMoney, sumMoney } from './money';

const cents = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });

describe('money', () => {
  it('round-trips cents through the money string', () => {
    fc.assert(fc.property(cents, (c) => moneyToCents(centsToMoney(c)) === c));
  });

  it('reads 0, 1 or 2 decimals and nothing else', () => {
    expect(parseMoney('12')).toBe(1200n);
    expect(parseMoney('-1234.5')).toBe(-123450n);
    expect(moneyToCents('0.07')).toBe(7n);
    expect(requireMoney('-1234.5')).toBe(-123450n);
    expect(() => moneyToCents('1.5')).toThrow(RangeError);
    expect(() => requireMoney('1.5.0')).toThrow(RangeError);
    expect(parseMoney('1.005')).toBeNull();
    expect(parseMoney('1,000.00')).toBeNull();
    expect(parseMoney(' 3.10 ')).toBe(310n);
    expect(() => moneyToCents('1.005')).toThrow(RangeError);
    expect(() => moneyToCents('abc')).toThrow(RangeError);
  });

  it('never writes -0.00', () => {
    expect(centsToMoney(0n)).toBe('0.00');
    expect(centsToMoney(-0)).toBe('0.00');
    expect(centsToMoney(-5n)).toBe('-0.05');
    expect(centsToMoney(12345)).toBe('123.45');
    expect(centsToMoney(null)).toBe('0.00');
  });

  it('sums exactly, whatever the order, and refuses a value it cannot read instead of skipping it', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (list) => {
        const strings = list.map(centsToMoney);
        const total = list.reduce((a, b) => a + b, 0n);
        return sumMoney(strings) === centsToMoney(total) && sumMoney([...strings].reverse()) === centsToMoney(total);
      }),
    );
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(() => sumMoney(['1.00', '0.005'])).toThrow(RangeError);
    expect(subtractMoney('10.00', '-2.5')).toBe('12.50');
  });

  it('rounds half away from zero', () => {
    expect(roundToCents('0.005')).toBe(1n);
    expect(roundToCents('-0.005')).toBe(-1n);
    expect(roundToCents('0.0049999')).toBe(0n);
    expect(roundToCents('2.675')).toBe(268n);
    expect(roundToCents(null)).toBe(0n);
    expect(roundToCents('n/a')).toBe(0n);
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 999 }), (c, rest) => {
        // c cents plus `rest` thousandths of a cent, as a 5-decimal string
        const text = `${c < 0n ? '-' : ''}${centsToMoney(c < 0n ? -c : c)}${String(rest).padStart(3, '0')}`;
        const expected = (c < 0n ? -c : c) + (rest >= 500 ? 1n : 0n);
        return roundToCents(text) === (c < 0n ? -expected : expected);
      }),
    );
  });

  it('formats with separators and two decimals, rounding and never truncating', () => {
    expect(formatMoney('1234567.8')).toBe('1,234,567.80');
    expect(formatMoney('-288321.1')).toBe('-288,321.10');
    expect(formatMoney('0.125')).toBe('0.13');
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatMoney('999.995')).toBe('1,000.00');
    expect(formatMoney(123456n)).toBe('1,234.56');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney('')).toBe('');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney('n/a')).toBe('n/a');
    expect(formatCents(100000000n)).toBe('1,000,000.00');
    fc.assert(
      fc.property(cents, (c) => {
        const shown = formatMoney(centsToMoney(c));
        return /^-?\d{1,3}(,\d{3})*\.\d{2}$/.test(shown) && moneyToCents(shown.replace(/,/g, '')) === c;
      }),
    );
  });

  it('compares exactly', () => {
    expect(compareMoney('10.00', '9.99')).toBe(1);
    expect(compareMoney('-1', '1')).toBe(-1);
    expect(compareMoney('1.5', '1.50')).toBe(0);
  });
});
