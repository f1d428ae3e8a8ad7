/**
 * Date cells, Excel serial numbers and date text → `YYYY-MM-DD`. The time of day, where present,
 * is dropped: imports are dated by calendar day.
 */
import { dateCellToIso, scalarOf, type CellValue } from './cell-value';
import type { FieldName } from './kinds';
import { fail, ok, type ParseResult } from './result';
import { problemOfScalar, valueParams } from './scalar-problems';

export type DateOptions = {
  /** the workbook uses the 1904 date system (old Mac Excel); ExcelJS exposes it as `properties.date1904` */
  date1904?: boolean;
  field?: FieldName;
};

const DAY_MS = 86_400_000;
const MAX_SERIAL_1900 = 2_958_465; // 9999-12-31
const MAX_SERIAL_1904 = 2_957_003; // 9999-12-31
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

type Ymd = { kind: 'ok'; iso: string } | { kind: 'nonexistent' } | { kind: 'bad' };

function ymd(year: number, month: number, day: number): Ymd {
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'bad' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'nonexistent' };
  return { kind: 'ok', iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * Excel's 1900 system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February 1900
 * (day 60) that never existed; from day 61 on, day n is 1899-12-30 + n. The 1904 system counts
 * 1904-01-01 as day 0.
 */
function serialToYmd(serial: number, date1904: boolean): Ymd {
  const days = Math.floor(serial);
  let base: number;
  if (date1904) {
    if (days < 0 || days > MAX_SERIAL_1904) return { kind: 'bad' };
    base = Date.UTC(1904, 0, 1);
  } else {
    if (days < 1 || days > MAX_SERIAL_1900) return { kind: 'bad' };
    if (days === 60) return { kind: 'nonexistent' };
    base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  }
  return { kind: 'ok', iso: dateCellToIso(new Date(base + days * DAY_MS)) };
}

const TIME = String.raw`(?:[ t]\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}(?:\.\d+)?秒?)?)?`;
const SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日?${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function textToYmd(raw: string): Ymd {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const m = SEPARATED.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  const c = CHINESE.exec(text.replace(/ (?=[年月日])|(?<=[年月日]) (?=\d)/g, ''));
  if (c) return ymd(Number(c[1]), Number(c[2]), Number(c[3]));
  const k = COMPACT.exec(text);
  if (k) return ymd(Number(k[1]), Number(k[2]), Number(k[3]));
  return { kind: 'bad' };
}

/** ERPs write dates as the number 20260105; no Excel serial reaches eight digits, so it cannot clash. */
function numberToYmd(n: number, date1904: boolean): Ymd {
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return textToYmd(String(n));
  return serialToYmd(n, date1904);
}

export function parseDate(cell: CellValue, options: DateOptions = {}): ParseResult<string> {
  const scalar = scalarOf(cell);
  let result: Ymd;
  switch (scalar.type) {
    case 'date':
      result = Number.isNaN(scalar.value.getTime())
        ? { kind: 'bad' }
        : ymd(scalar.value.getUTCFullYear(), scalar.value.getUTCMonth() + 1, scalar.value.getUTCDate());
      break;
    case 'number':
      result = numberToYmd(scalar.value, options.date1904 ?? false);
      break;
    case 'string':
      result = textToYmd(scalar.value);
      break;
    case 'boolean':
      result = { kind: 'bad' };
      break;
    default:
      return problemOfScalar(scalar, cell, options.field);
  }
  if (result.kind === 'ok') return ok(result.iso);
  const key = result.kind === 'nonexistent' ? 'import.value.date_nonexistent' : 'import.value.not_date';
  return fail(key, valueParams(cell, options.field));
}
