/**
 * Exact decimal arithmetic for what the import reads. Numbers become decimal strings once, from the
 * JS number's shortest round-trip form, and everything after that happens in decimal.
 */
import { WideDecimal as Dec } from '../../domain';

/** The number as written in the file: `String(n)` is the shortest round-trip form; exponents expanded. */
export function numberToDecimal(n: number): Dec | null {
  return Number.isFinite(n) ? new Dec(String(n)) : null;
}

/**
 * `String(n)` when it is already what `decimalToString(numberToDecimal(n))` gives — a plain decimal,
 * no exponent (`-0` prints as `0`) — which is most cells; `null` sends the caller the Decimal way.
 */
export function plainNumberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  return text.includes('e') ? null : text;
}

/** The cents string of a plain number text with at most two decimals (`1234.5` → `1234.50`), else `null`. */
export function plainCents(text: string): string | null {
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.00`;
  const decimals = text.length - dot - 1;
  return decimals === 2 ? text : decimals === 1 ? `${text}0` : null;
}

const UNITS: Record<string, number> = { 万: 4, 亿: 8 };
// sign? currency? digits with optional thousands groups, optional fraction, optional exponent, unit?, 元?
const NUMBER_TEXT =
  /^([+-])?(?:¥|rmb|cny)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d{1,3})?(万|亿)?(?:元)?(-)?$/;

/**
 * Reads a number written as text: `1,234.50`, `¥1,234.50`, `RMB 1,234.50`, `(1,234.50)`, `-1,234.50`,
 * `1.2万`, full-width digits, and SAP's trailing minus `1,234.50-`. `,` is always a thousands separator, and only where it groups three
 * digits: `1,5` is refused rather than guessed (it may be a European decimal comma).
 * A lone `-` is Excel's accounting display of zero (what "save as CSV" writes) and reads as 0.
 */
export function parseNumberText(raw: string): Dec | null {
  const spaced = raw.normalize('NFKC').toLowerCase().replace(/−/g, '-');
  // Spaces may surround the number or follow a currency, not split its digits (`1 234` is not guessed).
  if (/[\d,.]\s+[\d,.]/.test(spaced)) return null;
  let text = spaced.replace(/\s+/g, '');
  if (text.length === 0 || text.length > 60) return null;
  let negative = false;
  const parens = /^\((.*)\)$/.exec(text);
  if (parens) {
    negative = true;
    text = parens[1] ?? '';
  }
  if (/^(?:¥|rmb|cny)?-(?:元)?$/.test(text) && !parens) return new Dec(0);
  const m = NUMBER_TEXT.exec(text);
  if (!m) return null;
  const [, sign1, sign2, digits, exponent, unit, trailingMinus] = m;
  const signs = [sign1, sign2, trailingMinus].filter((s) => s !== undefined);
  if (signs.length > 1) return null;
  const sign = signs[0];
  if (parens && sign) return null;
  if (sign === '-') negative = true;
  if (exponent && (unit || digits?.includes(','))) return null;
  let value = new Dec(`${(digits ?? '').replace(/,/g, '')}${exponent ?? ''}`);
  if (unit) value = value.times(new Dec(10).pow(UNITS[unit] ?? 0));
  return negative ? value.negated() : value;
}
