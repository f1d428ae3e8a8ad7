import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { unpackedPath } from '../util/packaged-paths';
import type { ImportRecord } from './records';
import type { ParseJob, WorkerMessage } from './worker-protocol';

export class ParseFailure extends Error {
  constructor(
    /** a WorkbookProblem, or 'unreadable' | 'timeout' | 'too_large' | 'cancelled' */
    readonly problem: string,
    readonly detail: string,
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

/** A worker that stays silent this long is stuck (a pathological file): stop it. */
const STALL_MS = 60_000;
/** Heap limit of one parsing worker; past it the file is refused as too large, the app lives on. */
const HEAP_MB = 1536;
/**
 * Young generation of a parsing worker. Its garbage is short-lived (a row, a batch): 16 MB scavenges
 * as fast as 64 MB did, and two workers' nurseries were ~100 MB of the L import's peak (534 → 406 MB).
 */
const YOUNG_MB = 16;

/**
 * The built worker script: beside the bundle that runs (out/node/import-worker.mjs for the CLI and
 * web host, out/main/import-worker.js in Electron — app.asar.unpacked when installed), or out/node
 * when running from source (tests).
 */
export function workerScript(here = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [
    process.env['REBATE_IMPORT_WORKER'],
    // in the installed app the worker is unpacked from app.asar (asarUnpack): threads start from there
    unpackedPath(path.join(here, 'import-worker.mjs')),
    unpackedPath(path.join(here, 'import-worker.js')),
    path.resolve(here, '..', '..', 'out', 'node', 'import-worker.mjs'),
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new ParseFailure('unreadable', 'import worker not built (run npm run build:node)');
  return found;
}

export interface ParseHandlers<R> {
  onRecords(file: number, records: ImportRecord[]): void;
  /** flat stored rows of a period kind (store-rows.ts) */
  onRows(file: number, count: number, values: unknown[]): void;
  onProgress(file: number, rows: number, sheet: string | null): void;
  onFileDone(file: number, result: R): void;
  onFileFailed(file: number, failure: ParseFailure): void;
}

/**
 * Batches of a later file held on the main thread (acknowledged at once) before its worker waits:
 * 64 of BATCH_SIZE 500 (32,000 rows) keep both cores busy on the month's files. 64,000 rows looked
 * 0.3 s faster at L in paired runs at load ≈ 4.5, within the noise, while the bench's import
 * process peaks at 451–489 MB from run to run: the margin under 500 MB is worth more.
 */
const MAX_HELD_BATCHES = 64;

/**
 * Time the main thread spends handing batches on (staging them) before it lets the event loop answer
 * others: a file's held batches (up to MAX_HELD_BATCHES) are not staged in one go.
 */
const DRAIN_SLICE_MS = 20;

/** Workers for an import of `files` files: one per core (the main thread stores while they parse), at most one per file. */
export function poolSize(files: number): number {
  const env = Number(process.env['REBATE_IMPORT_WORKERS']);
  const cores = Number.isInteger(env) && env > 0 ? env : availableParallelism();
  return Math.max(1, Math.min(files, cores));
}

/** `waiting`: batches of this worker held without an ack (it waits for us: no stall meanwhile) */
type Member = { worker: Worker; timer: NodeJS.Timeout | undefined; busy: boolean; waiting: number };

/**
 * The parsing workers of one import, started once and given the files of every kind of it. Files
 * are parsed in parallel, but what they produce is handed on strictly in file order (a later file's
 * batches are held until the files before it are done), so storage, duplicate reports and row ids
 * are exactly as if the files were read one after the other.
 */
export class ParsePool {
  private readonly members: Member[] = [];
  private readonly size: number;
  private closed = false;

  /** `maxHeld`: batches of later files held before their workers wait (tests make it small) */
  constructor(
    size: number,
    private readonly maxHeld = MAX_HELD_BATCHES,
  ) {
    this.size = Math.max(1, size);
  }

  private start(): Member {
    const worker = new Worker(workerScript(), {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB },
      stdout: false,
      stderr: false,
    });
    const m: Member = { worker, timer: undefined, busy: false, waiting: 0 };
    this.members.push(m);
    return m;
  }

  /**
   * Parses `jobs` (in their order); resolves when every file is read; rejects on cancel, a stall or
   * a worker crash (the pool is then closed).
   */
  run<R>(jobs: ParseJob[], handlers: ParseHandlers<R>, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new ParseFailure('cancelled', ''));
    if (jobs.length === 0) return Promise.resolve();
    while (this.members.length < Math.min(this.size, jobs.length)) this.start();
    const members = this.members;
    return new Promise<void>((resolve, reject) => {
      const order = jobs.map((j) => j.file);
      let next = 0; // the next job to hand out
      let head = 0; // the position in `order` whose messages are handed on as they come
      const held = new Map<number, { m: WorkerMessage<R>; from: Member; acked: boolean }[]>();
      let heldBatches = 0;
      let settled = false;
      const listeners: (() => void)[] = [];
      const finish = (fn: () => void, fatal: boolean): void => {
        if (settled) return;
        settled = true;
        for (const m of members) clearTimeout(m.timer);
        for (const off of listeners) off();
        signal?.removeEventListener('abort', onAbort);
        if (fatal) this.close();
        fn();
      };
      const arm = (m: Member): void => {
        clearTimeout(m.timer);
        if (m.waiting > 0) return;
        m.timer = setTimeout(() => finish(() => reject(new ParseFailure('timeout', '')), true), STALL_MS);
      };
      const give = (m: Member): void => {
        const job = jobs[next];
        if (!job) {
          m.busy = false;
          clearTimeout(m.timer);
          return;
        }
        next++;
        m.busy = true;
        arm(m);
        m.worker.postMessage({ type: 'parse', job });
      };
      const ack = (m: Member): void => {
        arm(m);
        m.worker.postMessage({ type: 'ack' });
      };
      /** Hands one message on; true when it ended its file. */
      const deliver = (msg: WorkerMessage<R>): boolean => {
        if (msg.type === 'records') handlers.onRecords(msg.file, msg.records);
        else if (msg.type === 'rows') handlers.onRows(msg.file, msg.count, msg.values);
        else if (msg.type === 'progress') handlers.onProgress(msg.file, msg.rows, msg.sheet);
        else if (msg.type === 'file-done') handlers.onFileDone(msg.file, msg.result);
        else handlers.onFileFailed(msg.file, new ParseFailure(msg.problem, msg.detail));
        return msg.type === 'file-done' || msg.type === 'file-failed';
      };
      // Messages of the head file, in order, waiting to be handed on: drained a slice of time at a
      // time, so that a file's held batches never keep the event loop from answering others.
      const ready: { m: WorkerMessage<R>; from: Member; ackAfter: boolean; held: boolean }[] = [];
      let draining = false;
      const advance = (): void => {
        // the head file is done: what the next file holds is ready, in order
        head++;
        const file = order[head];
        if (file === undefined) {
          finish(() => resolve(), false);
          return;
        }
        const list = held.get(file) ?? [];
        held.delete(file);
        for (const h of list) ready.push({ m: h.m, from: h.from, ackAfter: !h.acked, held: true });
      };
      const drain = (): void => {
        const started = performance.now();
        try {
          for (;;) {
            if (settled) return;
            const r = ready.shift();
            if (!r) {
              draining = false;
              return;
            }
            const batch = r.m.type === 'records' || r.m.type === 'rows';
            if (r.held && batch) heldBatches--;
            const ended = deliver(r.m);
            if (r.ackAfter) {
              if (r.held) r.from.waiting--;
              ack(r.from);
            }
            if (ended) advance();
            if (ready.length > 0 && performance.now() - started > DRAIN_SLICE_MS) {
              setImmediate(drain);
              return;
            }
          }
        } catch (e) {
          finish(() => reject(e), true);
        }
      };
      const onMessage = (from: Member, msg: WorkerMessage<R>): void => {
        if (settled) return;
        arm(from);
        try {
          const batch = msg.type === 'records' || msg.type === 'rows';
          const ends = msg.type === 'file-done' || msg.type === 'file-failed';
          if (ends) give(from);
          if (msg.file === order[head]) {
            ready.push({ m: msg, from, ackAfter: batch, held: false });
            if (!draining) {
              draining = true;
              drain();
            }
            return;
          }
          // a later file: held (acknowledged at once while few are held, so its worker reads on)
          const acked = !batch || heldBatches < this.maxHeld;
          if (batch) {
            heldBatches++;
            if (acked) ack(from);
            else {
              from.waiting++;
              clearTimeout(from.timer); // waiting for us is no stall
            }
          }
          const list = held.get(msg.file) ?? [];
          list.push({ m: msg, from, acked });
          held.set(msg.file, list);
        } catch (e) {
          finish(() => reject(e), true);
        }
      };
      const onAbort = (): void => finish(() => reject(new ParseFailure('cancelled', '')), true);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      for (const m of members) {
        const message = (msg: WorkerMessage<R>): void => onMessage(m, msg);
        const error = (e: Error & { code?: string }): void =>
          finish(() => reject(new ParseFailure(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'unreadable', e.message.split('\n')[0] ?? '')), true);
        const exit = (code: number): void => finish(() => reject(new ParseFailure('unreadable', `worker exited ${code}`)), true);
        m.worker.on('message', message);
        m.worker.on('error', error);
        m.worker.on('exit', exit);
        listeners.push(() => {
          m.worker.off('message', message);
          m.worker.off('error', error);
          m.worker.off('exit', exit);
        });
        give(m);
      }
    });
  }

  /** Stops the workers (at the end of the import, or after a failure). */
  close(): void {
    this.closed = true;
    for (const m of this.members) {
      clearTimeout(m.timer);
      void m.worker.terminate();
    }
    this.members.length = 0;
  }
}
