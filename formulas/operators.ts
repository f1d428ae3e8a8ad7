import { Dec } from './decimal';
import {
  FormulaError, ONE, ZERO, checked, describeValue, kindOf, toCondition, toNumber, type Value,
} from './values';

/**
 * The operators of the language on exact decimals. Failures throw FormulaError; nothing returns
 * Infinity or NaN (a division by zero is an error for that distributor, as formulas.md requires).
 */

/** Larger exponents are never needed for rebates and would only serve to stall the application. */
export const MAX_EXPONENT_ABS = 1000;

export function add(a: Value, b: Value): Dec {
  return checked(toNumber(a, '+').plus(toNumber(b, '+')));
}

export function subtract(a: Value, b: Value): Dec {
  return checked(toNumber(a, '-').minus(toNumber(b, '-')));
}

export function multiply(a: Value, b: Value): Dec {
  return checked(toNumber(a, '*').times(toNumber(b, '*')));
}

export function divide(a: Value, b: Value): Dec {
  const divisor = toNumber(b, '/');
  if (divisor.isZero()) throw new FormulaError('eval.divisionByZero');
  return checked(toNumber(a, '/').dividedBy(divisor));
}

/** mathjs's definition, x - y * floor(x / y), but a zero divisor is an error rather than x. */
export function mod(a: Value, b: Value): Dec {
  const x = toNumber(a, 'mod');
  const y = toNumber(b, 'mod');
  if (y.isZero()) throw new FormulaError('eval.divisionByZero');
  return checked(x.minus(y.times(x.dividedBy(y).floor())));
}

export function pow(a: Value, b: Value): Dec {
  const base = toNumber(a, '^');
  const exponent = toNumber(b, '^');
  if (exponent.abs().greaterThan(MAX_EXPONENT_ABS)) {
    throw new FormulaError('eval.exponentTooLarge', { max: MAX_EXPONENT_ABS, value: exponent.toFixed() });
  }
  if (base.isZero() && exponent.isNegative()) throw new FormulaError('eval.divisionByZero');
  if (base.isNegative() && !exponent.isInteger()) {
    throw new FormulaError('eval.domain', { function: '^', value: base.toFixed() });
  }
  return checked(base.pow(exponent));
}

export function unaryMinus(a: Value): Dec {
  return toNumber(a, '-').negated();
}

export function unaryPlus(a: Value): Dec {
  return toNumber(a, '+');
}

export function not(a: Value): boolean {
  return !toCondition(a, 'not');
}

export function xor(a: Value, b: Value): boolean {
  return toCondition(a, 'xor') !== toCondition(b, 'xor');
}

function mismatch(a: Value, b: Value): FormulaError {
  return new FormulaError('eval.compareMismatch', {
    left: describeValue(a), leftKind: kindOf(a), right: describeValue(b), rightKind: kindOf(b),
  });
}

/** -1, 0 or 1. Numbers compare exactly, text compares character by character. */
export function compare(a: Value, b: Value): number {
  if (Dec.isDecimal(a) && Dec.isDecimal(b)) return a.comparedTo(b);
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  throw mismatch(a, b);
}

/** Equality also accepts two booleans; mixing kinds (`grade == 1`) is an error, not a silent false. */
export function equal(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b;
  return compare(a, b) === 0;
}

export function unequal(a: Value, b: Value): boolean {
  return !equal(a, b);
}

export function larger(a: Value, b: Value): boolean {
  return compare(a, b) > 0;
}

export function largerEq(a: Value, b: Value): boolean {
  return compare(a, b) >= 0;
}

export function smaller(a: Value, b: Value): boolean {
  return compare(a, b) < 0;
}

export function smallerEq(a: Value, b: Value): boolean {
  return compare(a, b) <= 0;
}

export function compareNumber(a: Value, b: Value): Dec {
  const c = compare(a, b);
  return c === 0 ? ZERO : c > 0 ? ONE : ONE.negated();
}

export type BinaryOperator = (a: Value, b: Value) => Value;
export type UnaryOperator = (a: Value) => Value;

/** mathjs operator functions the language allows, by the `fn` name mathjs gives them. */
export const BINARY_OPERATORS: ReadonlyMap<string, BinaryOperator> = new Map<string, BinaryOperator>([
  ['add', add], ['subtract', subtract], ['multiply', multiply], ['divide', divide],
  ['mod', mod], ['pow', pow],
  ['equal', equal], ['unequal', unequal], ['larger', larger], ['largerEq', largerEq],
  ['smaller', smaller], ['smallerEq', smallerEq], ['xor', xor],
]);

export const UNARY_OPERATORS: ReadonlyMap<string, UnaryOperator> = new Map<string, UnaryOperator>([
  ['unaryMinus', unaryMinus], ['unaryPlus', unaryPlus], ['not', not],
]);

/** `and`/`or` short-circuit, so they are compiled specially rather than listed above. */
export const SHORT_CIRCUIT_OPERATORS: ReadonlySet<string> = new Set(['and', 'or']);
