/**
 * Reading a CSV file into rows of strings (RFC 4180: quoted fields with separators, doubled quotes
 * and line breaks inside, CRLF, LF or CR line ends). Row i of the result is the row i + 1 Excel
 * shows, since Excel keeps a quoted line break inside its cell.
 *
 * Hand-written rather than fast-csv (present only as ExcelJS's dependency): fast-csv is not a
 * declared dependency, is stream-only, reports no reliable row for a malformed record, and was
 * several times slower on a million rows. The property tests in csv.test.ts pin this parser down.
 */
import { columnLetter, MAX_COLUMNS } from './column-letters';
import { decodeCsv, type CsvEncoding } from './csv-decode';
import { detectSeparator, type CsvSeparator } from './csv-separator';
import type { MessageKey, MessageParams } from './messages';
import { fail, ok, type ParseResult } from './result';

/**
 * Bounds of a CSV record (issue 11, hostile files): Excel's own column limit, and a field far longer
 * than Excel's 32,767-character cell (longer cells within it are the row's error, as data.md says;
 * beyond it the file is refused before the text is copied again).
 */
export const MAX_CSV_FIELD_CHARS = 1_048_576;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export type CsvRecord = { ok: true; row: string[] } | { ok: false; key: MessageKey; params: MessageParams };

/**
 * The records of a CSV text one at a time, so a million-row file is not held twice. After a
 * malformed record it yields the problem and stops.
 *
 * Strict about quotes: a quoted field must close, and be followed by a separator or a line end.
 * Excel would guess, and a guess here silently merges or splits rows of money.
 */
export function* csvRecords(text: string, separator: CsvSeparator): Generator<CsvRecord, void, undefined> {
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let record = 1;
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let field: string;
    if (row.length >= MAX_COLUMNS) {
      yield { ok: false, key: 'import.csv.too_many_columns', params: { row: record, limit: MAX_COLUMNS } };
      return;
    }
    const tooLong = (length: number): CsvRecord => ({ ok: false, key: 'import.csv.field_too_long', params: { row: record, column: columnLetter(row.length), chars: length, limit: MAX_CSV_FIELD_CHARS } });
    if (text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          yield { ok: false, key: 'import.csv.malformed', params: { row: record } };
          return;
        }
        if (close - i > MAX_CSV_FIELD_CHARS) {
          yield tooLong(close - i);
          return;
        }
        parts.push(text.slice(from, close));
        if (text.charCodeAt(close + 1) !== QUOTE) {
          i = close + 1;
          break;
        }
        parts.push('"');
        from = close + 2;
      }
      field = parts.join('');
      const next = i < n ? text.charCodeAt(i) : -1;
      if (next !== -1 && next !== sep && next !== CR && next !== LF) {
        yield { ok: false, key: 'import.csv.malformed', params: { row: record } };
        return;
      }
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === sep || c === CR || c === LF) break;
        i++;
      }
      if (i - start > MAX_CSV_FIELD_CHARS) {
        yield tooLong(i - start);
        return;
      }
      field = text.slice(start, i);
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    i++;
    if (c === sep) {
      // A separator at the very end means one more, empty, field.
      if (i === n) row.push('');
      continue;
    }
    if (c === CR && text.charCodeAt(i) === LF) i++;
    yield { ok: true, row };
    record++;
    row = [];
  }
  if (row.length > 0) yield { ok: true, row };
}

/** All records of a CSV text, or the first problem. */
export function parseCsvText(text: string, separator: CsvSeparator): ParseResult<string[][]> {
  const rows: string[][] = [];
  for (const record of csvRecords(text, separator)) {
    if (!record.ok) return fail(record.key, record.params);
    rows.push(record.row);
  }
  return ok(rows);
}

export type CsvRead =
  | { ok: true; rows: string[][]; encoding: CsvEncoding; separator: CsvSeparator }
  | { ok: false; key: MessageKey; params: MessageParams };

/** Bytes → text and separator, for reading the records one at a time with `csvRecords`. */
export function openCsv(bytes: Uint8Array): { ok: true; text: string; encoding: CsvEncoding; separator: CsvSeparator } | { ok: false; key: MessageKey; params: MessageParams } {
  if (bytes.length === 0) return { ok: false, key: 'import.csv.empty', params: {} };
  const { text, encoding } = decodeCsv(bytes);
  return { ok: true, text, encoding, separator: detectSeparator(text) };
}

/** Bytes → all rows at once: decoding, separator and parsing together. */
export function readCsv(bytes: Uint8Array): CsvRead {
  const opened = openCsv(bytes);
  if (!opened.ok) return opened;
  const { text, encoding, separator } = opened;
  const parsed = parseCsvText(text, separator);
  return parsed.ok ? { ok: true, rows: parsed.value, encoding, separator } : parsed;
}
