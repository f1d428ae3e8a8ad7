import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseFailure, ParsePool } from './run-worker';
import { STORE_COLUMNS } from './store-rows';
import type { ParseJob } from './worker-protocol';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const HEADER = '单据编号,行号,单据日期,客户编码,价税合计';
/** A UTF-8 CSV of purchases with `rows` lines whose doc numbers say which file and line they are. */
function csv(name: string, rows: number): string {
  const lines = [HEADER, ...Array.from({ length: rows }, (_, i) => `${name}-${i},1,2026-01-10,D001,${i}.25`)];
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

function jobs(sizes: number[]): ParseJob[] {
  return sizes.map((rows, n) => ({
    file: n,
    path: csv(`F${n}`, rows),
    options: { file: `f${n}.csv`, kind: 'purchases', period: '2026-01', masterCodes: ['D001'] },
    masterNames: [['D001', '华光商贸']],
  }));
}

describe('the parsing pool', () => {
  it.each([64, 1])('parses files in parallel but hands on rows strictly in file order (a big first file, small later ones; %i batches held)', async (held) => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-pool-'));
    const sizes = [30_000, 10, 2_500, 0, 7_000];
    const pool = new ParsePool(2, held);
    const seen: string[] = [];
    const events: string[] = [];
    const width = STORE_COLUMNS.purchases.length;
    const doc = STORE_COLUMNS.purchases.indexOf('doc_no');
    try {
      await pool.run(jobs(sizes), {
        onRecords: () => expect.fail('purchases come as rows'),
        onRows: (file, count, values) => {
          expect(values.length).toBe(count * width);
          for (let i = 0; i < count; i++) seen.push(String(values[i * width + doc]));
          events.push(`rows ${file}`);
        },
        onProgress: () => undefined,
        onFileDone: (file, result: { summary: { rows: number } }) => events.push(`done ${file} ${result.summary.rows}`),
        onFileFailed: (file, f) => expect.fail(`${file}: ${f.message}`),
      });
      // a second run on the same (already started) pool
      const again: number[] = [];
      await pool.run(jobs([5, 6]), { onRecords: () => undefined, onRows: (file, count) => again.push(file, count), onProgress: () => undefined, onFileDone: () => undefined, onFileFailed: () => undefined });
      expect(again).toEqual([0, 5, 1, 6]);
    } finally {
      pool.close();
    }
    expect(seen).toEqual(sizes.flatMap((rows, n) => Array.from({ length: rows }, (_, i) => `F${n}-${i}`)));
    const done = events.filter((e) => e.startsWith('done'));
    expect(done).toEqual(['done 0 30000', 'done 1 10', 'done 2 2500', 'done 3 0', 'done 4 7000']);
    // nothing of a file after its end, nothing of a later file before an earlier one's end
    const order = events.map((e) => Number(e.split(' ')[1]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('cancel stops every worker and rejects as cancelled; a closed pool refuses more work', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-pool-'));
    const pool = new ParsePool(2);
    const abort = new AbortController();
    let rows = 0;
    const run = pool.run(jobs([40_000, 40_000]), {
      onRecords: () => undefined,
      onRows: (_f, count) => {
        rows += count;
        abort.abort();
      },
      onProgress: () => undefined,
      onFileDone: () => undefined,
      onFileFailed: () => undefined,
    }, abort.signal);
    await expect(run).rejects.toMatchObject({ problem: 'cancelled' });
    expect(rows).toBeLessThan(80_000);
    await expect(pool.run(jobs([1]), { onRecords: () => undefined, onRows: () => undefined, onProgress: () => undefined, onFileDone: () => undefined, onFileFailed: () => undefined })).rejects.toBeInstanceOf(ParseFailure);
  });
});
