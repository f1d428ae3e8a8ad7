/**
 * Cell readers for each field type: money, plain decimals, rates, codes, text and status. Each
 * returns a value or a problem, never throws. Money and decimals are exact decimal strings.
 */
import { dateCellToIso, scalarOf, type CellValue } from './cell-value';
import { numberToDecimal, parseNumberText, plainCents, plainNumberText } from './decimal';
import { METHOD_WORDS, type FieldName, type SettlementMethod } from './kinds';
import { fail, ok, type ParseResult } from './result';
import { problemOfScalar, valueParams } from './scalar-problems';
import { decimalToMoney, plainDecimal, WideDecimal, type DistributorState } from '../../domain';
import {
  decimalMoneyWithinLimit,
  MAX_CELL_CHARS,
  MAX_MONEY_TEXT,
  MAX_QUANTITY_TEXT,
  MAX_RATE_TEXT,
  moneyWithinLimit,
  quantityWithinLimit,
  rateWithinLimit,
} from './limits';

/** A value beyond data.md's limits: a row error, never an overflow later. */
function tooLarge<T>(cell: CellValue, field: FieldName | undefined, limit: string): ParseResult<T> {
  return fail('import.value.too_large', { ...valueParams(cell, field), limit });
}

/** A text longer than Excel's 32,767 characters per cell. */
function tooLong<T>(cell: CellValue, field: FieldName | undefined, length: number): ParseResult<T> {
  return fail('import.value.too_long', { ...valueParams(cell, field), length, limit: MAX_CELL_CHARS });
}

function withinMoney(cell: CellValue, field: FieldName | undefined, cents: string): ParseResult<string> {
  return moneyWithinLimit(cents) ? ok(cents) : tooLarge(cell, field, MAX_MONEY_TEXT);
}

export type ValueOptions = { field?: FieldName };

function readNumber(cell: CellValue, field: FieldName | undefined): ParseResult<WideDecimal> {
  const scalar = scalarOf(cell);
  switch (scalar.type) {
    case 'number':
    case 'string': {
      const value = scalar.type === 'number' ? numberToDecimal(scalar.value) : parseNumberText(scalar.value);
      return value ? ok(value) : fail('import.value.not_number', valueParams(cell, field));
    }
    case 'boolean':
    case 'date':
      return fail('import.value.not_number', valueParams(cell, field));
    default:
      return problemOfScalar(scalar, cell, field);
  }
}

/** A money amount to the cent (`1234.50`), rounded half away from zero as Excel displays it. */
export function parseMoney(cell: CellValue, options: ValueOptions = {}): ParseResult<string> {
  // Number cells skip Decimal when their text needs no rounding: a million rows, every one money.
  const plain = typeof cell === 'number' ? plainNumberText(cell) : null;
  const cents = plain === null ? null : plainCents(plain);
  if (cents !== null) return withinMoney(cell, options.field, cents);
  const read = readNumber(cell, options.field);
  return read.ok ? withinMoney(cell, options.field, decimalToMoney(read.value)) : read;
}

/** A quantity or unit price: the exact decimal, not rounded (`1.5`, `0.333`). */
export function parseDecimal(cell: CellValue, options: ValueOptions = {}): ParseResult<string> {
  const plain = typeof cell === 'number' ? plainNumberText(cell) : null;
  const read = plain !== null ? null : readNumber(cell, options.field);
  if (read && !read.ok) return read;
  const text = plain ?? (read?.ok ? plainDecimal(read.value) : '0');
  if (options.field === 'quantity') return quantityWithinLimit(text) ? ok(text) : tooLarge(cell, options.field, MAX_QUANTITY_TEXT);
  return decimalMoneyWithinLimit(text) ? ok(text) : tooLarge(cell, options.field, MAX_MONEY_TEXT);
}

export type RateOptions = ValueOptions & {
  /** the cell's number format contains `%` (ExcelJS `cell.numFmt`): its number is already a fraction */
  percentFormat?: boolean;
};

const PERCENT_THRESHOLD = new WideDecimal('1.5');

/** A rate as a fraction (`0.85`) from 0.85, `85%`, `85.5 %`, or a plain 85 (with a warning). */
export function parseRate(cell: CellValue, options: RateOptions = {}): ParseResult<string> {
  const scalar = scalarOf(cell);
  const params = valueParams(cell, options.field);
  if (scalar.type === 'string') {
    const text = scalar.value.normalize('NFKC').replace(/\s+/g, '');
    if (text.endsWith('%')) {
      const value = parseNumberText(text.slice(0, -1));
      return value ? withinRate(cell, options.field, plainDecimal(value.dividedBy(100))) : fail('import.value.not_rate', params);
    }
  }
  if (scalar.type === 'boolean' || scalar.type === 'date') return fail('import.value.not_rate', params);
  const read = readNumber(cell, options.field);
  if (!read.ok) return read.key === 'import.value.not_number' ? fail('import.value.not_rate', params) : read;
  if (options.percentFormat && scalar.type === 'number') return withinRate(cell, options.field, plainDecimal(read.value));
  if (read.value.gt(PERCENT_THRESHOLD)) {
    const fraction = plainDecimal(read.value.dividedBy(100));
    if (!rateWithinLimit(fraction)) return tooLarge(cell, options.field, MAX_RATE_TEXT);
    return ok(fraction, { key: 'import.value.rate_as_percent', params: { ...params, result: `${plainDecimal(read.value)}%` } });
  }
  return withinRate(cell, options.field, plainDecimal(read.value));
}

