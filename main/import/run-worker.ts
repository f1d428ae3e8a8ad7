import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unpackedPath } from '../util/packaged-paths';
import type { ImportRecord } from './records';
import type { WorkerInput } from './worker';
import type { WorkerMessage } from './worker-protocol';

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
 * Parses the files of one kind in one worker thread; records arrive in batches, each file's result
 * when it ends. Resolves when every file is read; rejects on cancel, a stall or a worker crash.
 */
export function parseInWorker<R>(input: WorkerInput, handlers: ParseHandlers<R>, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(() => reject(new ParseFailure('timeout', ''))), STALL_MS);
    };
    const onAbort = (): void => finish(() => reject(new ParseFailure('cancelled', '')));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    arm();
    worker.on('message', (m: WorkerMessage<R>) => {
      arm();
      try {
        if (m.type === 'records') {
          handlers.onRecords(m.file, m.records);
          worker.postMessage({ type: 'ack' });
        } else if (m.type === 'rows') {
          handlers.onRows(m.file, m.count, m.values);
          worker.postMessage({ type: 'ack' });
        } else if (m.type === 'progress') handlers.onProgress(m.file, m.rows, m.sheet);
        else if (m.type === 'file-done') handlers.onFileDone(m.file, m.result);
        else if (m.type === 'file-failed') handlers.onFileFailed(m.file, new ParseFailure(m.problem, m.detail));
        else finish(() => resolve());
      } catch (e) {
        finish(() => reject(e));
      }
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() => reject(new ParseFailure(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'unreadable', e.message.split('\n')[0] ?? ''))),
    );
    worker.on('exit', (code) => finish(() => reject(new ParseFailure('unreadable', `worker exited ${code}`))));
  });
}
