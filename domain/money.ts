/**
 * Money. In memory and in the database an amount is an integer number of cents; between layers it is
 * a decimal string with two decimals (`"-1234.50"`). Cents are `bigint` here: sums of any number of
 * rows stay exact, whatever their size (a JS number is exact only up to 2^53 cents, about 90 trillion
 * yuan, and a sum would not say when it went past). Functions accept a `number` of cents too, as
 * SQLite hands them back, and convert at once.
 *
 * Rounding is half away from zero (`0.005` → `0.01`, `-0.005` → `-0.01`), the rule of the spec.
 * Display never truncates: a value with more decimals is rounded, not cut.
 */
import { groupThousands, parseDecimal, roundSigned, unitsToDecimal } from './decimal';

export type Cents = bigint;

/** A money amount as the layers pass it: optional minus, digits, at most two decimals. */
export const MONEY_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

function centsOfMatch(m: RegExpExecArray): bigint {
  const c = BigInt(`${m[2] ?? '0'}${((m[3] ?? '') + '00').slice(0, 2)}`);
  return m[1] ? -c : c;
}

/** `"1234.5"` → `123450n`; null when the text is not an amount with at most two decimals. */
export function parseMoney(text: string | null | undefined): Cents | null {
  if (text === null || text === undefined) return null;
  const m = MONEY_PATTERN.exec(text.trim());
  return m ? centsOfMatch(m) : null;
}

/** The canonical money string the layers exchange: exactly two decimals (`"-1234.50"`). */
export const CENTS_PATTERN = /^(-)?(\d+)\.(\d{2})$/;

/** `"-1234.50"` → `-123450n`; only the canonical two-decimal string is accepted (else a RangeError). */
export function moneyToCents(money: string): Cents {
  const m = CENTS_PATTERN.exec(money);
  if (!m) throw new RangeError(`not a money string: ${money}`);
  return centsOfMatch(m);
}

/** Like `parseMoney`, for text already checked: `"12"`, `"1.5"`, `"-3.25"`; a RangeError otherwise. */
export function requireMoney(text: string): Cents {
  const c = parseMoney(text);
  if (c === null) throw new RangeError(`not a money amount: ${text}`);
  return c;
}

/**
 * Any decimal string in cents, rounded half away from zero (`"0.125"` → `13n`); null/undefined and
 * text that is not a decimal count as 0 (a blank cell in a sum).
 */
export function roundToCents(value: string | null | undefined): Cents {
  const p = value ? parseDecimal(value) : null;
  return p ? roundSigned(p, 2) : 0n;
}

/** `-123450n` → `"-1234.50"` (never `-0.00`). */
export function centsToMoney(cents: Cents | number | null | undefined): string {
  return unitsToDecimal(BigInt(cents ?? 0), 2);
}

/** Exact sum of money amounts (0–2 decimals); a RangeError on any value that is not money (never skipped). */
export function sumMoney(amounts: Iterable<string>): string {
  return centsToMoney(sumCents(amounts));
}

export function sumCents(amounts: Iterable<string>): Cents {
  let total = 0n;
  for (const amount of amounts) total += requireMoney(amount);
  return total;
}

/** a − b, exactly, as money. */
export function subtractMoney(a: string, b: string): string {
  return centsToMoney(requireMoney(a) - requireMoney(b));
}

export function compareMoney(a: string | null | undefined, b: string | null | undefined): number {
  const d = roundToCents(a) - roundToCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Cents for reading: `-123456789n` → `-1,234,567.89`. */
export function formatCents(cents: Cents | number): string {
  const text = centsToMoney(cents);
  const negative = text.startsWith('-');
  const [int = '0', frac = '00'] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '-' : ''}${groupThousands(int)}.${frac}`;
}

/**
 * Money for reading, from a decimal string or cents: thousands separators and exactly two decimals,
 * rounded half away from zero (never truncated). null/undefined/'' give ''; text that is not a
 * number is shown as it is.
 */
export function formatMoney(value: string | Cents | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value !== 'string') return formatCents(typeof value === 'number' ? BigInt(Math.round(value)) : value);
  const p = parseDecimal(value);
  return p ? formatCents(roundSigned(p, 2)) : value;
}
