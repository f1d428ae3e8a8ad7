import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal';
import { clamp, ladder, lookup, progressive } from './rebate-functions';
import { FormulaError, type List, type Value } from './values';

const d = (x: string | number): Dec => new Dec(x);
const list = (...xs: Array<string | number>): List => xs.map(d);
const text = (v: Value): string => (Dec.isDecimal(v) ? v.toFixed() : String(v));

function errorKey(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof FormulaError) return error.key;
    throw error;
  }
  return 'no error';
}

describe('ladder', () => {
  const t = list(0, 100000, 500000, 1000000);
  const v = list(0, '0.01', '0.02', '0.03');

  it('takes the value of the highest threshold ≤ x, exactly at thresholds', () => {
    expect(text(ladder(d(100000), t, v))).toBe('0.01');
    expect(text(ladder(d('99999.99'), t, v))).toBe('0');
    expect(text(ladder(d(500000), t, v))).toBe('0.02');
    expect(text(ladder(d('499999.999999'), t, v))).toBe('0.01');
    expect(text(ladder(d(1000000), t, v))).toBe('0.03');
    expect(text(ladder(d(1e12), t, v))).toBe('0.03');
  });

  it('is 0 below the first threshold', () => {
    expect(text(ladder(d(-1), t, v))).toBe('0');
    expect(text(ladder(d(5), list(10, 20), list(1, 2)))).toBe('0');
    expect(text(ladder(d(10), list(10, 20), list(1, 2)))).toBe('1');
  });

  it('refuses malformed lists', () => {
    expect(errorKey(() => ladder(d(1), list(0, 10), list(1)))).toBe('ladder.lengthMismatch');
    expect(errorKey(() => ladder(d(1), list(10, 10), list(1, 2)))).toBe('ladder.notAscending');
    expect(errorKey(() => ladder(d(1), list(), list()))).toBe('ladder.empty');
    expect(errorKey(() => ladder(d(1), d(1), list(1)))).toBe('ladder.notList');
  });

  it('is monotone when its values are non-negative and rising', () => {
    const tiers = fc.uniqueArray(fc.integer({ min: -1000, max: 100000 }), { minLength: 1, maxLength: 8 }).chain((ts) =>
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: ts.length, maxLength: ts.length }).map((vs) => ({
        thresholds: [...ts].sort((a, b) => a - b).map(d),
        values: [...vs].sort((a, b) => a - b).map(d),
      })),
    );
    fc.assert(
      fc.property(tiers, fc.integer({ min: -2000, max: 200000 }), fc.integer({ min: -2000, max: 200000 }), ({ thresholds, values }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = ladder(d(lo), thresholds, values);
        const y = ladder(d(hi), thresholds, values);
        expect(x.lessThanOrEqualTo(y)).toBe(true);
      }),
    );
  });
});

describe('progressive', () => {
  it('computes the spec example: 1% of the first 100k + 2% of the rest', () => {
    const t = list(0, 100000);
    const r = list('0.01', '0.02');
    expect(text(progressive(d(250000), t, r))).toBe('4000');
    expect(text(progressive(d(100000), t, r))).toBe('1000');
    expect(text(progressive(d(50000), t, r))).toBe('500');
    expect(text(progressive(d(0), t, r))).toBe('0');
    expect(text(progressive(d(-100), t, r))).toBe('0');
  });

  it('counts nothing below the first threshold', () => {
    expect(text(progressive(d(150), list(100, 200), list('0.1', '0.2')))).toBe('5');
    expect(text(progressive(d(300), list(100, 200), list('0.1', '0.2')))).toBe('30');
  });

  it('matches a band-by-band reference and never decreases for non-negative rates', () => {
    const bands = fc.uniqueArray(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 6 }).chain((ts) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: ts.length, maxLength: ts.length }).map((rs) => ({
        thresholds: [...ts].sort((a, b) => a - b),
        rates: rs,
      })),
    );
    fc.assert(
      fc.property(bands, fc.integer({ min: -1000, max: 200000 }), ({ thresholds, rates }, x) => {
        let expected = 0;
        thresholds.forEach((t, i) => {
          const width = (thresholds[i + 1] ?? Number.POSITIVE_INFINITY) - t;
          expected += (rates[i] ?? 0) * Math.min(Math.max(x - t, 0), width);
        });
        const actual = progressive(d(x), thresholds.map(d), rates.map(d));
        expect(actual.toNumber()).toBe(expected);
        expect(progressive(d(x + 1), thresholds.map(d), rates.map(d)).greaterThanOrEqualTo(actual)).toBe(true);
      }),
    );
  });
});

describe('lookup', () => {
  const table: Value = { kind: 'table', entries: new Map([['A', d('1.2')], ['B', d(1)], ['1', d('0.5')]]) };

  it('finds keys, including numbers by their text', () => {
    expect(text(lookup('A', table))).toBe('1.2');
    expect(text(lookup(d(1), table))).toBe('0.5');
    expect(text(lookup(d('1.0'), table))).toBe('0.5');
  });

  it('uses the default for a missing key, and fails without one', () => {
    expect(text(lookup('Z', table, d(0)))).toBe('0');
    expect(errorKey(() => lookup('Z', table))).toBe('lookup.missingKey');
    expect(errorKey(() => lookup('A', d(1)))).toBe('lookup.notTable');
  });

  it('is not fooled by prototype keys', () => {
    expect(errorKey(() => lookup('constructor', table))).toBe('lookup.missingKey');
    expect(errorKey(() => lookup('__proto__', table))).toBe('lookup.missingKey');
  });
});

describe('clamp', () => {
  it('is min(hi, max(lo, x)) at and around its bounds', () => {
    expect(text(clamp(d(5), d(0), d(10)))).toBe('5');
    expect(text(clamp(d(-1), d(0), d(10)))).toBe('0');
    expect(text(clamp(d(0), d(0), d(10)))).toBe('0');
    expect(text(clamp(d(10), d(0), d(10)))).toBe('10');
    expect(text(clamp(d('10.01'), d(0), d(10)))).toBe('10');
    expect(text(clamp(d(5), d(10), d(0)))).toBe('0');
  });
});
