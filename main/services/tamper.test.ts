import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { approve, calculatedMonth, type ApprovalWorld } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { canonicalJson } from '../util/canonical-json';

let h: Harness;
afterEach(() => h?.close());

const PERIOD = '2026-01';

/** An attacker with the database file and the sqlite3 shell: drops every trigger first. */
function dropTriggers(db: Database.Database): void {
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
}

async function verify(w: ApprovalWorld): Promise<{ ok: boolean; reason?: string; message?: string; period?: string }> {
  return (await h.ok(w.admin, 'audit.verify', {})) as { ok: boolean; reason?: string; message?: string };
}

async function world(stage: 'calculated' | 'submitted' | 'one_level' | 'approved'): Promise<ApprovalWorld> {
  h = new Harness();
  const w = await calculatedMonth(h);
  if (stage === 'approved') await approve(h, w);
  else if (stage !== 'calculated') {
    await h.ok(w.prep, 'approval.submit', { period: PERIOD });
    if (stage === 'one_level') await h.ok(w.wang, 'approval.approve', { period: PERIOD });
  }
  expect((await verify(w)).ok).toBe(true);
  return w;
}

const run = (sql: string, ...params: unknown[]) => () => h.store.db.prepare(sql).run(...params);

describe('with the triggers intact, direct edits of the database are refused (issue 11, item 5)', () => {
  it('no approval without decisions, no reopening a submitted batch, no extra signer, no removed level', async () => {
    await world('one_level');
    const db = h.store.db;
    const sub = (db.prepare("SELECT id FROM approval_submissions WHERE status = 'pending'").get() as { id: number }).id;
    expect(run("UPDATE approval_submissions SET status = 'approved' WHERE id = ?", sub)).toThrow(/approved only when every level approved/);
    expect(run("UPDATE batches SET status = 'approved'")).toThrow(/approval chain/);
    expect(run("UPDATE batches SET status = 'draft'")).toThrow(/leaves the chain only by a decision/);
    const outsider = (db.prepare("SELECT id FROM users WHERE name = 'admin'").get() as { id: number }).id;
    expect(run('INSERT INTO approval_submission_level_users (submission_id, position, user_id) VALUES (?, 2, ?)', sub, outsider)).toThrow(/immutable/);
    expect(run('DELETE FROM approval_submission_level_users WHERE position = 2')).toThrow(/immutable/);
    expect(run('DELETE FROM approval_submission_levels WHERE position = 2')).toThrow(/immutable/);
    expect(run("INSERT INTO approval_submissions (batch_id, submitted_by, submitted_by_name, submitted_at, content_hash, total_cents, status) VALUES (1, 1, 'x', 't', 'h', 0, 'approved')")).toThrow();
  }, 60_000);

  it('no UPDATE of a locked period’s rows or files, and the audit head cannot go back or go', async () => {
    await world('submitted');
    expect(run('UPDATE purchases SET amount_cents = amount_cents + 100000000 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('UPDATE returns SET amount_cents = 0 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('UPDATE promotions SET actual_cents = 0 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run("UPDATE purchases SET period = '2026-02' WHERE period = ?", PERIOD)).toThrow(/period is locked/);
    expect(run('UPDATE import_files SET total_cents = 0 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('UPDATE batches SET calc_count = 99')).toThrow(/batch is locked/);
    const head = h.store.db.prepare('SELECT last_id FROM audit_head').get() as { last_id: number };
    const prev = h.store.db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.last_id - 1) as { hash: string };
    expect(run('UPDATE audit_head SET last_id = ?, last_hash = ?', head.last_id - 1, prev.hash)).toThrow(/newest entry/);
    expect(run('DELETE FROM audit_head')).toThrow(/append-only/);
    expect(run('DELETE FROM audit_log WHERE id = ?', head.last_id)).toThrow(/append-only/);
  }, 60_000);

  it('the ledger of an approved period (settlements, balances, ledger adjustments) and its reconciliation notes refuse INSERT, UPDATE and DELETE', async () => {
    await world('approved');
    const db = h.store.db;
    const file = (db.prepare('SELECT id FROM import_files WHERE period = ? LIMIT 1').get(PERIOD) as { id: number }).id;
    const code = (db.prepare('SELECT code FROM distributors LIMIT 1').get() as { code: string }).code;
    expect(run("INSERT INTO settlements (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, method, dup_key) VALUES (?, ?, 'S', 2, 'DX1', '2026-01-05', ?, 100, 'cash', 'k1')", PERIOD, file, code)).toThrow(/period is locked/);
    expect(run("INSERT INTO balances (period, file_id, sheet, row_no, distributor_code, opening_cents) VALUES (?, ?, 'S', 2, ?, 100)", PERIOD, file, code)).toThrow(/balances are closed/);
    expect(run("INSERT INTO ledger_adjustments (period, distributor_code, amount_cents, reason, created_by, created_at) VALUES (?, ?, 100, 'x', 'admin', 't')", PERIOD, code)).toThrow(/period is locked/);
    expect(run("INSERT INTO reconcile_notes (period, distributor_code, note, updated_by, updated_at) VALUES (?, ?, '改过', 'admin', 't')", PERIOD, code)).toThrow(/period is locked/);
    // rows written while the period was open (the sqlite3 shell with the locking triggers of 008 dropped), then edited after approval
    db.exec('DROP TRIGGER settlements_period_locked; DROP TRIGGER ledger_adjustments_locked');
    db.prepare("INSERT INTO settlements (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, method, dup_key) VALUES (?, ?, 'S', 2, 'DX1', '2026-01-05', ?, 100, 'cash', 'k1')").run(PERIOD, file, code);
    db.prepare("INSERT INTO ledger_adjustments (period, distributor_code, amount_cents, reason, created_by, created_at) VALUES (?, ?, 100, 'x', 'admin', 't')").run(PERIOD, code);
    expect(run('UPDATE settlements SET amount_cents = 1 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('DELETE FROM settlements WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('UPDATE ledger_adjustments SET amount_cents = 1 WHERE period = ?', PERIOD)).toThrow(/period is locked/);
    expect(run('DELETE FROM ledger_adjustments WHERE period = ?', PERIOD)).toThrow(/period is locked/);
  }, 60_000);
});

describe('with the triggers dropped, `audit verify` finds every tampering of the issue', () => {
  it('a submission and batch set to approved without decisions', async () => {
    const w = await world('one_level');
    dropTriggers(h.store.db);
    h.store.db.exec("UPDATE approval_submissions SET status = 'approved'; UPDATE batches SET status = 'approved'");
    expect(await verify(w)).toMatchObject({ ok: false, reason: 'approval_rules', period: PERIOD });
    expect((await verify(w)).message).toContain('并非每个层级都已批准');
  }, 60_000);

  it('a submitted batch set to draft, a row raised by ¥1,000,000, set back, then approved: hash and source re-aggregation fail', async () => {
    const w = await world('submitted');
    dropTriggers(h.store.db);
    h.store.db.exec("UPDATE batches SET status = 'draft'; UPDATE batch_rows SET final_cents = final_cents + 100000000, rebate_cents = rebate_cents + 100000000 WHERE code = 'D1'; UPDATE batches SET status = 'submitted'");
    await h.ok(w.wang, 'approval.approve', { period: PERIOD });
    await h.ok(w.zhao, 'approval.approve', { period: PERIOD });
    const r = await verify(w);
    expect(r.ok).toBe(false);
    expect(['batch_totals', 'batch_hash']).toContain(r.reason);
  }, 60_000);

  it('a purchase line of an approved period raised: the re-aggregation differs from the stored inputs', async () => {
    const w = await world('approved');
    dropTriggers(h.store.db);
    h.store.db.exec(`UPDATE purchases SET amount_cents = amount_cents + 100000000 WHERE period = '${PERIOD}' AND distributor_code = 'D2'`);
    expect(await verify(w)).toMatchObject({ ok: false, reason: 'source_changed', period: PERIOD });
    expect((await verify(w)).message).toContain('D2');
  }, 60_000);

  it('a user outside the chain inserted as a signer of a level', async () => {
    const w = await world('one_level');
    dropTriggers(h.store.db);
    const db = h.store.db;
    const sub = (db.prepare("SELECT id, content_hash FROM approval_submissions WHERE status = 'pending'").get() as { id: number; content_hash: string });
    const outsider = db.prepare("SELECT id, name FROM users WHERE name = 'admin'").get() as { id: number; name: string };
    db.prepare('INSERT INTO approval_submission_level_users (submission_id, position, user_id) VALUES (?, 2, ?)').run(sub.id, outsider.id);
    db.prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, decided_at, content_hash) VALUES (?, 2, '财务总监审批', ?, ?, 'approve', 't', ?)").run(sub.id, outsider.id, outsider.name, sub.content_hash);
    db.exec("UPDATE approval_submissions SET status = 'approved'; UPDATE batches SET status = 'approved'");
    expect(await verify(w)).toMatchObject({ ok: false, reason: 'approval_rules', period: PERIOD });
  }, 60_000);

  it('the last level’s rows deleted, so that the batch approves after the other levels', async () => {
    const w = await world('one_level');
    dropTriggers(h.store.db);
    h.store.db.exec('DELETE FROM approval_submission_level_users WHERE position = 2; DELETE FROM approval_submission_levels WHERE position = 2');
    expect(await verify(w)).toMatchObject({ ok: false, reason: 'approval_rules', period: PERIOD });
  }, 60_000);

  it('the newest audit entries deleted and audit_head moved back: the anchor outside the database catches it', async () => {
    const w = await world('approved');
    dropTriggers(h.store.db);
    const db = h.store.db;
    const last = (db.prepare('SELECT MAX(id) AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('DELETE FROM audit_log WHERE id > ?').run(last - 3);
    const keep = db.prepare('SELECT id, hash FROM audit_log WHERE id = ?').get(last - 3) as { id: number; hash: string };
    db.prepare('UPDATE audit_head SET last_id = ?, last_hash = ?').run(keep.id, keep.hash);
    expect(await verify(w)).toMatchObject({ ok: false, reason: 'anchor_truncated' });
  }, 60_000);

  it('every entry and the head deleted ("ok, 0 entries" before)', async () => {
    const w = await world('calculated');
    dropTriggers(h.store.db);
    h.store.db.exec('DELETE FROM audit_log; DELETE FROM audit_head');
    const r = await verify(w);
    expect(r).toMatchObject({ ok: false, reason: 'anchor_truncated' });
  }, 60_000);

  it('the database id changed or removed (to escape its checkpoint), then the log wiped', async () => {
    for (const edit of ["UPDATE app_settings SET value = 'another-id' WHERE key = 'database_id'", "DELETE FROM app_settings WHERE key = 'database_id'"]) {
      const w = await world('calculated');
      dropTriggers(h.store.db);
      h.store.db.exec(`${edit}; DELETE FROM audit_log; DELETE FROM audit_head`);
      expect(await verify(w), edit).toMatchObject({ ok: false, reason: 'anchor_id_changed' });
      // and it stays reported: operations after it do not overwrite the evidence
      expect(await verify(w), edit).toMatchObject({ ok: false, reason: 'anchor_id_changed' });
      h.close();
    }
  }, 60_000);

  it('a new database file created at the same path is not taken for a changed id', async () => {
    h = new Harness();
    await h.admin();
    const file = h.store.db.name;
    h.store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const store = new (await import('./store')).Store(file);
    const ctx = { store, session: { user: null }, lang: 'zh-CN' as const, host: 'test' as const, now: () => new Date() };
    const { dispatch } = await import('../api/dispatch');
    expect((await dispatch(ctx, 'auth.setupAdmin', { name: 'admin2', password: 'admin-pass-2' })).ok).toBe(true);
    const r = await dispatch(ctx, 'audit.verify', {});
    expect(r).toMatchObject({ ok: true, result: { ok: true } });
    store.close();
  }, 60_000);

  it('an entry edited and the whole chain recomputed (plain SHA-256 needs no key)', async () => {
    const w = await world('calculated');
    dropTriggers(h.store.db);
    const db = h.store.db;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const actor = r['id'] === 2 ? 'someone-else' : r['actor'];
      const content = canonicalJson([r['id'], r['at'], actor, r['action'], r['entity'], r['entity_id'], r['before_json'], r['after_json']]);
      const hash = createHash('sha256').update(prev).update('\n').update(content).digest('hex');
      db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?').run(actor, prev, hash, r['id']);
      prev = hash;
    }
    db.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
    const r = await verify(w);
    expect(r).toMatchObject({ ok: false, reason: 'anchor_mismatch' });
  }, 60_000);
});

describe('migration 010 (tamper triggers)', () => {
  it('a version-9 database keeps its data and gains the triggers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebate-m9-'));
    try {
      const db = new Database(path.join(dir, 'm9.sqlite'));
      migrate(db, { list: migrations.slice(0, 9) });
      db.prepare("INSERT INTO distributors (code, name, region, grade, status, updated_at) VALUES ('D001', '华光商贸', '华东', 'A', 'active', 't')").run();
      migrate(db, { list: migrations.slice(0, 10) });
      expect(schemaVersion(db)).toBe(10);
      expect(db.prepare('SELECT name FROM distributors').get()).toEqual({ name: '华光商贸' });
      const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
      for (const t of ['purchases_period_locked_update', 'batches_status_rules', 'approval_submissions_status_rules', 'approval_submission_levels_no_delete', 'audit_head_update', 'audit_head_no_delete', 'reconcile_notes_approved_update']) expect(triggers).toContain(t);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