function withinRate(cell: CellValue, field: FieldName | undefined, fraction: string): ParseResult<string> {
  return rateWithinLimit(fraction) ? ok(fraction) : tooLarge(cell, field, MAX_RATE_TEXT);
}

/** Excel keeps 15 significant digits; a longer number code has already lost its tail. */
const EXCEL_DIGITS = 15;

/** A code (distributor, SKU, document): trimmed, NFKC, upper-case; a number cell 123 is `123`. */
export function parseCode(cell: CellValue, options: ValueOptions = {}): ParseResult<string> {
  const scalar = scalarOf(cell);
  switch (scalar.type) {
    case 'string':
      if (scalar.value.length > MAX_CELL_CHARS) return tooLong(cell, options.field, scalar.value.length);
      return ok(scalar.value.normalize('NFKC').trim().toUpperCase());
    case 'number': {
      const plain = plainNumberText(scalar.value);
      const value = plain === null ? numberToDecimal(scalar.value) : null;
      if (plain === null && !value) return fail('import.value.not_code', valueParams(cell, options.field));
      const code = plain ?? (value ? plainDecimal(value) : '');
      const digits = code.replace(/^-/, '').split('.')[0]?.length ?? 0;
      if (digits > EXCEL_DIGITS) return ok(code, { key: 'import.value.code_digits_lost', params: { ...valueParams(cell, options.field), value: code } });
      return ok(code);
    }
    case 'boolean':
    case 'date':
      return fail('import.value.not_code', valueParams(cell, options.field));
    default:
      return problemOfScalar(scalar, cell, options.field);
  }
}

/** Free text (names, regions, reasons): trimmed; numbers and dates as they read. */
export function parseText(cell: CellValue, options: ValueOptions = {}): ParseResult<string> {
  const scalar = scalarOf(cell);
  switch (scalar.type) {
    case 'string':
      if (scalar.value.length > MAX_CELL_CHARS) return tooLong(cell, options.field, scalar.value.length);
      return ok(scalar.value.trim());
    case 'number': {
      const value = numberToDecimal(scalar.value);
      return value ? ok(plainDecimal(value)) : fail('import.value.not_number', valueParams(cell, options.field));
    }
    case 'boolean':
      return ok(scalar.value ? 'TRUE' : 'FALSE');
    case 'date':
      return Number.isNaN(scalar.value.getTime())
        ? fail('import.value.not_date', valueParams(cell, options.field))
        : ok(dateCellToIso(scalar.value));
    default:
      return problemOfScalar(scalar, cell, options.field);
  }
}

export type DistributorStatus = DistributorState;

const STATUS_WORDS: Record<string, DistributorStatus> = {
  启用: 'active',
  正常: 'active',
  active: 'active',
  停用: 'inactive',
  冻结: 'inactive',
  inactive: 'inactive',
};

/**
 * A settlement's method (ledger.md): 票折/invoice, 货补/goods, 冲应收/offset, 现金/cash, any case;
 * an empty cell is `invoice`. Anything else is the row's error.
 */
export function parseMethod(cell: CellValue, options: ValueOptions = {}): ParseResult<SettlementMethod> {
  const scalar = scalarOf(cell);
  if (scalar.type === 'blank') return ok('invoice');
  if (scalar.type === 'error' || scalar.type === 'no-result') return problemOfScalar(scalar, cell, options.field);
  const word = scalar.type === 'string' ? scalar.value.normalize('NFKC').trim().toLowerCase() : '';
  const method = Object.prototype.hasOwnProperty.call(METHOD_WORDS, word) ? METHOD_WORDS[word] : undefined;
  return method ? ok(method) : fail('import.value.not_method', valueParams(cell, options.field));
}

/** A distributor's status; an empty cell is `active`, the default data.md gives. */
export function parseStatus(cell: CellValue, options: ValueOptions = {}): ParseResult<DistributorStatus> {
  const scalar = scalarOf(cell);
  if (scalar.type === 'blank') return ok('active');
  if (scalar.type === 'error' || scalar.type === 'no-result') return problemOfScalar(scalar, cell, options.field);
  const word = scalar.type === 'string' ? scalar.value.normalize('NFKC').trim().toLowerCase() : '';
  const status = STATUS_WORDS[word];
  return status ? ok(status) : fail('import.value.not_status', valueParams(cell, options.field));
}
