import { Dec } from './decimal';
import type { MessageKey } from './message-catalogue';

/**
 * What a formula can compute with. Lists and tables exist only as parameters or literals (the
 * arguments of ladder/progressive/lookup/min/...); a formula's own value is always a scalar.
 */
export type Scalar = Dec | string | boolean;
export type List = readonly Dec[];
export interface Table {
  readonly kind: 'table';
  readonly entries: ReadonlyMap<string, Scalar>;
}
export type Value = Scalar | List | Table;

/** The kinds named in messages; the message catalogue translates them. */
export type ValueKind = 'number' | 'text' | 'boolean' | 'list' | 'table';

export function kindOf(v: Value): ValueKind {
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'boolean';
  if (Array.isArray(v)) return 'list';
  if (Dec.isDecimal(v)) return 'number';
  return 'table';
}

export function isList(v: Value): v is List {
  return Array.isArray(v);
}

export function isTable(v: Value): v is Table {
  return typeof v === 'object' && !Array.isArray(v) && !Dec.isDecimal(v);
}

export function isScalar(v: Value): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || Dec.isDecimal(v);
}

export type ErrorParams = Record<string, string | number>;

/**
 * A failure while computing a formula for one distributor, carrying a stable message key.
 * Thrown inside the compiled closures and caught once per formula by the evaluator.
 */
export class FormulaError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: ErrorParams = {},
  ) {
    super(key);
    this.name = 'FormulaError';
  }
}

/** A short, readable rendering of a value for messages. */
export function describeValue(v: Value): string {
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isTable(v)) return `{${[...v.entries.keys()].join(', ')}}`;
  if (isList(v)) return `[${v.map((d) => d.toFixed()).join(', ')}]`;
  return v.toFixed();
}

export function formatScalar(v: Scalar): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.isZero() ? '0' : v.toFixed();
}

/** Numbers, or booleans as 1/0 the way Excel treats TRUE*1. */
export function toNumber(v: Value, where: string): Dec {
  if (typeof v === 'boolean') return v ? ONE : ZERO;
  if (typeof v === 'object' && Dec.isDecimal(v)) return v;
  throw new FormulaError('eval.notNumber', { where, value: describeValue(v), kind: kindOf(v) });
}

/** Conditions: booleans, or numbers (non-zero is true) as in Excel. */
export function toCondition(v: Value, where: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'object' && Dec.isDecimal(v)) return !v.isZero();
  throw new FormulaError('eval.notCondition', { where, value: describeValue(v), kind: kindOf(v) });
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Every arithmetic result passes here: Infinity means it overflowed the decimal range. */
export function checked(d: Dec): Dec {
  if (d.isNaN()) throw new FormulaError('eval.notANumberResult');
  if (!d.isFinite()) throw new FormulaError('eval.tooLarge');
  return d;
}
