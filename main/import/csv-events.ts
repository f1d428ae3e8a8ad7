/**
 * A CSV file as the same events the xlsx reader yields: one visible sheet, then its records as rows
 * (record n is the row n Excel shows). Decoding and separator detection are csv.ts's.
 */
import { csvRecords, openCsv } from './csv';
import type { MessageKey, MessageParams } from './messages';
import type { ReadEvent } from './readers/types';

/** A CSV that cannot be read at all (empty, unbalanced quotes); `importRows` reports it as the file's error. */
export class CsvRejected extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(key);
    this.name = 'CsvRejected';
  }
}

export function* csvEvents(bytes: Uint8Array, sheetName: string): Generator<ReadEvent, void, undefined> {
  const opened = openCsv(bytes);
  if (!opened.ok) throw new CsvRejected(opened.key, opened.params);
  yield { type: 'sheet', sheet: { name: sheetName, index: 1, hidden: false } };
  let row = 0;
  for (const record of csvRecords(opened.text, opened.separator)) {
    if (!record.ok) throw new CsvRejected(record.key, record.params);
    row++;
    yield { type: 'row', row: { row, values: record.row } };
  }
}
