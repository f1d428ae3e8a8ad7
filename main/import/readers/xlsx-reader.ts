import type { ReadEvent } from './types';
import { readXlsxFast } from './fast-xlsx';

/**
 * Streams an .xlsx/.xlsm sheet by sheet, row by row: the import's own reader (fast-xlsx.ts). The
 * ExcelJS streaming reader it replaced (exceljs-stream-reader.ts) is kept as the oracle of the
 * differential test.
 */
export function readXlsx(file: string): AsyncGenerator<ReadEvent> {
  return readXlsxFast(file);
}
