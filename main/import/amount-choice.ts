/**
 * Line-level over document-level amount (data.md): where several columns could be the amount, the
 * one whose values differ between the lines of one document is the line's amount; a column that
 * repeats one figure on every line of a document (or shows it on the first line only) is the
 * document's total, and summing it would count the document once per line.
 *
 * The evidence is the first documents of the sheet: rows are held until a document of two or more
 * lines shows a candidate that differs between its lines (or until MAX_EVIDENCE_ROWS). Without such
 * a document the header's preference (tax-inclusive, 本币, synonym order) stands.
 */
import { displayCell, type CellValue } from './cell-value';
import { isBlankValue } from './field-plan';
import type { HeaderColumn } from './header-match';
import { isTotalsRowFast } from './totals-check';

export const MAX_EVIDENCE_ROWS = 500;

export type AmountEvidence = {
  /** the first candidate (in preference order) that differs between the lines of a document */
  lineLevel: HeaderColumn | null;
  /** candidates that never differ within a document of several lines */
  documentLevel: HeaderColumn[];
  /** documents of several lines seen */
  documents: number;
};

type Doc = { lines: (readonly CellValue[])[] };

/**
 * Collects rows of one sheet (after its header) and says when there is enough evidence; `decide`
 * then names the line-level column, if any.
 */
export class AmountChoice {
  private readonly docs: Doc[] = [];
  private current: Doc | null = null;
  private currentKey = '';
  private rows = 0;
  private settled = false;

  constructor(
    private readonly docIndex: number,
    /** preference order: the header's choice first */
    private readonly candidates: readonly HeaderColumn[],
  ) {}

  /** Adds a row; true once the evidence is enough (a document with a differing candidate, or the cap). */
  add(cells: readonly CellValue[]): boolean {
    this.rows++;
    if (isTotalsRowFast(cells)) {
      this.close();
      return this.done();
    }
    if (cells.every(isBlankValue)) return this.done();
    const docCell = cells[this.docIndex];
    const key = isBlankValue(docCell) ? null : displayCell(docCell);
    if (key === null || key === this.currentKey) {
      if (this.current) this.current.lines.push(cells);
    } else {
      this.close();
      this.current = { lines: [cells] };
      this.currentKey = key;
    }
    return this.done();
  }

  private close(): void {
    const doc = this.current;
    this.current = null;
    this.currentKey = '';
    if (!doc || doc.lines.length < 2) return;
    this.docs.push(doc);
    if (this.candidates.some((c) => differs(doc, c.index))) this.settled = true;
  }

  private done(): boolean {
    return this.settled || this.rows >= MAX_EVIDENCE_ROWS;
  }

  decide(): AmountEvidence {
    this.close();
    const multi = this.docs;
    const lineLevel = this.candidates.find((c) => multi.some((d) => differs(d, c.index))) ?? null;
    const documentLevel = multi.length === 0 ? [] : this.candidates.filter((c) => !multi.some((d) => differs(d, c.index)));
    return { lineLevel, documentLevel, documents: multi.length };
  }
}

/** Whether the column holds two different figures on the lines of the document. */
function differs(doc: Doc, index: number): boolean {
  let first: string | null = null;
  for (const line of doc.lines) {
    const cell = line[index];
    if (isBlankValue(cell)) continue;
    const text = displayCell(cell).replace(/[,\s¥￥]/g, '');
    if (first === null) first = text;
    else if (text !== first) return true;
  }
  return false;
}
