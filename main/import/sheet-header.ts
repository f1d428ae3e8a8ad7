/**
 * Locating a streamed sheet's header: its first rows as `SheetRows`, then a saved template (the
 * mapping the user confirmed for files of this shape), else the automatic search with the user's
 * column choices for this file.
 */
import type { CellValue } from './cell-value';
import { findHeader, HEADER_SEARCH_ROWS, locateSignature, type FindHeaderResult, type MappingOverride, type MappingTemplate, type SheetRows } from './headers';
import type { FieldName, Kind } from './kinds';
import type { RawRow } from './readers/types';

export { HEADER_SEARCH_ROWS };

/** The rows 1–30 of the sheet as findHeader reads them (`rows[i]` is Excel row i + 1; gaps are empty). */
export function headerRows(buffered: readonly RawRow[]): SheetRows {
  const last = buffered.reduce((n, r) => Math.max(n, r.row), 0);
  const rows: (readonly CellValue[])[] = Array.from({ length: Math.min(last, HEADER_SEARCH_ROWS) }, () => []);
  for (const r of buffered) if (r.row >= 1 && r.row <= rows.length) rows[r.row - 1] = r.values;
  return rows;
}

/**
 * A template's columns with the user's choices on top: a field the user assigned leaves the column
 * the template gave it (else findHeader would refuse the field as assigned twice).
 */
function mergedColumns(template: MappingTemplate, override: MappingOverride): Record<string, FieldName | null> {
  const chosen = override.columns ?? {};
  const chosenFields = new Set(Object.values(chosen));
  const columns: Record<string, FieldName | null> = {};
  for (const [letter, field] of Object.entries(template.columns)) {
    if (field === null || !chosenFields.has(field)) columns[letter] = field;
  }
  return { ...columns, ...chosen };
}

function viaTemplate(rows: SheetRows, template: MappingTemplate, override: MappingOverride): FindHeaderResult | null {
  const headerRow = locateSignature(rows, template.signature, template.headerRowSpan);
  if (headerRow === null) return null;
  const found = findHeader(rows, template.kind, { headerRow, headerRowSpan: template.headerRowSpan, columns: mergedColumns(template, override) });
  return found.ok ? found : null;
}

/**
 * The first template of the kind whose header signature is among the sheet's first rows wins; a
 * header row the user chose by hand overrides every template. Without a template, findHeader.
 */
export function locateHeader(rows: SheetRows, kind: Kind, templates: readonly MappingTemplate[], override: MappingOverride): FindHeaderResult {
  if (override.headerRow === undefined) {
    for (const template of templates) {
      if (template.kind !== kind) continue;
      const found = viaTemplate(rows, template, override);
      if (found) return found;
    }
  }
  return findHeader(rows, kind, override);
}
