// A parsing worker of the import's pool (run-worker.ts): reads the workbooks and CSVs it is given,
// one at a time, off the main thread, and streams validated records back in batches, waiting for the
// main thread when it is behind (bounded memory). A pool's workers start once per import and parse
// the files of every kind of it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { csvEvents, importRows } from './pipeline';
import type { ImportRecord } from './records';
import { isCsv } from './readers/file-type';
import { readXlsx } from './readers/xlsx-reader';
import type { ReadEvent } from './readers/types';
import { WorkbookRejected } from './readers/zip-inspect';
import { storeRow, storeTable } from './store-rows';
import { BATCH_SIZE, MAX_BATCHES_IN_FLIGHT, type ParentMessage, type ParseJob, type WorkerMessage } from './worker-protocol';
import type { StatementFilesJob } from '../export/statement-files-protocol';
import { writeStatementFilesJob } from '../export/form-xlsx';

export type { WorkerFileOptions } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const post = (m: WorkerMessage<unknown>): void => port.postMessage(m);

let inFlight = 0;
let release: (() => void) | null = null;
const queue: ParseJob[] = [];
let busy = false;
port.on('message', (m: ParentMessage | StatementFilesJob) => {
  // the same script writes statement files for an export's pool (export/form-xlsx.ts)
  if (m.type === 'statement-files') {
    port.postMessage(writeStatementFilesJob(m));
    return;
  }
  if (m.type === 'ack') {
    inFlight--;
    release?.();
    release = null;
  } else {
    queue.push(m.job);
    if (!busy) void next();
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

async function parseFile(job: ParseJob): Promise<void> {
  const { options } = job;
  const file = job.path;
  const events = isCsv(file) ? csvEvents(readFileSync(file), (options.file || path.basename(file)).replace(/\.[^.]+$/, '')) : readXlsx(file);
  const period = options.period ?? '';
  const flat = storeTable(options.kind) !== null;
  const result = await importRows(paced(events), { ...options, masterNames: new Map(job.masterNames) }, (record) => {
    if (flat && storeRow(record, period, currentFile, rowValues)) rowCount++;
    else batch.push(record);
    if (batch.length >= BATCH_SIZE || rowCount >= BATCH_SIZE) flush();
  });
  flush();
  post({ type: 'progress', file: currentFile, rows: rowsSeen, sheet: currentSheet });
  post({ type: 'file-done', file: currentFile, result });
}

async function next(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    currentFile = job.file;
    rowsSeen = 0;
    currentSheet = null;
    batch = [];
    rowValues = [];
    rowCount = 0;
    try {
      await parseFile(job);
    } catch (e) {
      // A file that cannot be read is that file's error; the other files are still read.
      if (e instanceof WorkbookRejected) post({ type: 'file-failed', file: job.file, problem: e.problem, detail: e.detail });
      else post({ type: 'file-failed', file: job.file, problem: 'unreadable', detail: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) });
    }
  }
  busy = false;
}
