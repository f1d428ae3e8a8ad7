import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { appendAudit, verifyAudit } from './audit';

let h: Harness;
afterEach(() => h?.close());

async function seeded(): Promise<Harness> {
  h = new Harness();
  const admin = await h.admin();
  for (const name of ['wang', 'li', 'zhao', 'chen']) {
    await h.ok(admin, 'users.add', { name, password: `${name}-pass-1`, roles: ['approver'] });
  }
  return h;
}

/** Edits the table as someone with a SQLite tool would: triggers dropped, change made, triggers back. */
function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  const triggers = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { sql: string }[];
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  raw.exec(sql);
  for (const t of triggers) raw.exec(t.sql);
  raw.close();
}

describe('audit log', () => {
  it('records who did what with before/after, chained by hashes', async () => {
    await seeded();
    const admin = await h.admin();
    const page = await h.ok(admin, 'audit.list', { limit: 10 });
    expect(page.total).toBe(5);
    expect(page.rows[0]).toMatchObject({ actor: 'admin', action: 'user.add', entity: 'user', entityId: 'chen' });
    expect(page.rows[0]?.after).toMatchObject({ name: 'chen', roles: ['approver'] });
    const chain = h.store.db.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as { id: number; prev_hash: string; hash: string }[];
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prev_hash).toBe(chain[i - 1]?.hash);
    expect(await h.ok(admin, 'audit.verify', {})).toEqual({ ok: true, entries: 5, head: chain[4]?.hash });
  });

  it('is append-only: the database itself refuses UPDATE and DELETE', async () => {
    await seeded();
    const db = h.store.db;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('names the first broken entry when a row is edited behind the application', async () => {
    await seeded();
    h.store.close();
    tamper(h.store.path, "UPDATE audit_log SET after_json = replace(after_json, 'approver', 'admin') WHERE id = 3");
    h.store.reopen();
    const r = await h.ok(await h.admin(), 'audit.verify', {});
    expect(r).toMatchObject({ ok: false, brokenId: 3, reason: 'hash_mismatch' });
    if (!r.ok) expect(r.message).toContain('第 3 条');
  });

  it('detects a deleted row, a deleted tail, and swapped rows', async () => {
    await seeded();
    h.store.close();
    tamper(h.store.path, 'DELETE FROM audit_log WHERE id = 2');
    h.store.reopen();
    expect(verifyAudit(h.store.db)).toMatchObject({ ok: false, brokenId: 3, reason: 'gap' });
    h.close();

    await seeded();
    h.store.close();
    tamper(h.store.path, 'DELETE FROM audit_log WHERE id = 5');
    h.store.reopen();
    expect(verifyAudit(h.store.db)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    h.close();

    await seeded();
    h.store.close();
    // reorder: entries 2 and 3 trade places
    tamper(h.store.path, 'UPDATE audit_log SET id = 1000 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 1000;');
    h.store.reopen();
    expect(verifyAudit(h.store.db)).toMatchObject({ ok: false, brokenId: 2 });
  });

  it('detects a single byte edited in the database file itself', async () => {
    await seeded();
    h.store.db.pragma('wal_checkpoint(TRUNCATE)');
    h.store.close();
    const bytes = readFileSync(h.store.path);
    const at = bytes.indexOf(Buffer.from('"name":"zhao"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = 'Z'.charCodeAt(0); // zhao → Zhao inside the after_json of one entry
    writeFileSync(h.store.path, bytes);
    h.store.reopen();
    const r = verifyAudit(h.store.db);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('hash_mismatch');
  });

  it('appends inside the caller’s transaction: a failed change leaves no entry', async () => {
    h = new Harness();
    const db = h.store.db;
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { actor: 'x', action: 'test', entity: 'test' });
        throw new Error('change failed');
      })(),
    ).toThrow('change failed');
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 0, head: null });
  });
});
