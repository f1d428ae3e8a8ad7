import type { ImportRecord } from './records';

/** Messages from the parsing worker to the main thread. */
export type WorkerMessage<Result> =
  | { type: 'records'; records: ImportRecord[] }
  | { type: 'progress'; rows: number; sheet: string | null }
  | { type: 'done'; result: Result }
  | { type: 'failed'; problem: string; detail: string };

/** Messages from the main thread to the worker: flow control. */
export type ParentMessage = { type: 'ack' };

/** Batches in flight before the worker waits for the main thread to catch up (bounded memory). */
export const MAX_BATCHES_IN_FLIGHT = 4;
export const BATCH_SIZE = 2000;
