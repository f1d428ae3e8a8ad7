/**
 * Documents on several lines (data.md): 金蝶 KIS/精斗云 and 金蝶云星空 write a document's header fields
 * (单据编号, 单据日期, 客户) on its first line only and leave them blank on the lines that follow. Such a
 * continuation line — document fields blank, line fields (sku, quantity, amount) filled — takes the
 * blank document fields from the first line of the document above it. A row whose doc_no repeats the
 * document above takes that document's date and distributor where its own are blank. A continuation
 * line that follows no document (the first data row, or the first after a totals row) is an error.
 */
import type { CellValue } from './cell-value';
import { displayCell } from './cell-value';
import { isBlankValue, type PlannedColumn } from './field-plan';
import type { FieldName } from './kinds';

/** The fields that belong to the document, not to one of its lines. */
export const DOCUMENT_FIELDS: readonly FieldName[] = ['doc_no', 'date', 'distributor_code', 'distributor_name'];
/** Fields whose presence makes a row a line of a document. */
const LINE_FIELDS: readonly FieldName[] = ['sku_code', 'sku_name', 'quantity', 'amount'];

export type Carried = { cells: CellValue[]; filled: boolean } | 'orphan';

export class DocumentCarry {
  private readonly docIndex: number | null;
  private readonly docColumns: number[];
  private readonly lineColumns: number[];
  private current: { doc: string; cells: Map<number, CellValue> } | null = null;

  constructor(plan: readonly PlannedColumn[]) {
    const index = (f: FieldName): number | undefined => plan.find((c) => c.field === f)?.index;
    this.docIndex = index('doc_no') ?? null;
    this.docColumns = DOCUMENT_FIELDS.map(index).filter((i): i is number => i !== undefined);
    this.lineColumns = LINE_FIELDS.map(index).filter((i): i is number => i !== undefined);
  }

  /** A totals row ends the document above it. */
  reset(): void {
    this.current = null;
  }

  /** The cells to read for this row: its own, or a copy with the document's fields carried down. */
  carry(cells: CellValue[]): Carried {
    const docIndex = this.docIndex;
    if (docIndex === null) return { cells, filled: false };
    const docCell = cells[docIndex];
    if (isBlankValue(docCell)) {
      if (!this.lineColumns.some((i) => !isBlankValue(cells[i]))) return { cells, filled: false };
      return this.current ? this.fill(cells) : 'orphan';
    }
    const doc = displayCell(docCell).normalize('NFKC').toUpperCase();
    if (this.current?.doc === doc) return this.fill(cells);
    const kept = new Map<number, CellValue>();
    for (const i of this.docColumns) kept.set(i, cells[i]);
    this.current = { doc, cells: kept };
    return { cells, filled: false };
  }

  private fill(cells: CellValue[]): Carried {
    const current = this.current;
    if (!current) return { cells, filled: false };
    let copy: CellValue[] | null = null;
    for (const i of this.docColumns) {
      if (!isBlankValue(cells[i])) continue;
      const value = current.cells.get(i);
      if (isBlankValue(value)) continue;
      copy ??= [...cells];
      while (copy.length <= i) copy.push(null);
      copy[i] = value ?? null;
    }
    return copy ? { cells: copy, filled: true } : { cells, filled: false };
  }
}
