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

/**
 * Rows per batch. 500, not 2,000: a batch being filled lives through the worker's young-generation
 * scavenges (16 MB, run-worker.ts) and is copied and promoted with them; a quarter of it cut the L
 * import's CPU of all threads by 0.4–0.9 s (the GC helper threads' share most), same rows in flight.
 */
export const BATCH_SIZE = 500;
/** Batches in flight before the worker waits for the main thread to catch up (bounded memory): 8,000 rows. */
export const MAX_BATCHES_IN_FLIGHT = 16;
