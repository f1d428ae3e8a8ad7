// The parsing worker: reads one workbook or CSV off the main thread and streams validated records
// back in batches, waiting for the main thread when it is behind (bounded memory).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { csvEvents, importRows, type FileImportOptions } from './pipeline';
import type { ImportRecord } from './records';
import { isCsv } from './readers/file-type';
import { readXlsx } from './readers/xlsx-reader';
import type { ReadEvent } from './readers/types';
import { WorkbookRejected } from './readers/zip-inspect';
import { BATCH_SIZE, MAX_BATCHES_IN_FLIGHT, type ParentMessage, type WorkerMessage } from './worker-protocol';

export interface WorkerInput {
  path: string;
  options: Omit<FileImportOptions, 'masterNames'> & { masterNames?: [string, string][] };
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

let batch: ImportRecord[] = [];
let rowsSeen = 0;
let currentSheet: string | null = null;
function flush(): void {
  if (batch.length === 0) return;
  post({ type: 'records', records: batch });
  batch = [];
  inFlight++;
}

async function* paced(events: AsyncIterable<ReadEvent> | Iterable<ReadEvent>): AsyncGenerator<ReadEvent> {
  for await (const e of events) {
    if (e.type === 'sheet') currentSheet = e.sheet.name;
    else if (++rowsSeen % 5000 === 0) post({ type: 'progress', rows: rowsSeen, sheet: currentSheet });
    while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((r) => (release = r));
    yield e;
  }
}

async function main(): Promise<void> {
  const { path: file, options } = input;
  const events = isCsv(file) ? csvEvents(readFileSync(file), path.basename(file).replace(/\.[^.]+$/, '')) : readXlsx(file);
  const result = await importRows(paced(events), { ...options, masterNames: new Map(options.masterNames ?? []) }, (record) => {
    batch.push(record);
    if (batch.length >= BATCH_SIZE) flush();
  });
  flush();
  post({ type: 'progress', rows: rowsSeen, sheet: currentSheet });
  post({ type: 'done', result });
}

main().catch((e: unknown) => {
  if (e instanceof WorkbookRejected) post({ type: 'failed', problem: e.problem, detail: '' });
  else post({ type: 'failed', problem: 'unreadable', detail: e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e) });
});
