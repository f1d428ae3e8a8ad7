/**
 * One layout per sheet (data.md): a sheet that holds a second header below its data — another
 * report pasted under the first, or two exports of different shapes stacked — cannot be read as one
 * table. A data row that is itself a complete header of the kind is either the same header repeated
 * (print-style exports repeat it on every page: skipped) or a different layout (the file is refused).
 *
 * Cheap on real data: only a row whose amount cell is blank or text (a header has a name there, a
 * data row a figure) is matched as a header.
 */
import type { CellValue } from './cell-value';
import { matchHeaderCells, missingRequired, readHeaderCells } from './header-match';
import type { FieldName, Kind } from './kinds';

const FIGURE_START = /^[\s]*[-+(.0-9¥￥$]/;

export type HeaderLike = { fields: Map<FieldName, number> };

export class LayoutGuard {
  constructor(
    private readonly kind: Kind,
    /** the column a data row has a figure in (the money field's), or null */
    private readonly probe: number | null,
    /** field → column of the sheet's header */
    private readonly header: ReadonlyMap<FieldName, number>,
  ) {}

  /** 'same': the header again; 'other': a header of a different layout; null: a data row. */
  check(cells: readonly CellValue[]): 'same' | 'other' | null {
    if (this.probe === null) return null;
    const cell = cells[this.probe];
    if (typeof cell === 'number' || cell instanceof Date) return null;
    if (typeof cell === 'string' && FIGURE_START.test(cell)) return null;
    let texts = 0;
    for (const c of cells) if (typeof c === 'string' && c.trim() !== '') texts++;
    if (texts < 2) return null;
    const match = matchHeaderCells(this.kind, readHeaderCells([cells], 0, 1));
    const fields = new Map(match.columns.map((c) => [c.field, c.index] as const));
    if (missingRequired(this.kind, new Set(fields.keys())).missing.length > 0) return null;
    for (const [field, index] of this.header) if (fields.get(field) !== index) return 'other';
    return fields.size === this.header.size ? 'same' : 'other';
  }
}
