/**
 * Exact arithmetic on the decimal strings the services return. Money is summed as BigInt cents
 * (never JS numbers); formula values keep every digit until they are rounded for display.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Parsed {
  negative: boolean;
  digits: bigint;
  scale: number;
}

function parse(value: string): Parsed | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  return { negative: m[1] === '-', digits: BigInt((m[2] ?? '0') + frac), scale: frac.length };
}

/** Rounds |digits| / 10^scale to `to` decimals, half away from zero (as the services round money). */
function roundTo(p: Parsed, to: number): bigint {
  if (p.scale <= to) return p.digits * 10n ** BigInt(to - p.scale);
  const div = 10n ** BigInt(p.scale - to);
  const q = p.digits / div;
  return p.digits % div >= div / 2n + (div % 2n) ? q + 1n : q;
}

function unitsToText(units: bigint, negative: boolean, scale: number): string {
  const s = units.toString().padStart(scale + 1, '0');
  const int = scale === 0 ? s : s.slice(0, -scale);
  const frac = scale === 0 ? '' : `.${s.slice(-scale)}`;
  return `${negative && units !== 0n ? '-' : ''}${int}${frac}`;
}

/** A money string (or null/garbage as 0) in cents. */
export function toCents(value: string | null | undefined): bigint {
  const p = value ? parse(value) : null;
  if (!p) return 0n;
  const c = roundTo(p, 2);
  return p.negative ? -c : c;
}

export function centsToMoney(cents: bigint): string {
  return unitsToText(cents < 0n ? -cents : cents, cents < 0n, 2);
}

export function sumCents(values: Iterable<string | null | undefined>): bigint {
  let total = 0n;
  for (const v of values) total += toCents(v);
  return total;
}

export function isNegative(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('-') && /[1-9]/.test(value);
}

/** Exact comparison of two decimal strings; null and text sort before numbers. */
export function compareDecimal(a: string | null | undefined, b: string | null | undefined): number {
  const pa = a ? parse(a) : null;
  const pb = b ? parse(b) : null;
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0);
  const scale = Math.max(pa.scale, pb.scale);
  const va = (pa.negative ? -1n : 1n) * pa.digits * 10n ** BigInt(scale - pa.scale);
  const vb = (pb.negative ? -1n : 1n) * pb.digits * 10n ** BigInt(scale - pb.scale);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A decimal for reading: thousands separators, at least `min` and at most `max` decimals (rounded
 * half away from zero). Text values (a formula may yield text or true/false) are shown as they are.
 */
export function formatDecimal(value: string | null | undefined, min = 2, max = 4): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parse(value);
  if (!p) return value;
  const text = unitsToText(roundTo(p, max), p.negative, max);
  const [int = '0', frac = ''] = text.replace('-', '').split('.');
  let f = frac;
  while (f.length > min && f.endsWith('0')) f = f.slice(0, -1);
  return `${text.startsWith('-') ? '-' : ''}${group(int)}${f ? `.${f}` : ''}`;
}

/** A ratio (0.0312) as a percentage (3.12%), exactly: the decimal point moves two places. */
export function formatPercent(value: string | null | undefined, digits = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parse(value);
  if (!p) return value;
  const shifted: Parsed = { ...p, scale: Math.max(0, p.scale - 2), digits: p.scale >= 2 ? p.digits : p.digits * 10n ** BigInt(2 - p.scale) };
  return `${formatDecimal(unitsToText(roundTo(shifted, digits), p.negative, digits), digits, digits)}%`;
}
