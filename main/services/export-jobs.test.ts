import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobRequest, ExportJobView } from '../../contract/ops/exports';
import { approve, calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import type { ServiceContext } from './context';
import { watchRows, writeApprovalWorkbook, writeStatements, type ExportProgress } from './exports';

let h: Harness;
afterEach(() => h?.close());

async function follow(ctx: ServiceContext, jobId: string): Promise<ExportJobView> {
  let job = await h.ok(ctx, 'export.job', { jobId });
  for (let i = 0; i < 1000 && job.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 10));
    job = await h.ok(ctx, 'export.job', { jobId });
  }
  return job;
}

/** Every file in the downloads folder, temporary ones included. */
const downloads = (): string[] => {
  const dir = h.store.downloads.folder();
  return dir && existsSync(dir) ? readdirSync(dir) : [];
};

describe('every export as a job: progress and cancel', () => {
  it('counts rows over every read of the batch, gives the event loop turns, and stops at the next row once cancelled', async () => {
    const rows = (): number[] => Array.from({ length: 1000 }, (_, i) => i);
    const seen: ExportProgress[] = [];
    const abort = new AbortController();
    const watched = watchRows(rows, 1000, 2, '2026-01', { signal: abort.signal, onProgress: (p) => seen.push(p) });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let read = 0;
    for await (const _ of watched()) read++;
    for await (const _ of watched()) read++;
    clearInterval(timer);
    expect(read).toBe(2000);
    expect(seen.at(-1)).toEqual({ done: 2000, total: 2000 });
    expect(seen.every((p, i) => i === 0 || p.done >= (seen[i - 1]?.done ?? 0))).toBe(true);
    expect(seen.some((p) => p.done === 1000)).toBe(true);
    expect(ticks).toBeGreaterThan(0);
    // cancelled at row 300: the next row is never handed out
    const cancel = new AbortController();
    const got: number[] = [];
    const stop = watchRows(rows, 1000, 1, '2026-01', { signal: cancel.signal, onProgress: (p) => p.done >= 300 && cancel.abort() });
    await expect(
      (async () => {
        for await (const r of stop()) got.push(r);
      })(),
    ).rejects.toMatchObject({ key: 'export.cancelled' });
    expect(got).toHaveLength(300);
  });

  it('each kind through export.start/job: the same file as the single call, progress at 100 %, a download to save', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await approve(h, w);
    const requests: ExportJobRequest[] = [
      { kind: 'approval', period: '2026-01' },
      { kind: 'statements', period: '2026-01', mode: 'files' },
      { kind: 'statements', period: '2026-01', mode: 'workbook' },
      { kind: 'posting', period: '2026-01', format: 'csv' },
      { kind: 'posting', period: '2026-01', format: 'xlsx' },
      { kind: 'ledger', period: '2026-01' },
    ];
    for (const request of requests) {
      const { jobId } = await h.ok(w.prep, 'export.start', { request });
      const job = await follow(w.prep, jobId);
      expect(job, request.kind).toMatchObject({ status: 'done', cancelled: false, error: null });
      expect(job.progress?.done).toBe(job.progress?.total);
      const r = job.result;
      if (!r?.download_id) throw new Error(`no download for ${request.kind}`);
      const d = h.store.downloads.get(r.download_id, w.prep.session.user?.id ?? 0);
      expect(d && existsSync(d.path)).toBe(true);
    }
    const approval = await h.ok(w.prep, 'export.approval', { period: '2026-01' });
    const { jobId } = await h.ok(w.prep, 'export.start', { request: { kind: 'approval', period: '2026-01' } });
    const job = await follow(w.prep, jobId);
    expect(job.result).toMatchObject({ distributors: approval.distributors, total: approval.total, content_hash: approval.content_hash });
    // another user cannot follow or cancel it
    const other = await h.call(w.wang, 'export.job', { jobId });
    expect(other.ok).toBe(false);
  });

  it('a cancelled export leaves no file and no partial file at its target path', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    // the approval workbook, cancelled between its two reads of the batch (its file is open and half written)
    const book = path.join(h.dir, 'out', '审批表.xlsx');
    mkdirSync(path.dirname(book), { recursive: true });
    const abort = new AbortController();
    await expect(writeApprovalWorkbook(w.prep, '2026-01', book, { signal: abort.signal, onProgress: () => abort.abort() })).rejects.toMatchObject({ key: 'export.cancelled' });
    expect(readdirSync(path.dirname(book))).toEqual([]);
    // statements, a file each into a folder, cancelled after the last row while files are still being written
    const folder = path.join(h.dir, 'statements');
    const late = new AbortController();
    await expect(writeStatements(w.prep, '2026-01', 'files', folder, { signal: late.signal, onProgress: (p) => p.done === p.total && late.abort() })).rejects.toMatchObject({ key: 'export.cancelled' });
    expect(readdirSync(folder)).toEqual([]);
    // one workbook of statements
    const one = path.join(h.dir, 'out', '对账单.xlsx');
    const early = new AbortController();
    await expect(writeStatements(w.prep, '2026-01', 'workbook', one, { signal: early.signal, onProgress: () => early.abort() })).rejects.toMatchObject({ key: 'export.cancelled' });
    expect(readdirSync(path.dirname(one))).toEqual([]);
    // the same run uncancelled writes its file: the cancel, not the export, left nothing
    await writeApprovalWorkbook(w.prep, '2026-01', book);
    expect(readdirSync(path.dirname(book))).toEqual(['审批表.xlsx']);

    // over the operations the UI uses: cancelled at once, the job says so in the user's language and no download is left
    const before = downloads();
    for (const request of [{ kind: 'approval', period: '2026-01' }, { kind: 'statements', period: '2026-01', mode: 'files' }, { kind: 'ledger', period: '2026-01' }] as ExportJobRequest[]) {
      const { jobId } = await h.ok(w.prep, 'export.start', { request });
      await h.ok(w.prep, 'export.cancel', { jobId });
      const job = await follow(w.prep, jobId);
      expect(job, request.kind).toMatchObject({ status: 'failed', cancelled: true, result: null });
      expect(job.error).toContain('已取消');
    }
    expect(downloads()).toEqual(before);
  });
});
