/**
 * Quantities and counts. A quantity is an exact decimal string (`1.5`, `0.333`); sums in SQL use it
 * in ten-thousandths (`quantity_e4`) when it has at most four decimals. A count (rows, files,
 * distributors) is an integer, shown with thousands separators (`150,000 行`).
 */
import { formatDecimal, groupThousands } from './decimal';

const QUANTITY_E4 = /^(-?)(\d+)(?:\.(\d{1,4}))?$/;

/** `"1.5"` → `15000n`; null when the quantity has more than four decimals (kept exact as text only). */
export function quantityE4(q: string | null | undefined): bigint | null {
  const m = q === null || q === undefined ? null : QUANTITY_E4.exec(q);
  if (!m) return null;
  const v = BigInt(m[2] ?? '0') * 10000n + BigInt(((m[3] ?? '') + '0000').slice(0, 4));
  return m[1] ? -v : v;
}

/** A quantity for reading: separators, every decimal up to four (rounded half away beyond), no trailing zeros. */
export function formatQuantity(value: string | null | undefined): string {
  return formatDecimal(value, 0, 4);
}

/** A count for reading: `150000` → `150,000`. */
export function formatCount(n: number | bigint | null | undefined): string {
  if (n === null || n === undefined) return '';
  if (typeof n === 'number' && !Number.isFinite(n)) return String(n);
  const v = typeof n === 'bigint' ? n : BigInt(Math.round(n));
  return `${v < 0n ? '-' : ''}${groupThousands((v < 0n ? -v : v).toString())}`;
}
