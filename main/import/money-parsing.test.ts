import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToMoney, moneyToCents, sumMoney } from '../../domain';
import { parseMoney } from './values';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

type Style = {
  thousands: boolean;
  currency: '' | '¥' | '￥' | 'RMB ' | 'CNY';
  negative: 'minus' | 'parens' | 'trailing';
  trimZeros: boolean;
  fullWidth: boolean;
  padding: string;
};

/** Writes cents the ways finance exports do: `¥1,234.50`, `(1,234.50)`, `RMB 1234.5`, full-width… */
function formatCents(cents: bigint, style: Style): string {
  const negative = cents < 0n;
  const abs = (negative ? -cents : cents).toString().padStart(3, '0');
  const whole = abs.slice(0, -2);
  let fraction = abs.slice(-2);
  if (style.trimZeros) fraction = fraction.replace(/0+$/, '');
  let number = (style.thousands ? groupThousands(whole) : whole) + (fraction ? `.${fraction}` : '');
  if (style.fullWidth) number = number.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);
  let text = style.currency + number;
  if (negative) {
    if (style.negative === 'minus') text = `-${text}`;
    else if (style.negative === 'parens') text = `(${text})`;
    else text = `${text}-`;
  }
  return style.padding + text + style.padding;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  thousands: fc.boolean(),
  currency: fc.constantFrom<Style['currency']>('', '¥', '￥', 'RMB ', 'CNY'),
  negative: fc.constantFrom<Style['negative']>('minus', 'parens', 'trailing'),
  trimZeros: fc.boolean(),
  fullWidth: fc.boolean(),
  padding: fc.constantFrom('', ' ', '\u3000', '\t'),
});

const centsArb = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
/** Amounts within data.md's limit (±9,999,999,999.99); beyond it, parseMoney refuses (limits.test.ts). */
const limitedCentsArb = fc.bigInt({ min: -999_999_999_999n, max: 999_999_999_999n });

describe('money round trips (property)', () => {
  it('parses every text form of a cent amount back exactly', () => {
    fc.assert(
      fc.property(limitedCentsArb, styleArb, (cents, style) => {
        expect(parseMoney(formatCents(cents, style))).toEqual({ ok: true, value: centsToMoney(cents) });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a number cell holding a cent amount without binary drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), (cents) => {
        expect(parseMoney(cents / 100)).toEqual({ ok: true, value: centsToMoney(BigInt(cents)) });
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half away from zero at the third decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (mills) => {
        const negative = mills < 0n;
        const abs = negative ? -mills : mills;
        const text = `${negative ? '-' : ''}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`;
        const roundedAbs = (abs + 5n) / 10n;
        expect(parseMoney(text)).toEqual({ ok: true, value: centsToMoney(negative ? -roundedAbs : roundedAbs) });
      }),
    );
  });

  it('cents conversion round-trips', () => {
    fc.assert(
      fc.property(centsArb, (cents) => {
        expect(moneyToCents(centsToMoney(cents))).toBe(cents);
      }),
    );
  });
});

describe('sums', () => {
  it('a million 0.01 sum to exactly 10000.00', () => {
    function* pennies(): Generator<string> {
      for (let i = 0; i < 1_000_000; i++) {
        const parsed = parseMoney(0.01);
        if (parsed.ok) yield parsed.value;
      }
    }
    expect(sumMoney(pennies())).toBe('10000.00');
    // What a float accumulator would get instead, for contrast.
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) float += 0.01;
    expect(float).not.toBe(10000);
  });

  it('formats small and negative cent amounts', () => {
    expect(centsToMoney(0n)).toBe('0.00');
    expect(centsToMoney(5n)).toBe('0.05');
    expect(centsToMoney(-5n)).toBe('-0.05');
    expect(centsToMoney(-123450n)).toBe('-1234.50');
    expect(sumMoney(['0.10', '0.20', '-0.05'])).toBe('0.25');
  });

  it('refuses strings that are not parseMoney output', () => {
    expect(() => moneyToCents('1.5')).toThrow(RangeError);
  });
});
