import type { ImportRecord } from './records';

/** Messages from the parsing worker to the main thread; `file` is the index in WorkerInput.files. */
export type WorkerMessage<Result> =
  | { type: 'records'; file: number; records: ImportRecord[] }
  /** stored rows of a period kind, flat (store-rows.ts): `count` rows of STORE_COLUMNS[table] values */
  | { type: 'rows'; file: number; count: number; values: unknown[] }
  | { type: 'progress'; file: number; rows: number; sheet: string | null }
  | { type: 'file-done'; file: number; result: Result }
  | { type: 'file-failed'; file: number; problem: string; detail: string }
  | { type: 'done' };

/** Messages from the main thread to the worker: flow control. */
export type ParentMessage = { type: 'ack' };

/** Batches in flight before the worker waits for the main thread to catch up (bounded memory). */
export const MAX_BATCHES_IN_FLIGHT = 4;
export const BATCH_SIZE = 2000;
