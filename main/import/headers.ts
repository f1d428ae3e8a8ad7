/**
 * Finding the header row of a sheet (data.md "Finding the header"): the first of the first 30 rows
 * in which every required field of the kind has a column, a two-row merged header read as one, and
 * the user's column choices (a mapping override or a saved template) applied on top.
 */
import type { CellValue } from './cell-value';
import { columnIndex, columnLetter } from './column-letters';
import {
  matchHeaderCells,
  missingRequired,
  normalisedRows,
  readHeaderCells,
  type ColumnMatch,
  type HeaderAmbiguity,
  type HeaderColumn,
  type MappedColumn,
} from './header-match';
import { headerSignature } from './header-signature';
import { kindHasField, KIND_DEFS, type FieldName, type Kind } from './kinds';
import type { MessageKey, MessageParams, Problem } from './messages';

export type { HeaderAmbiguity, HeaderColumn, MappedColumn } from './header-match';

/** Rows are searched for the header among the first 30 only. */
export const HEADER_SEARCH_ROWS = 30;

/** `rows[i]` is the sheet's row i + 1 and `rows[i][j]` its column j (A = 0); gaps are empty arrays. */
export type SheetRows = readonly (readonly CellValue[])[];

export type MappingOverride = {
  /** the header's (last) row as Excel numbers it; when absent the header is searched for */
  headerRow?: number;
  /** 2 when the header spans `headerRow - 1` and `headerRow` */
  headerRowSpan?: 1 | 2;
  /** column letter → field, or `null` to ignore a column the automatic match took */
  columns?: Readonly<Record<string, FieldName | null>>;
};

/** A saved mapping, reused for files whose header has the same signature. */
export type MappingTemplate = { kind: Kind; signature: string; headerRowSpan: 1 | 2; columns: Readonly<Record<string, FieldName | null>> };

export type HeaderMatch = {
  kind: Kind;
  /** the header's last row as Excel numbers it; data starts on the next row */
  headerRow: number;
  headerRowSpan: 1 | 2;
  /** matched columns, left to right */
  columns: MappedColumn[];
  /** field → column index (A = 0) */
  fieldColumns: Partial<Record<FieldName, number>>;
  /** columns with a header that matches no field (listed in the report) */
  unmatched: HeaderColumn[];
  /** fields that several columns could be: the chosen column and the others */
  ambiguities: HeaderAmbiguity[];
  signature: string;
};

export type FindHeaderResult =
  | { ok: true; match: HeaderMatch }
  | { ok: false; key: MessageKey; params: MessageParams; missing: FieldName[]; closestRow?: number };

type ParsedOverride = { columns: Map<number, FieldName | null> };

function validateOverride(kind: Kind, override: MappingOverride, rowCount: number): ParsedOverride | Problem {
  const columns = new Map<number, FieldName | null>();
  const lettersByField = new Map<FieldName, string[]>();
  for (const [letter, field] of Object.entries(override.columns ?? {})) {
    const index = columnIndex(letter);
    if (index === null) return { key: 'import.mapping.bad_column', params: { column: letter } };
    if (field !== null && !kindHasField(kind, field)) {
      return { key: 'import.mapping.field_not_in_kind', params: { field, kind, column: columnLetter(index) } };
    }
    columns.set(index, field);
    if (field !== null) lettersByField.set(field, [...(lettersByField.get(field) ?? []), columnLetter(index)]);
  }
  for (const [field, letters] of lettersByField) {
    if (letters.length > 1) return { key: 'import.mapping.duplicate_field', params: { field, columns: letters.join(',') } };
  }
  const { headerRow, headerRowSpan = 1 } = override;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow - headerRowSpan < 0 || headerRow > rowCount)) {
    return { key: 'import.mapping.bad_row', params: { row: headerRow } };
  }
  return { columns };
}

/** The user's choices win: an overridden column loses its automatic field, a chosen field its automatic column. */
function applyOverride(match: ColumnMatch, headers: ReadonlyMap<number, string>, override: ParsedOverride): ColumnMatch {
  if (override.columns.size === 0) return match;
  const chosenFields = new Set([...override.columns.values()].filter((f): f is FieldName => f !== null));
  const kept: MappedColumn[] = [];
  const unmatched = match.unmatched.filter((c) => !override.columns.has(c.index));
  for (const column of match.columns) {
    const overridden = override.columns.has(column.index);
    if (!overridden && !chosenFields.has(column.field)) kept.push(column);
    else if (!overridden) unmatched.push({ index: column.index, letter: column.letter, header: column.header });
  }
  for (const [index, field] of override.columns) {
    const column = { index, letter: columnLetter(index), header: headers.get(index) ?? '' };
    if (field !== null) kept.push({ ...column, field });
    else if (column.header !== '') unmatched.push(column);
  }
  kept.sort((a, b) => a.index - b.index);
  unmatched.sort((a, b) => a.index - b.index);
  const ambiguities = match.ambiguities.filter((a) => !chosenFields.has(a.field));
  return { columns: kept, unmatched, ambiguities };
}

type Evaluated = HeaderScan;

