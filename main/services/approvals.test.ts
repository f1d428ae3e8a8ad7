import fc from 'fast-check';
import { copyFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit';
import type { ServiceContext } from './context';
import { Harness } from '../testing/harness';
import { P, seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';

let h: Harness;
afterEach(() => h?.close());

interface World {
  admin: ServiceContext;
  prep: ServiceContext;
  wang: ServiceContext;
  li: ServiceContext;
  zhao: ServiceContext;
  chen: ServiceContext;
  ids: Record<string, number>;
}

async function as(name: string, roles: ('preparer' | 'approver' | 'auditor')[], admin: ServiceContext): Promise<ServiceContext> {
  await h.ok(admin, 'users.add', { name, password: `${name}-pass-1`, roles });
  const ctx = h.context();
  await h.ok(ctx, 'auth.signIn', { name, password: `${name}-pass-1` });
  return ctx;
}

/** The month of calc.test.ts, calculated, and a three-level chain (the CFO level from ¥1,000,000). */
async function world(cfoFrom: string | null = '1000000'): Promise<World> {
  h = new Harness();
  const admin = await h.admin();
  await seedMonth(h, admin);
  const prep = await as('prep', ['preparer'], admin);
  const wang = await as('wang', ['approver'], admin);
  const li = await as('li', ['approver'], admin);
  const zhao = await as('zhao', ['approver'], admin);
  const chen = await as('chen', ['approver', 'preparer'], admin);
  await h.ok(admin, 'chain.set', {
    levels: [
      { name: '区域经理审核', approvers: ['wang', 'li'] },
      { name: '财务经理审核', approvers: ['zhao', 'li'] },
      { name: '财务总监审批', approvers: ['chen'], min_total: cfoFrom },
    ],
  });
  await h.ok(prep, 'batch.calculate', { period: '2026-01' });
  const ids = Object.fromEntries((h.store.db.prepare('SELECT name, id FROM users').all() as { name: string; id: number }[]).map((u) => [u.name, u.id]));
  return { admin, prep, wang, li, zhao, chen, ids };
}

const status = (): string => (h.store.db.prepare("SELECT status FROM batches WHERE period = '2026-01'").get() as { status: string }).status;

async function refusedKey(ctx: ServiceContext, op: 'approval.approve' | 'approval.reject' | 'approval.submit', input: { period: string; comment?: string; hash?: string }): Promise<string> {
  const r = await h.call(ctx, op, input as never);
  if (r.ok) throw new Error(`${op} should have been refused`);
  return r.error.key;
}

describe('approval chain', () => {
  it('refuses approvers who do not exist or lack the approver role', async () => {
    const w = await world();
    const unknown = await h.call(w.admin, 'chain.set', { levels: [{ name: 'L1', approvers: ['ghost'] }] });
    expect(!unknown.ok && unknown.error.key).toBe('chain.unknown_user');
    const notApprover = await h.call(w.admin, 'chain.set', { levels: [{ name: 'L1', approvers: ['prep'] }] });
    expect(!notApprover.ok && notApprover.error.key).toBe('chain.not_approver');
    const byPrep = await h.call(w.prep, 'chain.set', { levels: [{ name: 'L1', approvers: ['wang'] }] });
    expect(!byPrep.ok && byPrep.error.kind).toBe('forbidden');
    expect((await h.ok(w.admin, 'chain.get', {})).map((l) => l.name)).toEqual(['区域经理审核', '财务经理审核', '财务总监审批']);
  });

  it('walks submit → level 1 → level 2 → approved; the CFO level applies only from its minimum total', async () => {
    const w = await world('1000000');
    const s = await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    expect(s.status).toBe('submitted');
    expect(s.submissions[0]?.levels.map((l) => l.name)).toEqual(['区域经理审核', '财务经理审核']);
    expect((await h.ok(w.wang, 'approval.inbox', {})).map((i) => [i.period, i.level_name])).toEqual([['2026-01', '区域经理审核']]);
    expect(await h.ok(w.zhao, 'approval.inbox', {})).toEqual([]);
    await h.ok(w.wang, 'approval.approve', { period: '2026-01', comment: '同意' });
    expect(status()).toBe('submitted');
    const done = await h.ok(w.zhao, 'approval.approve', { period: '2026-01' });
    expect(done.status).toBe('approved');
    expect(done.submissions[0]?.levels.map((l) => [l.decision?.user, l.decision?.decision])).toEqual([
      ['wang', 'approve'],
      ['zhao', 'approve'],
    ]);
    // approving closes the period: no recalculation, adjustment or import
    expect((await h.call(w.prep, 'batch.calculate', { period: '2026-01' })).ok).toBe(false);
    const adj = await h.call(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '1', reason: 'x' });
    expect(!adj.ok && adj.error.key).toBe('calc.locked');
    const csv = writeGbkCsv(h.dir, 'late.csv', PURCHASE_HEADER, [P('XS99', 'D1', 1)]);
    const imp = await h.call(w.prep, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: csv }] });
    expect(!imp.ok && imp.error.key).toBe('import.period_locked');
    expect(verifyAudit(h.store.db).ok).toBe(true);
  });

  it('includes the CFO level when the total reaches it', async () => {
    const w = await world('20000');
    const s = await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    expect(s.submissions[0]?.levels.map((l) => l.name)).toEqual(['区域经理审核', '财务经理审核', '财务总监审批']);
    await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
    await h.ok(w.zhao, 'approval.approve', { period: '2026-01' });
    expect(status()).toBe('submitted');
    await h.ok(w.chen, 'approval.approve', { period: '2026-01' });
    expect(status()).toBe('approved');
  });

  it('reject needs a comment, returns the batch to the preparer, and resubmission starts again at level 1', async () => {
    const w = await world();
    await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
    expect(await refusedKey(w.zhao, 'approval.reject', { period: '2026-01', comment: '  ' })).toBe('approval.comment_required');
    const r = await h.ok(w.zhao, 'approval.reject', { period: '2026-01', comment: 'D3 退货扣减需复核' });
    expect(r.status).toBe('rejected');
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D3', amount: '-100', reason: '复核后扣减' });
    expect(status()).toBe('draft');
    const again = await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
    expect(again.submissions).toHaveLength(2);
    expect(again.next).toMatchObject({ position: 1, name: '区域经理审核' });
    expect(again.submissions[0]?.levels.map((l) => l.decision?.decision ?? null)).toEqual(['approve', 'reject']);
  });

  describe('controls, through the services and in the database itself', () => {
    it('the submitter cannot approve', async () => {
      const w = await world('0');
      await h.ok(w.chen, 'approval.submit', { period: '2026-01' });
      await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
      await h.ok(w.zhao, 'approval.approve', { period: '2026-01' });
      expect(await refusedKey(w.chen, 'approval.approve', { period: '2026-01' })).toBe('approval.own_batch');
      const sub = h.store.db.prepare("SELECT id, content_hash FROM approval_submissions WHERE status = 'pending'").get() as { id: number; content_hash: string };
      expect(() =>
        h.store.db
          .prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, decided_at, content_hash) VALUES (?, 3, 'x', ?, 'chen', 'approve', 't', ?)")
          .run(sub.id, w.ids['chen'], sub.content_hash),
      ).toThrow(/submitter cannot approve/);
    });

    it('one user cannot sign two levels of one batch', async () => {
      const w = await world();
      await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
      await h.ok(w.li, 'approval.approve', { period: '2026-01' });
      expect(await refusedKey(w.li, 'approval.approve', { period: '2026-01' })).toBe('approval.two_levels');
      const sub = h.store.db.prepare("SELECT id, content_hash FROM approval_submissions WHERE status = 'pending'").get() as { id: number; content_hash: string };
      expect(() =>
        h.store.db
          .prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, decided_at, content_hash) VALUES (?, 2, 'x', ?, 'li', 'approve', 't', ?)")
          .run(sub.id, w.ids['li'], sub.content_hash),
      ).toThrow(/UNIQUE/);
    });

    it('a user not on the level cannot sign it, nor can levels be skipped', async () => {
      const w = await world();
      await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
      expect(await refusedKey(w.zhao, 'approval.approve', { period: '2026-01' })).toBe('approval.not_on_level');
      const sub = h.store.db.prepare("SELECT id, content_hash FROM approval_submissions WHERE status = 'pending'").get() as { id: number; content_hash: string };
      const insert = h.store.db.prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, decided_at, content_hash) VALUES (?, ?, 'x', ?, 'x', 'approve', 't', ?)");
      expect(() => insert.run(sub.id, 1, w.ids['zhao'], sub.content_hash)).toThrow(/not an approver/);
      expect(() => insert.run(sub.id, 2, w.ids['zhao'], sub.content_hash)).toThrow(/in order/);
    });

    it('a decision is valid only for the content hash the approver saw', async () => {
      const w = await world();
      await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
      expect(await refusedKey(w.wang, 'approval.approve', { period: '2026-01', hash: 'f'.repeat(64) })).toBe('approval.stale_hash');
      const sub = h.store.db.prepare("SELECT id FROM approval_submissions WHERE status = 'pending'").get() as { id: number };
      expect(() =>
        h.store.db
          .prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, decided_at, content_hash) VALUES (?, 1, 'x', ?, 'wang', 'approve', 't', ?)")
          .run(sub.id, w.ids['wang'], 'e'.repeat(64)),
      ).toThrow(/stale content hash/);
    });

    it('approving twice is refused, and decisions cannot be updated or deleted', async () => {
      const w = await world();
      await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
      await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
      expect(await refusedKey(w.wang, 'approval.approve', { period: '2026-01' })).toBe('approval.two_levels');
      expect(() => h.store.db.prepare("UPDATE approval_decisions SET decision = 'reject'").run()).toThrow(/append-only/);
      expect(() => h.store.db.prepare('DELETE FROM approval_decisions').run()).toThrow(/append-only/);
      expect(() => h.store.db.prepare("UPDATE approval_submissions SET content_hash = 'x'").run()).toThrow(/immutable/);
    });

    it('a submitted batch, its data and an approved status cannot be changed in SQL', async () => {
      const w = await world();
      await h.ok(w.prep, 'approval.submit', { period: '2026-01' });
      const db = h.store.db;
      expect(() => db.prepare("UPDATE batch_rows SET final_cents = 1 WHERE code = 'D1'").run()).toThrow(/locked/);
      expect(() => db.prepare("DELETE FROM purchases WHERE period = '2026-01'").run()).toThrow(/locked/);
      expect(() => db.prepare("UPDATE batches SET total_cents = 1 WHERE period = '2026-01'").run()).toThrow(/locked/);
      expect(() => db.prepare("UPDATE batches SET status = 'approved' WHERE period = '2026-01'").run()).toThrow(/approval chain/);
      await h.ok(w.wang, 'approval.approve', { period: '2026-01' });
      await h.ok(w.zhao, 'approval.approve', { period: '2026-01' });
      expect(() => db.prepare("UPDATE batches SET status = 'draft' WHERE period = '2026-01'").run()).toThrow(/stays approved/);
    });
  });

  it('1,000 random role/action sequences never end in an invalid state', async () => {
    const w = await world('20000');
    const actors: [string, ServiceContext][] = [
      ['prep', w.prep],
      ['wang', w.wang],
      ['li', w.li],
      ['zhao', w.zhao],
      ['chen', w.chen],
    ];
    const actions = ['submit', 'approve', 'reject', 'adjust', 'calc'] as const;
    let db = h.store.db;
    let steps = 0;
    const check = (): void => {
      const b = db.prepare("SELECT id, status, content_hash FROM batches WHERE period = '2026-01'").get() as { id: number; status: string; content_hash: string };
      const pending = db.prepare("SELECT COUNT(*) AS n FROM approval_submissions WHERE batch_id = ? AND status = 'pending'").get(b.id) as { n: number };
      expect(pending.n).toBe(b.status === 'submitted' ? 1 : 0);
      const bad = db
        .prepare(
          `SELECT COUNT(*) AS n FROM approval_decisions d JOIN approval_submissions s ON s.id = d.submission_id
           WHERE d.user_id = s.submitted_by OR d.content_hash <> s.content_hash`,
        )
        .get() as { n: number };
      expect(bad.n).toBe(0);
      if (b.status === 'approved') {
        const s = db.prepare("SELECT id FROM approval_submissions WHERE batch_id = ? AND status = 'approved'").get(b.id) as { id: number } | undefined;
        expect(s).toBeDefined();
        const open = db
          .prepare(
            `SELECT COUNT(*) AS n FROM approval_submission_levels l WHERE l.submission_id = ?
             AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.submission_id = l.submission_id AND d.position = l.position AND d.decision = 'approve')`,
          )
          .get(s?.id) as { n: number };
        expect(open.n).toBe(0);
      }
    };
    // Every sequence starts from the same calculated month: the database file is put back as it was.
    h.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const snapshot = `${h.store.path}.snapshot`;
    copyFileSync(h.store.path, snapshot);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...actions), fc.integer({ min: -500, max: 500 })), { minLength: 1, maxLength: 8 }), async (seq) => {
        runs++;
        h.store.close();
        copyFileSync(snapshot, h.store.path);
        rmSync(`${h.store.path}-wal`, { force: true });
        rmSync(`${h.store.path}-shm`, { force: true });
        h.store.reopen();
        db = h.store.db;
        for (const [who, action, amount] of seq) {
          const ctx = actors[who]![1];
          const period = '2026-01';
          if (action === 'submit') await h.call(ctx, 'approval.submit', { period });
          else if (action === 'approve') await h.call(ctx, 'approval.approve', { period });
          else if (action === 'reject') await h.call(ctx, 'approval.reject', { period, comment: '随机驳回' });
          else if (action === 'adjust') await h.call(ctx, 'batch.adjust', { period, code: 'D2', amount: String(amount), reason: '随机调整' });
          else await h.call(ctx, 'batch.calculate', { period });
          steps++;
          check();
        }
        expect(verifyAudit(db).ok).toBe(true);
      }),
      { numRuns: 1000, seed: 20260101 },
    );
    expect(runs).toBe(1000);
    expect(steps).toBeGreaterThan(2000);
  }, 240_000);
});
