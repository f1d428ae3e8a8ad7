import type { CellValue } from '../cell-value';

/** One worksheet row as read: 0-based cell values, and which cells are formatted as % (rates). */
export interface RawRow {
  /** the row number Excel shows (1-based) */
  row: number;
  values: CellValue[];
  /** columns (0-based) whose number format is a percentage */
  percent?: number[];
}

export interface SheetStart {
  name: string;
  index: number;
  hidden: boolean;
}

export type ReadEvent = { type: 'sheet'; sheet: SheetStart } | { type: 'row'; row: RawRow };
