import { describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { openMonth } from '../testing/month';
import { calculate, type CalcProgress } from './calc';
import type { ServiceContext } from './context';

let h: Harness;
async function month(): Promise<ServiceContext> {
  const m = await openMonth();
  h = m.h;
  return m.admin;
}

const batches = (): unknown[] => h.store.db.prepare('SELECT id, status, total_cents, calc_count FROM batches').all();
const lines = (): number => (h.store.db.prepare('SELECT COUNT(*) AS n FROM batch_rows').get() as { n: number }).n;

describe('calculation as a job: progress and cancel', () => {
  it('reports distributors evaluated up to the total, then the same result as batch.calculate', async () => {
    const admin = await month();
    const seen: CalcProgress[] = [];
    const r = await calculate(admin, '2026-01', (p) => seen.push({ ...p }));
    expect(seen[0]).toEqual({ done: 0, total: 6 });
    expect(seen.at(-1)).toEqual({ done: 6, total: 6 });
    expect(seen.every((p, i) => i === 0 || p.done >= (seen[i - 1]?.done ?? 0))).toBe(true);
    expect(r).toMatchObject({ distributors: 6, total: '20279.14' });
    // over the operations the UI uses
    const { jobId } = await h.ok(admin, 'batch.calculateStart', { period: '2026-01' });
    let job = await h.ok(admin, 'batch.calculateJob', { jobId });
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      job = await h.ok(admin, 'batch.calculateJob', { jobId });
    }
    expect(job).toMatchObject({ status: 'done', progress: { done: 6, total: 6 }, result: { distributors: 6, total: '20279.14' }, error: null });
  });

  it('cancelled before the store: nothing is stored, an earlier batch stays as it was, the message says so', async () => {
    const admin = await month();
    const abort = new AbortController();
    await expect(calculate(admin, '2026-01', () => abort.abort(), abort.signal)).rejects.toMatchObject({ key: 'calc.cancelled' });
    expect(batches()).toEqual([]);
    expect(lines()).toBe(0);
    await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    const before = batches();
    const stored = lines();
    // cancelled at the last step (after every distributor was evaluated, before the transaction)
    const late = new AbortController();
    const run = calculate(admin, '2026-01', (p) => p.done === p.total && late.abort(), late.signal);
    await expect(run).rejects.toMatchObject({ key: 'calc.cancelled' });
    expect(batches()).toEqual(before);
    expect(lines()).toBe(stored);
    // over the operations: a job cancelled at once fails with the cancel message in the user's language
    const { jobId } = await h.ok(admin, 'batch.calculateStart', { period: '2026-01' });
    await h.ok(admin, 'batch.calculateCancel', { jobId });
    let job = await h.ok(admin, 'batch.calculateJob', { jobId });
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      job = await h.ok(admin, 'batch.calculateJob', { jobId });
    }
    expect(job.status).toBe('failed');
    expect(job.error).toContain('已取消');
    expect(batches()).toEqual(before);
  });
});
