// The parsing worker: reads the workbooks and CSVs of one kind off the main thread, one after the
// other, and streams validated records back in batches, waiting for the main thread when it is
// behind (bounded memory). One worker per kind: its start-up is paid once, not once per file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { csvEvents, importRows, type FileImportOptions } from './pipeline';
import type { ImportRecord } from './records';
import { storeRow, storeTable } from './store-rows';
import { isCsv } from './readers/file-type';
import { readXlsx } from './readers/xlsx-reader';
import type { ReadEvent } from './readers/types';
import { WorkbookRejected } from './readers/zip-inspect';
import { BATCH_SIZE, MAX_BATCHES_IN_FLIGHT, type ParentMessage, type WorkerMessage } from './worker-protocol';

export type WorkerFileOptions = Omit<FileImportOptions, 'masterNames'>;

export interface WorkerInput {
  files: { path: string; options: WorkerFileOptions }[];
  /** the master data's code → name, shared by the files (sent once) */
  masterNames: [string, string][];
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const input = workerData as WorkerInput;
const post = (m: WorkerMessage<unknown>): void => port.postMessage(m);

let inFlight = 0;
let release: (() => void) | null = null;
port.on('message', (m: ParentMessage) => {
  if (m.type === 'ack') {
    inFlight--;
    release?.();
    release = null;
  }
});

// Master data goes as records (a few thousand); period data as flat stored rows (store-rows.ts).
let batch: ImportRecord[] = [];
let rowValues: unknown[] = [];
let rowCount = 0;
let rowsSeen = 0;
let currentSheet: string | null = null;
let currentFile = 0;
function flush(): void {
  if (batch.length > 0) {
    post({ type: 'records', file: currentFile, records: batch });
    batch = [];
    inFlight++;
  }
  if (rowCount > 0) {
    post({ type: 'rows', file: currentFile, count: rowCount, values: rowValues });
    rowValues = [];
    rowCount = 0;
    inFlight++;
  }
}

async function* paced(events: AsyncIterable<ReadEvent> | Iterable<ReadEvent>): AsyncGenerator<ReadEvent> {
  for await (const e of events) {
    if (e.type === 'sheet') currentSheet = e.sheet.name;
    else if (++rowsSeen % 5000 === 0) post({ type: 'progress', file: currentFile, rows: rowsSeen, sheet: currentSheet });
    while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((r) => (release = r));
    yield e;
  }
}

async function parseFile(file: string, options: WorkerFileOptions, masterNames: ReadonlyMap<string, string>): Promise<void> {
  const events = isCsv(file) ? csvEvents(readFileSync(file), (options.file || path.basename(file)).replace(/\.[^.]+$/, '')) : readXlsx(file);
  const period = options.period ?? '';
  const flat = storeTable(options.kind) !== null;
  const result = await importRows(paced(events), { ...options, masterNames }, (record) => {
    if (flat && storeRow(record, period, currentFile, rowValues)) rowCount++;
    else batch.push(record);
    if (batch.length >= BATCH_SIZE || rowCount >= BATCH_SIZE) flush();
  });
  flush();
  post({ type: 'progress', file: currentFile, rows: rowsSeen, sheet: currentSheet });
  post({ type: 'file-done', file: currentFile, result });
}

async function main(): Promise<void> {
  const masterNames = new Map(input.masterNames);
  for (const [i, f] of input.files.entries()) {
    currentFile = i;
    rowsSeen = 0;
    currentSheet = null;
    batch = [];
    rowValues = [];
    rowCount = 0;
    try {
      await parseFile(f.path, f.options, masterNames);
    } catch (e) {
      // A file that cannot be read is that file's error; the other files are still read.
      if (e instanceof WorkbookRejected) post({ type: 'file-failed', file: i, problem: e.problem, detail: '' });
      else post({ type: 'file-failed', file: i, problem: 'unreadable', detail: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) });
    }
  }
  post({ type: 'done' });
}

void main();
