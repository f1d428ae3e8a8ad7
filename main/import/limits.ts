/**
 * The limits of data.md "Validation": no sum can overflow and no value is silently cut. Small pure
 * functions so every reader (ExcelJS, the fast xlsx reader, CSV) and the value parsers share them.
 */

/** 9,999,999,999.99 in cents. */
export const MAX_MONEY_CENTS = 999_999_999_999n;
export const MAX_MONEY_TEXT = '9,999,999,999.99';
/** 999,999,999.9999 in ten-thousandths. */
export const MAX_QUANTITY_E4 = 9_999_999_999_999n;
export const MAX_QUANTITY_TEXT = '999,999,999.9999';
/** A rate (fraction) of at most 1,000 = 100,000 %. */
export const MAX_RATE = 1000;
export const MAX_RATE_TEXT = '1,000 (100,000%)';
/** Excel's own limit of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** A message quotes at most this much of an offending value. */
export const MAX_QUOTE_CHARS = 200;

/** At most 200 characters of a value, marked as cut when it was longer. */
export function quote(value: string): string {
  return value.length <= MAX_QUOTE_CHARS ? value : `${value.slice(0, MAX_QUOTE_CHARS)}…`;
}

/** Digits-only magnitude check of a plain decimal string (`-123.4567`) against integer units of `scale` decimals. */
function scaled(text: string, scale: number): bigint | null {
  const m = /^-?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const int = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  if (int.length > 30) return null;
  const frac = (m[2] ?? '').padEnd(scale, '0');
  // digits beyond the scale only matter when the rest is exactly at the limit; round them up to be safe
  const extra = frac.length > scale && /[1-9]/.test(frac.slice(scale)) ? 1n : 0n;
  return BigInt(int + frac.slice(0, scale)) + extra;
}

/** A cents string (`-1234.50`) within ±9,999,999,999.99. */
export function moneyWithinLimit(cents: string): boolean {
  const v = scaled(cents, 2);
  return v !== null && v <= MAX_MONEY_CENTS;
}

/** A plain decimal quantity within ±999,999,999.9999. */
export function quantityWithinLimit(text: string): boolean {
  const v = scaled(text, 4);
  return v !== null && v <= MAX_QUANTITY_E4;
}

/** A plain decimal money-like value (a unit price) within the money limit. */
export function decimalMoneyWithinLimit(text: string): boolean {
  const v = scaled(text, 2);
  return v !== null && v <= MAX_MONEY_CENTS;
}

/** A rate as a fraction within ±1,000. */
export function rateWithinLimit(text: string): boolean {
  const v = scaled(text, 6);
  return v !== null && v <= BigInt(MAX_RATE) * 1_000_000n;
}

export function textWithinLimit(text: string): boolean {
  return text.length <= MAX_CELL_CHARS;
}
