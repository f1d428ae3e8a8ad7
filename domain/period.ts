/**
 * Periods: a month written `YYYY-MM` (`2026-03`). The one place where a period is recognised,
 * stepped, split into year/month/quarter and turned into a range or a date.
 */

/** `2026-03`; months 01–12. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** `2026-03-12`: a calendar-shaped date (the day is checked against the month by `isDate`). */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type Period = string;

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && PERIOD_PATTERN.test(value);
}

export function parsePeriod(period: string): { year: number; month: number } | null {
  if (!isPeriod(period)) return null;
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

function parts(period: string): { year: number; month: number } {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`not a period: ${period}`);
  return p;
}

/** `(2026, 3)` → `2026-03`; months outside 1–12 roll over into the next or previous year. */
export function makePeriod(year: number, month: number): Period {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

export function addMonths(period: string, months: number): Period {
  const { year, month } = parts(period);
  return makePeriod(year, month + months);
}

export function previousPeriod(period: string): Period {
  return addMonths(period, -1);
}

export function nextPeriod(period: string): Period {
  return addMonths(period, 1);
}

export function periodYear(period: string): number {
  return parts(period).year;
}

export function periodMonth(period: string): number {
  return parts(period).month;
}

/** 1–4. */
export function periodQuarter(period: string): number {
  return Math.ceil(parts(period).month / 3);
}

/** March, June, September, December. */
export function isQuarterEnd(period: string): boolean {
  return parts(period).month % 3 === 0;
}

/** January of the period's year (`2026-03` → `2026-01`), where year-to-date sums start. */
export function yearStart(period: string): Period {
  return makePeriod(parts(period).year, 1);
}

/** Every period from `from` to `to`, both included (empty when `to` is before `from`). */
export function periodRange(from: string, to: string): Period[] {
  const out: Period[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) out.push(p);
  return out;
}

/** The last day of the period: `2026-02` → `2026-02-28`. */
export function periodEndDate(period: string): string {
  const { year, month } = parts(period);
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The month before the one `now` is in (the period a month end usually closes), in UTC or local time. */
export function previousMonth(now: Date, zone: 'utc' | 'local' = 'utc'): Period {
  const year = zone === 'utc' ? now.getUTCFullYear() : now.getFullYear();
  const month = zone === 'utc' ? now.getUTCMonth() + 1 : now.getMonth() + 1;
  return makePeriod(year, month - 1);
}

/** The period a `YYYY-MM-DD` date belongs to. */
export function periodOfDate(date: string): Period {
  return date.slice(0, 7);
}

/** A real calendar date `YYYY-MM-DD` (no 2026-02-30). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  return value <= periodEndDate(value.slice(0, 7));
}

/** A timestamp (ISO) or date as `YYYY-MM-DD`, the way dates are shown everywhere. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A timestamp as `2026-03-12 10:02` on this computer's clock, the same in every language. */
export function formatDateTime(value: string | Date | null | undefined, seconds = false): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`;
}
