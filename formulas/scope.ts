import type { BuiltinVariable } from './builtin-variables';
import type { Value } from './values';

/** What a name in a formula refers to, as resolved once at compile time. */
export type NameTarget =
  | { kind: 'variable'; variable: BuiltinVariable; slot: number }
  | { kind: 'parameter'; name: string; value: Value }
  | { kind: 'formula'; name: string; slot: number }
  | { kind: 'function'; name: string };

export interface Scope {
  resolve(name: string): NameTarget | undefined;
  /** Every name a user could have meant, for "did you mean" suggestions. */
  valueNames(): Iterable<string>;
}

/** Values of one evaluation: built-in variables and formula results, by slot number. */
export interface Frame {
  slots: Array<Value | undefined>;
}
