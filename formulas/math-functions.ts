import Decimal from 'decimal.js';
import { Dec } from './decimal';
import {
  add, compareNumber, divide, equal, larger, largerEq, mod, multiply, not, pow, smaller, smallerEq,
  subtract, unaryMinus, unaryPlus, unequal, xor,
} from './operators';
import { clamp, ladder, lookup, progressive } from './rebate-functions';
import { FormulaError, checked, isList, toNumber, type Value } from './values';

/** The implementations behind every eagerly evaluated function name of the language. */

export type FunctionImpl = (args: readonly Value[], fn: string) => Value;

function arg(args: readonly Value[], i: number): Value {
  const v = args[i];
  // Arity is checked when the formula is compiled, so a missing argument is a programming error.
  if (v === undefined) throw new FormulaError('eval.internal', { detail: `argument ${i + 1} missing` });
  return v;
}

function domain(fn: string, value: Dec): FormulaError {
  return new FormulaError('eval.domain', { function: fn, value: value.toFixed() });
}

const MAX_ROUND_DIGITS = 20;

/** Excel's ROUND(x, -3) rounds to thousands, so negative digit counts are supported too. */
function rounder(mode: Decimal.Rounding): FunctionImpl {
  return (args, fn) => {
    const x = toNumber(arg(args, 0), fn);
    const n = args.length > 1 ? toNumber(arg(args, 1), fn) : new Dec(0);
    if (!n.isInteger() || n.abs().greaterThan(MAX_ROUND_DIGITS)) {
      throw new FormulaError('eval.roundDigits', { function: fn, max: MAX_ROUND_DIGITS, value: n.toFixed() });
    }
    const digits = n.toNumber();
    if (digits >= 0) return x.toDecimalPlaces(digits, mode);
    const scale = new Dec(10).pow(-digits);
    return checked(x.dividedBy(scale).toDecimalPlaces(0, mode).times(scale));
  };
}

/** min(1, 2), min([1, 2]) and min(a, [b, c]) all work: lists are flattened one level. */
function numbersOf(args: readonly Value[], fn: string): Dec[] {
  const out: Dec[] = [];
  for (const a of args) {
    if (isList(a)) out.push(...a);
    else out.push(toNumber(a, fn));
  }
  if (out.length === 0) throw new FormulaError('eval.emptyList', { function: fn });
  return out;
}

const statistics = {
  min: (ns: Dec[]) => Dec.min(...ns),
  max: (ns: Dec[]) => Dec.max(...ns),
  sum: (ns: Dec[]) => checked(Dec.sum(...ns)),
  mean: (ns: Dec[]) => checked(Dec.sum(...ns).dividedBy(ns.length)),
  median: (ns: Dec[]) => {
    const sorted = [...ns].sort((a, b) => a.comparedTo(b));
    const mid = Math.floor(sorted.length / 2);
    const hi = sorted[mid] ?? new Dec(0);
    const lo = sorted[mid - 1] ?? hi;
    return sorted.length % 2 === 1 ? hi : checked(lo.plus(hi).dividedBy(2));
  },
} satisfies Record<string, (ns: Dec[]) => Dec>;

function stat(f: (ns: Dec[]) => Dec): FunctionImpl {
  return (args, fn) => f(numbersOf(args, fn));
}

function unary(f: (x: Dec, fn: string) => Dec): FunctionImpl {
  return (args, fn) => checked(f(toNumber(arg(args, 0), fn), fn));
}

function binary(f: (a: Value, b: Value) => Value): FunctionImpl {
  return (args) => f(arg(args, 0), arg(args, 1));
}

export const EAGER_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['ladder', (args, fn) => ladder(arg(args, 0), arg(args, 1), arg(args, 2), fn)],
  ['progressive', (args, fn) => progressive(arg(args, 0), arg(args, 1), arg(args, 2), fn)],
  ['lookup', (args, fn) => lookup(arg(args, 0), arg(args, 1), args[2], fn)],
  ['clamp', (args, fn) => clamp(arg(args, 0), arg(args, 1), arg(args, 2), fn)],
  ['abs', unary((x) => x.abs())],
  ['sign', unary((x) => new Dec(x.isZero() ? 0 : x.isNegative() ? -1 : 1))],
  ['sqrt', unary((x, fn) => { if (x.isNegative()) throw domain(fn, x); return x.squareRoot(); })],
  ['cbrt', unary((x) => x.cubeRoot())],
  ['exp', unary((x) => x.exp())],
  ['log', (args, fn) => {
    const x = toNumber(arg(args, 0), fn);
    if (!x.isPositive() || x.isZero()) throw domain(fn, x);
    if (args.length < 2) return checked(x.naturalLogarithm());
    const base = toNumber(arg(args, 1), fn);
    if (!base.isPositive() || base.isZero() || base.equals(1)) throw domain(fn, base);
    return checked(x.naturalLogarithm().dividedBy(base.naturalLogarithm()));
  }],
  ['log10', unary((x, fn) => { if (!x.greaterThan(0)) throw domain(fn, x); return x.log(10); })],
  ['log2', unary((x, fn) => { if (!x.greaterThan(0)) throw domain(fn, x); return x.log(2); })],
  ['square', unary((x) => x.times(x))],
  ['cube', unary((x) => x.times(x).times(x))],
  ['round', rounder(Decimal.ROUND_HALF_UP)],
  ['floor', rounder(Decimal.ROUND_FLOOR)],
  ['ceil', rounder(Decimal.ROUND_CEIL)],
  ['fix', rounder(Decimal.ROUND_DOWN)],
  ['min', stat(statistics.min)],
  ['max', stat(statistics.max)],
  ['sum', stat(statistics.sum)],
  ['mean', stat(statistics.mean)],
  ['median', stat(statistics.median)],
  ['add', binary(add)],
  ['subtract', binary(subtract)],
  ['multiply', binary(multiply)],
  ['divide', binary(divide)],
  ['mod', binary(mod)],
  ['pow', binary(pow)],
  ['unaryMinus', (args) => unaryMinus(arg(args, 0))],
  ['unaryPlus', (args) => unaryPlus(arg(args, 0))],
  ['equal', binary(equal)],
  ['unequal', binary(unequal)],
  ['larger', binary(larger)],
  ['largerEq', binary(largerEq)],
  ['smaller', binary(smaller)],
  ['smallerEq', binary(smallerEq)],
  ['compare', binary(compareNumber)],
  ['not', (args) => not(arg(args, 0))],
  ['xor', binary(xor)],
]);

/** Evaluated lazily by the compiler: only the chosen branch / needed operands run. */
export const LAZY_FUNCTIONS: ReadonlySet<string> = new Set(['if', 'and', 'or']);

/** Excel habits carry over (formulas.md): these upper-case names are the same functions. */
export const EXCEL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['IF', 'if'], ['MIN', 'min'], ['MAX', 'max'], ['ROUND', 'round'], ['ABS', 'abs'],
  ['SUM', 'sum'], ['AND', 'and'], ['OR', 'or'], ['NOT', 'not'],
]);

export function canonicalFunctionName(name: string): string | undefined {
  const canonical = EXCEL_ALIASES.get(name) ?? name;
  return EAGER_FUNCTIONS.has(canonical) || LAZY_FUNCTIONS.has(canonical) ? canonical : undefined;
}