function evaluate(kind: Kind, rows: SheetRows, lastRow: number, span: 1 | 2, override: ParsedOverride): Evaluated {
  const cells = readHeaderCells(rows, lastRow, span);
  const headers = new Map<number, string>();
  for (const c of cells) headers.set(c.index, c.lower !== '' ? c.lower : c.upper);
  const matched = applyOverride(matchHeaderCells(kind, cells), headers, override);
  const fieldColumns: Partial<Record<FieldName, number>> = {};
  for (const c of matched.columns) fieldColumns[c.field] = c.index;
  const match: HeaderMatch = {
    kind,
    headerRow: lastRow + 1,
    headerRowSpan: span,
    ...matched,
    fieldColumns,
    signature: headerSignature(normalisedRows(cells, span)),
  };
  const { set, missing } = missingRequired(kind, new Set(matched.columns.map((c) => c.field)));
  return { match, missing, required: set };
}

/**
 * The header candidates of the sheet in search order: at each row, the row itself, then the row
 * with the one below it as a two-row header, preferred over the lower row alone only when the
 * combination maps more columns (a title row above the header must not become part of it).
 */
function* candidates(kind: Kind, rows: SheetRows, override: ParsedOverride): Generator<Evaluated> {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const single = evaluate(kind, rows, r, 1, override);
    yield single;
    if (r + 1 >= limit) continue;
    const pair = evaluate(kind, rows, r + 1, 2, override);
    if (pair.missing.length > 0) continue;
    const lowerAlone = evaluate(kind, rows, r + 1, 1, override);
    if (lowerAlone.missing.length > 0 || pair.match.columns.length > lowerAlone.match.columns.length) yield pair;
  }
}

function notFound(kind: Kind, closest: Evaluated | undefined, chosenRow = false): FindHeaderResult {
  const required = KIND_DEFS[kind].requiredSets[0] ?? [];
  const matchedRequired = closest ? closest.required.length - closest.missing.length : 0;
  // A row with half the required columns is a header with columns misnamed; less is no header at all.
  if (closest && (chosenRow || matchedRequired * 2 >= closest.required.length)) {
    const { missing, match } = closest;
    return { ok: false, key: 'import.header.missing_columns', params: { kind, row: match.headerRow, fields: missing.join(',') }, missing, closestRow: match.headerRow };
  }
  return { ok: false, key: 'import.header.not_found', params: { kind, fields: required.join(',') }, missing: [...required] };
}

export function findHeader(rows: SheetRows, kind: Kind, override: MappingOverride = {}): FindHeaderResult {
  const parsed = validateOverride(kind, override, rows.length);
  if ('key' in parsed) return { ok: false, ...parsed, missing: [] };
  if (override.headerRow !== undefined) {
    const found = evaluate(kind, rows, override.headerRow - 1, override.headerRowSpan ?? 1, parsed);
    return found.missing.length === 0 ? { ok: true, match: found.match } : notFound(kind, found, true);
  }
  const best = scan(kind, rows, parsed);
  return best && best.missing.length === 0 ? { ok: true, match: best.match } : notFound(kind, best);
}

/** The first candidate that satisfies the kind, else the one closest to it (fewest required missing). */
function scan(kind: Kind, rows: SheetRows, override: ParsedOverride): Evaluated | undefined {
  let closest: Evaluated | undefined;
  for (const candidate of candidates(kind, rows, override)) {
    if (candidate.missing.length === 0) return candidate;
    if (!closest || candidate.missing.length < closest.missing.length) closest = candidate;
  }
  return closest;
}

export type HeaderScan = { match: HeaderMatch; missing: FieldName[]; required: readonly FieldName[] };

/** The header as found (`missing` empty) or the closest row to one; for proposing a kind. */
export function scanHeader(rows: SheetRows, kind: Kind): HeaderScan | undefined {
  return scan(kind, rows, { columns: new Map() });
}

/** The header row (last row, 1-based) among the first 30 whose signature is the template's. */
export function locateSignature(rows: SheetRows, signature: string, span: 1 | 2): number | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = span - 1; r < limit; r++) {
    if (headerSignature(normalisedRows(readHeaderCells(rows, r, span), span)) === signature) return r + 1;
  }
  return null;
}

/** Applies a saved template when the sheet has its header; `null` when it does not. */
export function findHeaderWithTemplate(rows: SheetRows, template: MappingTemplate): FindHeaderResult | null {
  const headerRow = locateSignature(rows, template.signature, template.headerRowSpan);
  if (headerRow === null) return null;
  return findHeader(rows, template.kind, { headerRow, headerRowSpan: template.headerRowSpan, columns: template.columns });
}

/** The header's report lines: fields several columns could be, and columns ignored. */
export function headerNotes(match: HeaderMatch): Problem[] {
  const notes: Problem[] = match.ambiguities.map((a) => ({
    key: 'import.header.ambiguous',
    params: { field: a.field, column: a.chosen.letter, columns: [a.chosen, ...a.others].map((c) => c.letter).join(',') },
  }));
  for (const c of match.unmatched) notes.push({ key: 'import.header.column_ignored', params: { column: c.letter, header: c.header } });
  return notes;
}

/** A template to save from a header the user has confirmed. */
export function templateOf(match: HeaderMatch): MappingTemplate {
  const columns: Record<string, FieldName | null> = {};
  for (const c of match.columns) columns[c.letter] = c.field;
  for (const c of match.unmatched) columns[c.letter] = null;
  return { kind: match.kind, signature: match.signature, headerRowSpan: match.headerRowSpan, columns };
}
