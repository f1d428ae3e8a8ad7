/**
 * decimal.js contexts, for arithmetic the string helpers do not cover (division, scaling).
 * ROUND_HALF_UP in decimal.js is half away from zero, the project's rule.
 */
import Decimal from 'decimal.js';

/** Reading numbers from files: wide enough that scaling (万, %) never rounds; no exponent notation. */
export const WideDecimal = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type WideDecimal = Decimal;

/** Computing formula inputs (ratios such as return_rate): 34 significant digits, like the formula engine. */
export const CalcDecimal = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type CalcDecimal = Decimal;

/** Plain notation without trailing zeros and without a negative zero. */
export function plainDecimal(d: Decimal): string {
  return d.isZero() ? '0' : d.toFixed();
}

/** A Decimal as a money string with two decimals, half away from zero; never `-0.00`. */
export function decimalToMoney(d: Decimal): string {
  const fixed = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return fixed.isZero() ? '0.00' : fixed.toFixed(2);
}
