import type { ImportRecord } from './records';
import type { FileImportOptions } from './pipeline';

export type WorkerFileOptions = Omit<FileImportOptions, 'masterNames'>;

/** One file to parse; `file` is the caller's index for it, echoed in every message about it. */
export interface ParseJob {
  file: number;
  path: string;
  options: WorkerFileOptions;
  /** the master data's code → name (sent with each file: a few thousand pairs) */
  masterNames: [string, string][];
}

/** Messages from a parsing worker to the main thread. */
export type WorkerMessage<Result> =
  | { type: 'records'; file: number; records: ImportRecord[] }
  /** stored rows of a period kind, flat (store-rows.ts): `count` rows of STORE_COLUMNS[table] values */
  | { type: 'rows'; file: number; count: number; values: unknown[] }
  | { type: 'progress'; file: number; rows: number; sheet: string | null }
  | { type: 'file-done'; file: number; result: Result }
  | { type: 'file-failed'; file: number; problem: string; detail: string };

/** Messages from the main thread to a worker: a file to parse, and flow control. */
export type ParentMessage = { type: 'parse'; job: ParseJob } | { type: 'ack' };

/** Batches in flight before the worker waits for the main thread to catch up (bounded memory). */
export const MAX_BATCHES_IN_FLIGHT = 4;
export const BATCH_SIZE = 2000;
