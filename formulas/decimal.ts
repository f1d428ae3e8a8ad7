import Decimal from 'decimal.js';
import { decimalToMoney } from '../domain';

/**
 * The decimal arithmetic formulas run in. 34 significant digits (IEEE decimal128) keep money,
 * quantities and rates exact through any realistic chain of products. The exponent limits make a
 * runaway value fail fast: above 1e40 a result becomes Infinity (reported as "too large"), below
 * 1e-40 it underflows to 0, so no value can grow into a megabyte-long string.
 */
export const PRECISION = 34;
export const MAX_EXPONENT = 40;

export const Dec = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  minE: -MAX_EXPONENT,
  maxE: MAX_EXPONENT,
  toExpNeg: -MAX_EXPONENT - 10,
  toExpPos: MAX_EXPONENT + 10,
});

export type Dec = Decimal;

/** A plain decimal number: optional sign, digits, optional fraction, optional exponent. */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses decimal text or a finite JS number; undefined when it is not a finite number in range. */
export function toDec(value: string | number): Dec | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
  } else if (!DECIMAL_TEXT.test(value.trim())) {
    return undefined;
  }
  const d = new Dec(typeof value === 'string' ? value.trim() : value);
  return d.isFinite() ? d : undefined;
}

/** Full precision, never exponent notation, and never "-0". */
export function formatDec(d: Dec): string {
  return d.isZero() ? '0' : d.toFixed();
}

/** 四舍五入: round half away from zero to `places` decimals (-2.345 → -2.35, 2.345 → 2.35). */
export function roundHalfAwayFromZero(d: Dec, places: number): Dec {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}


/** The rebate rounding rule for amounts computed outside formulas; undefined for non-numbers. */
export function roundMoney(value: string | number): string | undefined {
  const d = toDec(value);
  return d === undefined ? undefined : decimalToMoney(d);
}
