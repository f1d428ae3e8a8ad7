import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { P, seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import type { ServiceContext } from './context';

let h: Harness;
afterEach(() => h?.close());

async function month(): Promise<ServiceContext> {
  h = new Harness();
  const admin = await h.admin();
  await seedMonth(h, admin);
  await h.ok(admin, 'batch.calculate', { period: '2026-01' });
  return admin;
}

describe("an import's final store beside a team's other requests", () => {
  it('while a store holds the write lock on its own connection: reads answer at once and see the last commit, writes wait and then land, timers run', async () => {
    const admin = await month();
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let storing = false;
    const store = h.store.exclusiveWrite(async (writer) => {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("INSERT INTO app_settings (key, value) VALUES ('during-store', 'x')").run();
      storing = true;
      await held;
      writer.exec('COMMIT');
    });
    while (!storing) await new Promise((r) => setTimeout(r, 5));

    // reads: answered now, from the last commit (nothing of the open store)
    const overview = await h.ok(admin, 'periods.overview', {});
    expect(overview.find((p) => p.period === '2026-01')?.batch?.status).toBe('draft');
    expect((await h.ok(admin, 'batch.summary', { period: '2026-01' })).distributors).toBeGreaterThan(0);
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM app_settings WHERE key = 'during-store'").get()).toEqual({ n: 0 });

    // a write waits (asynchronously: a timer still fires) instead of blocking in SQLite's busy handler
    let adjusted = false;
    const adjust = h.ok(admin, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '12.34', reason: '等待导入入库' }).then((r) => ((adjusted = true), r));
    const ticks = await new Promise<number>((resolve) => {
      let n = 0;
      const t = setInterval(() => {
        if (++n === 10) {
          clearInterval(t);
          resolve(n);
        }
      }, 10);
    });
    expect(ticks).toBe(10);
    expect(adjusted).toBe(false);

    release();
    await store;
    expect((await adjust).adjustment).toBe('12.34');
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM app_settings WHERE key = 'during-store'").get()).toEqual({ n: 1 });
    expect((await h.ok(admin, 'audit.verify', {})).ok).toBe(true);
  });

  it('stores a long import in slices with the same rows, order and duplicate report as one statement', async () => {
    const admin = await month();
    // 12,001 lines: three slices of the store; then the same file again is 12,001 duplicates, the first 5,000 reported in row order
    const lines = Array.from({ length: 12_001 }, (_, i) => P(`FEB${String(i).padStart(5, '0')}`, `D${(i % 4) + 1}`, (i % 97) + 1, '2026-02-10'));
    const file = writeGbkCsv(h.dir, '2月进货.csv', PURCHASE_HEADER, lines);
    const first = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: file, name: '2月进货.csv' }] });
    expect(first.status).toBe('imported');
    const stored = h.store.db.prepare("SELECT doc_no, row_no, amount_cents FROM purchases WHERE period = '2026-02' ORDER BY id").all() as { doc_no: string; row_no: number; amount_cents: number }[];
    expect(stored.length).toBe(12_001);
    expect(stored.map((r) => r.doc_no)).toEqual(lines.map((l) => l[0]));
    expect(stored.every((r, i) => r.row_no === i + 2 && r.amount_cents === ((i % 97) + 1) * 100)).toBe(true);

    const again = writeGbkCsv(h.dir, '2月进货-重复.csv', PURCHASE_HEADER, [...lines.slice(0, 12_000), P('NEW-1', 'D1', 5, '2026-02-11')]);
    const second = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: again, name: '2月进货-重复.csv' }] });
    expect(second.status).toBe('rejected');
    expect(second.error_count).toBe(12_000);
    expect(second.errors.length).toBe(5_000);
    expect(second.errors.map((e) => e.row)).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 2));
    expect(second.errors[4_999]?.message).toContain('2月进货.csv');
    // nothing of the rejected import is stored
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-02'").get()).toEqual({ n: 12_001 });
  }, 120_000);
});
