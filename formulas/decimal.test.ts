import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, formatDec, roundMoney, toDec } from './decimal';

/** Reference 四舍五入 to 2 decimals on integers (BigInt), independent of decimal.js. */
function referenceRound(units: bigint, scale: number): string {
  const factor = 10n ** BigInt(scale - 2);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  let cents = abs / factor;
  if ((abs % factor) * 2n >= factor) cents += 1n;
  const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
  return negative && cents !== 0n ? `-${text}` : text;
}

function toText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
}

describe('rounding (四舍五入)', () => {
  it('rounds half away from zero, negatives included', () => {
    expect(roundMoney('2.345')).toBe('2.35');
    expect(roundMoney('-2.345')).toBe('-2.35');
    expect(roundMoney('2.344999')).toBe('2.34');
    expect(roundMoney('-2.344999')).toBe('-2.34');
    expect(roundMoney('0.005')).toBe('0.01');
    expect(roundMoney('-0.005')).toBe('-0.01');
    expect(roundMoney('-0.004')).toBe('0.00');
    expect(roundMoney('16820')).toBe('16820.00');
    expect(roundMoney('1.005')).toBe('1.01');
  });

  it('matches a BigInt reference implementation', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 2, max: 8 }), (units, scale) => {
        expect(roundMoney(toText(units, scale))).toBe(referenceRound(units, scale));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decimal text', () => {
  it('parses plain decimals and refuses anything else', () => {
    expect(toDec('0.005')?.toFixed()).toBe('0.005');
    expect(toDec(0.1)?.toFixed()).toBe('0.1');
    expect(toDec('1e5')?.toFixed()).toBe('100000');
    for (const bad of ['', 'abc', '1,000', '0x10', 'Infinity', 'NaN', '1e999']) expect(toDec(bad), bad).toBeUndefined();
    expect(toDec(Number.NaN)).toBeUndefined();
  });

  it('formats without exponent and without negative zero', () => {
    expect(formatDec(new Dec('1e30'))).toBe('1000000000000000000000000000000');
    expect(formatDec(new Dec('-0'))).toBe('0');
    expect(formatDec(new Dec(1).dividedBy(3))).toBe('0.3333333333333333333333333333333333');
  });

  it('keeps sums exact where binary floating point does not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (a, b) => {
        const sum = new Dec(toText(a, 2)).plus(new Dec(toText(b, 2)));
        expect(sum.equals(new Dec(toText(a + b, 2)))).toBe(true);
      }),
    );
  });
});
