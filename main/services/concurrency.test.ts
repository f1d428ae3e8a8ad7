import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, backupDir } from '../db/backup-files';
import { Harness } from '../testing/harness';
import { P, openMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { Store } from './store';
import { databaseId, readCheckpoint } from './anchor';
import { auditHead } from '../db/audit-repo';
import type { ServiceContext } from './context';

let h: Harness;
afterEach(() => h?.close());
async function month(): Promise<ServiceContext> {
  const m = await openMonth({ calculated: true });
  h = m.h;
  return m.admin;
}

/** A purchases file long enough to keep a job busy for a while, ending in a row with an unknown code. */
function longFile(rows: number, badLast: boolean): string {
  const lines = Array.from({ length: rows }, (_, i) => P(`BIG${i}`, 'D1', 1));
  if (badLast) lines.push(P('BAD', 'NOPE', 1));
  return writeGbkCsv(h.dir, `long-${rows}-${badLast ? 'bad' : 'ok'}.csv`, PURCHASE_HEADER, lines);
}

async function waitForHold(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const row = h.store.db.prepare('SELECT COUNT(*) AS n FROM period_holds').get() as { n: number };
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import never took its hold');
}

async function finish(admin: ServiceContext, jobId: string) {
  let job = await h.ok(admin, 'import.job', { jobId });
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await h.ok(admin, 'import.job', { jobId });
  }
  return job;
}

describe('a long import never holds the database (issue 11)', () => {
  it('writes acknowledged during a failing import survive it; a second job on the period is refused at once, naming the holder', async () => {
    const admin = await month();
    const usersBefore = (await h.ok(admin, 'users.list', {})).length;
    const started = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-01', files: [{ path: longFile(20000, true) }] }] });
    await waitForHold();

    // A write elsewhere goes through at once and is kept, whatever the import does.
    const user = await h.call(admin, 'users.add', { name: 'during', password: 'during-pass-1', roles: ['auditor'] });
    expect(user.ok).toBe(true);

    // A second long job on the held period: refused at once, with who and since when.
    const t0 = Date.now();
    const calc = await h.call(admin, 'batch.calculate', { period: '2026-01' });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(calc.ok).toBe(false);
    if (!calc.ok) {
      expect(calc.error.kind).toBe('rejected');
      expect(calc.error.message).toMatch(/^admin正在导入 2026-01（\d\d:\d\d 开始），请稍后再试。$/);
    }
    const second = await h.call(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: longFile(10, false) }] });
    expect(second.ok ? 'ok' : second.error.message).toMatch(/正在导入 2026-01/);

    // A short write on the held period waits for the job, then goes through or is refused — never lost.
    const adj = await h.call(admin, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '12.34', reason: '测试' });
    if (!adj.ok) expect(adj.error.message).toMatch(/正在导入 2026-01/);

    const job = await finish(admin, started.jobId);
    expect(job.reports?.[0]?.status).toBe('rejected');
    expect((await h.ok(admin, 'users.list', {})).length).toBe(usersBefore + 1);
    const audit = await h.ok(admin, 'audit.list', { limit: 1000 });
    expect(audit.rows.some((r) => r.action === 'user.add' || (r.action.startsWith('user') && JSON.stringify(r.after).includes('during')))).toBe(true);
    if (adj.ok) {
      const rows = await h.ok(admin, 'batch.results', { period: '2026-01' });
      expect(rows.rows.find((r) => r.code === 'D1')?.adjustment).toBe('12.34');
    }
    expect((await h.ok(admin, 'audit.verify', {})).ok).toBe(true);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM period_holds').get()).toEqual({ n: 0 });
    expect(readdirSync(h.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(h.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('imports into another period go through while one period is held', async () => {
    const admin = await month();
    const started = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-01', files: [{ path: longFile(20000, true) }] }] });
    await waitForHold();
    const other = writeGbkCsv(h.dir, 'feb.csv', PURCHASE_HEADER, [P('F1', 'D1', 100, '2026-02-03')]);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: other }] });
    expect(r.status).toBe('imported');
    await finish(admin, started.jobId);
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-02'").get()).toEqual({ n: 1 });
  }, 120_000);

  it('a hold left by a killed process is stale and taken over', async () => {
    const admin = await month();
    h.store.db
      .prepare("INSERT INTO period_holds (scope, job, user_name, display_name, started_at, pid, host, token) VALUES ('2026-01', 'import', 'x', '张会计', ?, 2147483646, ?, 't')")
      .run(new Date().toISOString(), hostname());
    expect((await h.call(admin, 'batch.calculate', { period: '2026-01' })).ok).toBe(true);
  }, 60_000);

  it('a lock held by another program is a clear refusal naming it (exit 2), never an internal error', async () => {
    const admin = await month();
    const other = new Database(h.store.db.name);
    other.pragma('busy_timeout = 100');
    // another live process on this machine holds the period (our parent stands in for it)
    other
      .prepare("INSERT INTO period_holds (scope, job, user_name, display_name, started_at, pid, host, token) VALUES ('2026-01', 'calc', 'li', '李会计', ?, ?, ?, 't')")
      .run(new Date().toISOString(), process.ppid, hostname());
    other.exec('BEGIN IMMEDIATE');
    try {
      h.store.db.pragma('busy_timeout = 200');
      const r = await h.call(admin, 'users.add', { name: 'blocked', password: 'blocked-pass-1', roles: ['auditor'] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe('rejected');
        expect(r.error.key).toBe('db.busy');
        expect(r.error.message).toContain('李会计正在计算 2026-01');
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await h.call(admin, 'users.add', { name: 'blocked', password: 'blocked-pass-1', roles: ['auditor'] })).ok).toBe(true);
  }, 60_000);

  it('a full disk is 磁盘空间不足 (rejected), nothing is lost, and writes work again once space is freed', async () => {
    const admin = await month();
    const db = h.store.db;
    const pages = (db.pragma('page_count', { simple: true }) as number) + 0;
    db.pragma(`max_page_count = ${pages}`);
    const big = writeGbkCsv(h.dir, 'feb-big.csv', PURCHASE_HEADER, Array.from({ length: 3000 }, (_, i) => P(`FULL${i}`, 'D1', 1, '2026-02-03')));
    const r = await h.call(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: big }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('rejected');
      expect(r.error.message).toMatch(/^磁盘空间不足/);
    }
    expect(db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-02'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-01'").get()).toEqual({ n: 7 });
    db.pragma('max_page_count = 1073741823');
    const again = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: big }] });
    expect(again.status).toBe('imported');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});

