/**
 * Matching the cells of a candidate header (one row, or two rows where a merged group title sits
 * above the column names) to a kind's fields.
 */
import { scalarOf, type CellValue } from './cell-value';
import { columnLetter } from './column-letters';
import { currencyQualifier, isTaxInclusiveHeader, normaliseHeader, type CurrencyQualifier } from './header-normalise';
import { KIND_DEFS, type FieldName, type Kind } from './kinds';

export type HeaderColumn = { index: number; letter: string; header: string };
export type MappedColumn = HeaderColumn & { field: FieldName; qualifier?: CurrencyQualifier };
/**
 * Why the chosen column won over the next one: a tax-inclusive header, 本币 over 原币, the earlier
 * synonym, the leftmost column; or (decided from the rows, amount-choice.ts) it is the line-level one.
 */
export type ChoiceReason = 'tax_inclusive' | 'home_currency' | 'synonym' | 'leftmost' | 'line_level';
export type HeaderAmbiguity = { field: FieldName; chosen: HeaderColumn; others: HeaderColumn[]; reason: ChoiceReason };
export type ColumnMatch = { columns: MappedColumn[]; unmatched: HeaderColumn[]; ambiguities: HeaderAmbiguity[] };

type SynonymHit = { field: FieldName; priority: number };

const lookups = new Map<Kind, ReadonlyMap<string, SynonymHit>>();

export function synonymLookup(kind: Kind): ReadonlyMap<string, SynonymHit> {
  const cached = lookups.get(kind);
  if (cached) return cached;
  const lookup = new Map<string, SynonymHit>();
  for (const { field, synonyms } of KIND_DEFS[kind].fields) {
    synonyms.forEach((synonym, priority) => {
      const key = normaliseHeader(synonym);
      if (!lookup.has(key)) lookup.set(key, { field, priority });
    });
  }
  lookups.set(kind, lookup);
  return lookup;
}

export function headerText(cell: CellValue): string {
  const scalar = scalarOf(cell);
  return scalar.type === 'string' || scalar.type === 'number' ? String(scalar.value).trim() : '';
}

/** One column of a candidate header; `upper` is empty for a one-row header. */
export type HeaderCell = { index: number; upper: string; lower: string };

/**
 * The header cells of rows `lastRow - span + 1 … lastRow` (0-based). A merged group title arrives in
 * its top-left cell only (ExcelJS's full loader repeats it in every cell of the merge): it is carried
 * right over the columns whose names sit below it. A cell merged down over both rows has its name in
 * the upper row and nothing below, and is not carried.
 */
export function readHeaderCells(rows: readonly (readonly CellValue[])[], lastRow: number, span: 1 | 2): HeaderCell[] {
  const lower = (rows[lastRow] ?? []).map(headerText);
  const upper = span === 2 ? (rows[lastRow - 1] ?? []).map(headerText) : [];
  const width = Math.max(lower.length, upper.length);
  const cells: HeaderCell[] = [];
  let group = '';
  for (let index = 0; index < width; index++) {
    const below = lower[index] ?? '';
    let above = upper[index] ?? '';
    if (above !== '') group = below !== '' ? above : '';
    else if (below !== '') above = group;
    else group = '';
    cells.push({ index, upper: above, lower: below });
  }
  return cells;
}

/** The readings of a cell, best first: group title + name, the name alone, the title of a cell merged down. */
function readings(cell: HeaderCell): { raw: string; header: string }[] {
  const { upper, lower } = cell;
  if (upper !== '' && lower !== '') {
    return upper === lower ? [{ raw: lower, header: lower }] : [{ raw: upper + lower, header: `${upper}/${lower}` }, { raw: lower, header: lower }];
  }
  if (lower !== '') return [{ raw: lower, header: lower }];
  return upper !== '' ? [{ raw: upper, header: upper }] : [];
}

/** Normalised header text of each cell as the signature sees it. */
export function normalisedRows(cells: readonly HeaderCell[], span: 1 | 2): string[][] {
  const lower = cells.map((c) => normaliseHeader(c.lower));
  return span === 2 ? [cells.map((c) => normaliseHeader(c.upper)), lower] : [lower];
}

type Candidate = { column: HeaderColumn; field: FieldName; priority: number; taxRank: number; currencyRank: number; qualifier: CurrencyQualifier | null };

const CURRENCY_RANK: Record<CurrencyQualifier | 'none', number> = { 本币: 0, none: 1, 原币: 2 };

function byPreference(a: Candidate, b: Candidate): number {
  return a.taxRank - b.taxRank || a.currencyRank - b.currencyRank || a.priority - b.priority || a.column.index - b.column.index;
}

function reasonOf(chosen: Candidate, next: Candidate): ChoiceReason {
  if (chosen.taxRank !== next.taxRank) return 'tax_inclusive';
  if (chosen.currencyRank !== next.currencyRank) return 'home_currency';
  return chosen.priority !== next.priority ? 'synonym' : 'leftmost';
}

/**
 * Maps each column to at most one field and each field to at most one column. Where several columns
 * match a field, a tax-inclusive one wins (价税合计 / 含税金额 over 金额), then the earlier synonym,
 * then the leftmost column; the others are reported as an ambiguity.
 */
export function matchHeaderCells(kind: Kind, cells: readonly HeaderCell[]): ColumnMatch {
  const lookup = synonymLookup(kind);
  const byField = new Map<FieldName, Candidate[]>();
  const unmatched: HeaderColumn[] = [];
  for (const cell of cells) {
    const options = readings(cell);
    const letter = columnLetter(cell.index);
    let matched = false;
    for (const { raw, header } of options) {
      const hit = lookup.get(normaliseHeader(raw));
      if (!hit) continue;
      const qualifier = currencyQualifier(raw) ?? currencyQualifier(cell.lower);
      const candidate: Candidate = {
        column: { index: cell.index, letter, header },
        field: hit.field,
        priority: hit.priority,
        taxRank: isTaxInclusiveHeader(raw) ? 0 : 1,
        currencyRank: CURRENCY_RANK[qualifier ?? 'none'],
        qualifier,
      };
      byField.set(hit.field, [...(byField.get(hit.field) ?? []), candidate]);
      matched = true;
      break;
    }
    const first = options[0];
    if (!matched && first) unmatched.push({ index: cell.index, letter, header: first.header });
  }
  const columns: MappedColumn[] = [];
  const ambiguities: HeaderAmbiguity[] = [];
  for (const [field, candidates] of byField) {
    const [chosen, ...others] = [...candidates].sort(byPreference);
    if (!chosen) continue;
    columns.push(chosen.qualifier ? { ...chosen.column, field, qualifier: chosen.qualifier } : { ...chosen.column, field });
    const [next] = others;
    if (next) ambiguities.push({ field, chosen: chosen.column, others: others.map((o) => o.column), reason: reasonOf(chosen, next) });
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, unmatched, ambiguities };
}

/** The kind's required set closest to satisfied, and its fields still missing (none: satisfied). */
export function missingRequired(kind: Kind, fields: ReadonlySet<FieldName>): { set: readonly FieldName[]; missing: FieldName[] } {
  let best: { set: readonly FieldName[]; missing: FieldName[] } = { set: [], missing: [] };
  KIND_DEFS[kind].requiredSets.forEach((set, i) => {
    const missing = set.filter((f) => !fields.has(f));
    if (i === 0 || missing.length < best.missing.length) best = { set, missing };
  });
  return best;
}
