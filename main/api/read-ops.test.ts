import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { seedMonth } from '../testing/month';
import type { ServiceContext } from '../services/context';
import { operations } from '../../contract/operations';
import { READ_OPS } from './dispatch';

/**
 * The operations that do not wait for an import's store (dispatch.ts READ_OPS) must not write: one
 * that did would wait in SQLite's busy handler and hold the whole team server. Each is called on a
 * calculated month and the database's change counters are compared.
 */
let h: Harness;
let admin: ServiceContext;
beforeAll(async () => {
  h = new Harness();
  admin = await h.admin();
  await seedMonth(h, admin);
  await h.ok(admin, 'batch.calculate', { period: '2026-01' });
}, 120_000);
afterAll(() => h?.close());

const INPUTS: Record<string, unknown> = {
  'app.info': {},
  'approval.status': { period: '2026-01' },
  'approval.inbox': {},
  'chain.get': {},
  'batch.calculateJob': { jobId: 'no-such-job' },
  'batch.results': { period: '2026-01' },
  'batch.resultsPage': { period: '2026-01', sort: 'final', desc: true, region: '华东' },
  'batch.summary': { period: '2026-01' },
  'batch.trace': { period: '2026-01', code: 'D1' },
  'batch.reconcile': { period: '2026-01' },
  'periods.overview': {},
  'users.list': {},
  'team.host.status': {},
  'audit.list': { offset: 0, limit: 20 },
  'backup.list': {},
  'settings.get': {},
  'export.job': { jobId: 'no-such-job' },
  'import.kinds': {},
  'import.job': { jobId: 'no-such-job' },
  'import.history': { period: '2026-01' },
  'distributors.list': {},
  'ledger.show': { period: '2026-01' },
  'ledger.detail': { period: '2026-01', code: 'D1' },
  'ledger.history': { code: 'D1' },
  'people.list': {},
  'policy.list': {},
  'policy.get': { code: 'NATIONAL' },
  'policy.history': { code: 'NATIONAL' },
  'policy.diff': { code: 'NATIONAL', from: 1, to: 1 },
  'support.about': {},
};

describe('operations that go on during an import’s store', () => {
  it('are operations of the table, each called here, and none changes the database', async () => {
    expect([...READ_OPS].filter((op) => !(op in operations))).toEqual([]);
    expect([...READ_OPS].filter((op) => !(op in INPUTS))).toEqual([]);
    const db = h.store.db;
    const counters = (): unknown => [(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n, db.pragma('data_version', { simple: true })];
    const answered: string[] = [];
    for (const op of READ_OPS) {
      const before = counters();
      const r = await h.call(admin, op as never, INPUTS[op] as never);
      if (r.ok) answered.push(op);
      expect({ op, counters: counters() }).toEqual({ op, counters: before });
    }
    // most were really run (not refused before their service)
    expect(answered.length).toBeGreaterThan(READ_OPS.size - 6);
  }, 120_000);
});
