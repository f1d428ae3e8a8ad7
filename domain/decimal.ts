/**
 * Exact decimal strings without a library: a value is sign + integer digits + a scale (how many of
 * the digits are decimals). Money, rates and quantities travel as decimal strings between the
 * layers; this is where they are read, rounded, compared and written. Never a binary float.
 */

/** A plain decimal: optional minus, digits, optional fraction (`-1234.5`, `0.8288`, `12`). */
export const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

export interface ParsedDecimal {
  readonly negative: boolean;
  /** |value| × 10^scale */
  readonly units: bigint;
  readonly scale: number;
}

/** Reads a plain decimal string (surrounding spaces allowed); null for anything else. */
export function parseDecimal(value: string): ParsedDecimal | null {
  const m = DECIMAL_PATTERN.exec(value.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  return { negative: m[1] === '-', units: BigInt((m[2] ?? '0') + frac), scale: frac.length };
}

export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value.trim());
}

/** |value| at `places` decimals, rounded half away from zero (the sign is the caller's). */
export function roundUnits(p: ParsedDecimal, places: number): bigint {
  if (p.scale <= places) return p.units * 10n ** BigInt(places - p.scale);
  const div = 10n ** BigInt(p.scale - places);
  const q = p.units / div;
  return (p.units % div) * 2n >= div ? q + 1n : q;
}

/** Signed value at `places` decimals, rounded half away from zero. */
export function roundSigned(p: ParsedDecimal, places: number): bigint {
  const r = roundUnits(p, places);
  return p.negative ? -r : r;
}

/** Signed units at a scale back to plain text: `(-12345n, 2)` → `-123.45`; never `-0`. */
export function unitsToDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const s = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = scale === 0 ? s : s.slice(0, -scale);
  const frac = scale === 0 ? '' : `.${s.slice(-scale)}`;
  return `${negative ? '-' : ''}${int}${frac}`;
}

/** A decimal string rounded half away from zero to exactly `places` decimals; null when not a decimal. */
export function roundDecimal(value: string, places: number): string | null {
  const p = parseDecimal(value);
  return p ? unitsToDecimal(roundSigned(p, places), places) : null;
}

/** True for a decimal string below zero (`-0.00` is not negative). */
export function isNegative(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const p = parseDecimal(value);
  return p !== null && p.negative && p.units !== 0n;
}

/** Exact comparison of two decimal strings; null and text sort before numbers. */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): number {
  const pa = a ? parseDecimal(a) : null;
  const pb = b ? parseDecimal(b) : null;
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  const scale = Math.max(pa.scale, pb.scale);
  const va = (pa.negative ? -1n : 1n) * pa.units * 10n ** BigInt(scale - pa.scale);
  const vb = (pb.negative ? -1n : 1n) * pb.units * 10n ** BigInt(scale - pb.scale);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/** `1234567` → `1,234,567` (integer digits only). */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A decimal for reading: thousands separators, at least `min` and at most `max` decimals (rounded
 * half away from zero, trailing zeros beyond `min` dropped). Text that is not a decimal is returned
 * as it is; null/undefined/'' give ''.
 */
export function formatDecimal(value: string | null | undefined, min = 2, max = 4): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parseDecimal(value);
  if (!p) return value;
  const rounded = roundUnits(p, max);
  const text = unitsToDecimal(rounded, max);
  const [int = '0', frac = ''] = text.split('.');
  let f = frac;
  while (f.length > min && f.endsWith('0')) f = f.slice(0, -1);
  return `${p.negative && rounded !== 0n ? '-' : ''}${groupThousands(int)}${f ? `.${f}` : ''}`;
}
