import type { BuiltinVariable, NumberVariableName, TextVariableName } from './builtin-variables';
import { toDec } from './decimal';
import { FormulaError, type Value } from './values';

/** A number from the engine: decimal text, a JS number, or a Decimal-like object (decimal.js). */
export type NumericInput = string | number | { toFixed(): string };

/** The built-in variables for one distributor and period, by their English names. */
export type FormulaInputs = { [K in NumberVariableName]?: NumericInput } & { [K in TextVariableName]?: string };

const RANGES: Readonly<Record<string, readonly [number, number]>> = { month: [1, 12], quarter: [1, 4] };

function numericText(raw: unknown): string | number | undefined {
  if (typeof raw === 'string' || typeof raw === 'number') return raw;
  if (typeof raw === 'object' && raw !== null && 'toFixed' in raw && typeof raw.toFixed === 'function') {
    const text: unknown = raw.toFixed();
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

/** Converts one input to a formula value, or throws FormulaError naming the variable. */
export function convertInput(variable: BuiltinVariable, raw: unknown): Value {
  if (raw === undefined || raw === null) throw new FormulaError('input.missing', { variable: variable.name });
  const shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : typeof raw;
  if (variable.kind === 'text') {
    if (typeof raw === 'string') return raw;
    throw new FormulaError('input.invalid', { variable: variable.name, value: shown, expected: 'text' });
  }
  const text = numericText(raw);
  const d = text === undefined ? undefined : toDec(text);
  const range = RANGES[variable.name];
  if (d === undefined || (range && (!d.isInteger() || d.lessThan(range[0]) || d.greaterThan(range[1])))) {
    throw new FormulaError('input.invalid', { variable: variable.name, value: shown, expected: range ? 'integer' : 'number' });
  }
  return d;
}
