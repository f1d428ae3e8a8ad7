import { ExcelJS } from './exceljs-reader';
import type { CellValue } from '../cell-value';
import type { ReadEvent, RawRow } from './types';
import { workbookSheets, ZipDirectory, type SheetInfo } from './zip-inspect';

interface StreamRow {
  number: number;
  values: unknown;
  eachCell(opt: { includeEmpty: boolean }, fn: (cell: { numFmt?: string; value: unknown }, col: number) => void): void;
}

interface StreamSheet extends AsyncIterable<StreamRow> {
  id: string | number;
  name?: string;
}

/**
 * Streams an .xlsx/.xlsm sheet by sheet, row by row, with ExcelJS's streaming reader (shared strings
 * and styles cached, so date cells arrive as dates). Sheet names and hidden states come from
 * workbook.xml and its relationships (read here, not by ExcelJS, which loses them when the
 * relationship paths are absolute). Hidden sheets are announced but their rows are not read.
 */
export async function* readXlsxWithExcelJS(file: string): AsyncGenerator<ReadEvent> {
  const zip = ZipDirectory.open(file);
  let info: { sheets: SheetInfo[]; date1904: boolean };
  try {
    info = workbookSheets(zip);
  } finally {
    zip.close();
  }
  const byPart = new Map(info.sheets.map((s) => [s.part ?? '', s]));
  const byName = new Map(info.sheets.map((s) => [s.name, s]));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const raw of reader as unknown as AsyncIterable<StreamSheet>) {
    // ExcelJS names the sheet only when it could follow a relative relationship path.
    const sheet = (raw.name ? byName.get(raw.name) : undefined) ?? byPart.get(`xl/worksheets/sheet${String(raw.id)}.xml`);
    if (!sheet) continue;
    yield { type: 'sheet', sheet: { name: sheet.name, index: sheet.index, hidden: sheet.hidden } };
    if (sheet.hidden) {
      // Drained, not skipped: when ExcelJS has spooled the sheet to a temporary file (shared strings
      // stored after the sheets, as some writers do), an unread stream outlives that file.
      for await (const _row of raw) void _row;
      continue;
    }
    for await (const r of raw) {
      const values: CellValue[] = [];
      let percent: number[] | undefined;
      r.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col - 1] = cell.value as CellValue;
        if (cell.numFmt && cell.numFmt.includes('%')) (percent ??= []).push(col - 1);
      });
      const row: RawRow = percent ? { row: r.number, values, percent } : { row: r.number, values };
      yield { type: 'row', row };
    }
  }
}
