import { afterEach, describe, expect, it } from 'vitest';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h?.close());

describe('the backup before a calculation', () => {
  it('is skipped when nothing was written since the newest backup, and taken again after any change', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const admin = await h.admin();
    const reasons = async (): Promise<string[]> => (await h.ok(admin, 'backup.list', {})).map((b) => b.reason);
    await h.ok(admin, 'backup.create', { reason: 'manual' });
    const before = await reasons();
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    // nothing changed since the manual backup: no second copy of the same state
    expect(await reasons()).toEqual(before);
    // the calculation itself wrote the batch: the next one backs that up first
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    expect((await reasons()).filter((r) => r.startsWith('pre-calc')).length).toBe(before.filter((r) => r.startsWith('pre-calc')).length + 1);
  });
});
