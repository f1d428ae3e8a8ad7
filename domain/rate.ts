/**
 * Rates and percentages. A rate travels as a ratio in a decimal string (`0.8288737…`) and is shown
 * as a percentage with two decimals (`82.89%`), rounded half away from zero. Shares computed from
 * money are basis points (1/100 of a percent) as bigint.
 */
import { formatDecimal, parseDecimal, roundUnits, unitsToDecimal } from './decimal';

/** A ratio (`"0.0312"`) as a percentage (`"3.12%"`): the point moves two places, then rounds. */
export function formatPercent(value: string | null | undefined, digits = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parseDecimal(value);
  if (!p) return value;
  const shifted = { ...p, scale: Math.max(0, p.scale - 2), units: p.scale >= 2 ? p.units : p.units * 10n ** BigInt(2 - p.scale) };
  const rounded = roundUnits(shifted, digits);
  return `${formatDecimal(unitsToDecimal(p.negative ? -rounded : rounded, digits), digits, digits)}%`;
}

/** part / whole in basis points, rounded half away from zero; null when the whole is 0. */
export function shareBasisPoints(part: bigint, whole: bigint): bigint | null {
  if (whole === 0n) return null;
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  const bp = (p * 20000n + w) / (2n * w);
  return negative ? -bp : bp;
}

/** Basis points as a percentage with two decimals (`1234n` → `12.34%`). */
export function formatBasisPoints(bp: bigint | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return `${formatDecimal(unitsToDecimal(bp, 2), 2, 2)}%`;
}