describe('the audit anchor follows an import job', () => {
  it('a job that ends after its operation answered moves the checkpoint to the new head (nobody polls afterwards)', async () => {
    const admin = await month();
    const file = writeGbkCsv(h.dir, 'feb-anchor.csv', PURCHASE_HEADER, [P('A1', 'D1', 100, '2026-02-03')]);
    const started = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-02', files: [{ path: file }] }] });
    // follow the job without any operation (each would move the checkpoint itself)
    const job = h.store.jobs.get<unknown, { status: string }[]>(started.jobId, 1);
    for (let i = 0; i < 400 && job?.status === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(job?.result?.[0]?.status).toBe('imported');
    const head = auditHead(h.store.db);
    const id = databaseId(h.store.db, false);
    expect(id).not.toBeNull();
    const cp = readCheckpoint(id ?? '');
    expect(cp.state).toBe('ok');
    if (cp.state === 'ok') expect({ count: cp.checkpoint.count, head: cp.checkpoint.head }).toEqual({ count: head?.last_id, head: head?.last_hash });
  }, 60_000);
});

describe('backups and leftovers', () => {
  it('backups started at the same moment for the same reason each get their own file (no ENOENT race)', async () => {
    h = new Harness();
    await h.admin();
    const made = await Promise.all(Array.from({ length: 6 }, () => createBackup(h.store.db, 'pre-approve-2026-03')));
    expect(new Set(made.map((b) => b.path)).size).toBe(6);
    for (const b of made) expect(existsSync(b.path)).toBe(true);
    expect(readdirSync(backupDir(h.store.db.name)).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('leftovers of killed processes (*.partial, *.partial-journal) are removed at the next start; a running process’s are kept', async () => {
    h = new Harness();
    await h.admin();
    const dbFile = h.store.db.name;
    const dir = backupDir(dbFile);
    mkdirSync(dir, { recursive: true });
    const dead = [
      path.join(dir, '20260301T100000000Z_pre-approve-2026-03.sqlite.partial'),
      path.join(dir, '20260301T100000000Z_pre-approve-2026-03.sqlite.partial-journal'),
      path.join(dir, '20260301T100000000Z_pre-calc.sqlite.2147483646-0badf00d.partial'),
      `${dbFile}.import.2147483646-deadbeef.partial`,
    ];
    const live = `${dbFile}.import.${process.ppid}-0000beef.partial`;
    for (const f of [...dead, live]) writeFileSync(f, 'x');
    h.store.close();
    const again = new Store(dbFile);
    again.close();
    for (const f of dead) expect(existsSync(f)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
