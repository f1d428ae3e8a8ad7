import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain';
import { listBackups } from './backup-files';
import { openDatabase } from './database';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { networkPathReason } from './paths';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
const fresh = (): string => (dir = mkdtempSync(path.join(tmpdir(), 'rebate-db-')));

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('opening the database', () => {
  it('uses WAL, synchronous=FULL and foreign keys, with STRICT tables', () => {
    const db = openDatabase(path.join(fresh(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (99, 'admin')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = path.join(fresh(), 'budget.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 this is a workbook, not a database'.repeat(10));
    const before = readFileSync(file);
    expect(refusal(() => openDatabase(file)).key).toBe('db.not_sqlite');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer version without changing it', () => {
    const file = path.join(fresh(), 'new.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_SCHEMA_VERSION + 5, 'future', '2030-01-01');
    raw.close();
    const before = readFileSync(file);
    const e = refusal(() => openDatabase(file));
    expect(e.key).toBe('db.newer_schema');
    expect(e.params).toMatchObject({ found: LATEST_SCHEMA_VERSION + 5, supported: LATEST_SCHEMA_VERSION });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses UNC paths and synced cloud folders', () => {
    expect(networkPathReason('\\\\fileserver\\finance\\rebate.sqlite')).toBe('unc');
    expect(networkPathReason('//fileserver/finance/rebate.sqlite')).toBe('unc');
    expect(networkPathReason('C:\\Users\\li\\OneDrive - ACME\\rebate.sqlite')).toBe('cloud');
    expect(networkPathReason('/home/li/Dropbox/rebate.sqlite')).toBe('cloud');
    expect(networkPathReason('/home/li/坚果云/rebate.sqlite')).toBe('cloud');
    expect(networkPathReason(path.join(tmpdir(), 'x', 'rebate.sqlite'))).toBeNull();
    expect(refusal(() => openDatabase('//fileserver/finance/rebate.sqlite')).key).toBe('db.network_path');
  });
});

describe('migrations', () => {
  it('are numbered 1..N without gaps and each is recorded', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const db = openDatabase(path.join(fresh(), 'm.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('001 init: from an empty file to users, roles, settings and the audit log', () => {
    const db = new Database(path.join(fresh(), 'm1.sqlite'));
    migrate(db, { list: migrations.slice(0, 1) });
    db.prepare("INSERT INTO users (name, display_name, password_hash, created_at) VALUES ('a', 'A', 'h', 't')").run();
    db.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'approver')").run();
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'superuser')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO users (name, display_name, password_hash, created_at) VALUES ('A', 'A', 'h', 't')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('002 import data: a version-1 database keeps its users and audit log and gains the data tables', () => {
    const file = path.join(fresh(), 'm2.sqlite');
    const db = new Database(file);
    migrate(db, { list: migrations.slice(0, 1) });
    db.prepare("INSERT INTO users (name, display_name, password_hash, created_at) VALUES ('li', '李', 'h', 't')").run();
    db.prepare("INSERT INTO app_settings (key, value) VALUES ('company_name', '华光食品')").run();
    migrate(db, { list: migrations.slice(0, 2) });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT display_name FROM users').get()).toEqual({ display_name: '李' });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['pre-migrate-1']);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO distributors (code, name, region, grade, status, updated_at) VALUES ('D001', '华光商贸', '华东', 'A', 'active', 't')").run();
    db.prepare("INSERT INTO imports (id, kind, period, mode, created_by, created_at, rows) VALUES (1, 'purchases', '2026-01', 'add', 'li', 't', 1)").run();
    db.prepare("INSERT INTO import_files (id, import_id, kind, period, file_name, sha256, bytes, sheets_json, rows, total_cents) VALUES (1, 1, 'purchases', '2026-01', 'a.xlsx', 'x', 1, '[]', 1, 100)").run();
    const line = db.prepare("INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-01', 1, 'S', 4, 'XS1', '2026-01-05', ?, 100, ?)");
    line.run('D001', 'k1');
    expect(() => line.run('D001', 'k1')).toThrow(/UNIQUE/);
    expect(() => line.run('NOPE', 'k2')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO imports (kind, period, mode, created_by, created_at, rows) VALUES ('purchases', '2026/01', 'add', 'x', 't', 0)").run()).toThrow(/CHECK/);
    db.close();
  });

  it('003 policies: a version-2 database keeps its data and gains immutable, versioned policies', () => {
    const file = path.join(fresh(), 'm3.sqlite');
    const db = new Database(file);
    migrate(db, { list: migrations.slice(0, 2) });
    db.prepare("INSERT INTO distributors (code, name, region, grade, status, updated_at) VALUES ('D001', '华光商贸', '华东', 'A', 'active', 't')").run();
    migrate(db, { list: migrations.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT name FROM distributors').get()).toEqual({ name: '华光商贸' });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['pre-migrate-2']);
    db.pragma('foreign_keys = ON');
    const version = db.prepare(
      `INSERT INTO policy_versions (code, version, name, priority, effective_from, effective_to, scope_regions_json, scope_grades_json,
         parameters_json, formulas_json, active, content_hash, source, saved_by, saved_at, comment)
       VALUES (?, ?, '华东', 10, ?, ?, ?, NULL, '{}', '[]', 1, 'h', 'import', 'li', 't', '')`,
    );
    expect(() => version.run('EAST', 1, '2026-01', null, null)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO policies (code, created_by, created_at) VALUES ('EAST', 'li', 't')").run();
    version.run('EAST', 1, '2026-01', '2026-12', '["华东"]');
    expect(() => version.run('EAST', 1, '2026-01', null, null)).toThrow(/UNIQUE/);
    expect(() => version.run('EAST', 2, '2026-05', '2026-01', null)).toThrow(/CHECK/);
    expect(() => version.run('EAST', 2, '2026/05', null, null)).toThrow(/CHECK/);
    expect(() => version.run('EAST', 2, '2026-01', null, '"华东"')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE policy_versions SET comment = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM policy_versions').run()).toThrow(/immutable/);
    db.close();
  });

  it('backs up before migrating an existing database, and restores that backup when a migration fails', () => {
    const file = path.join(fresh(), 'fail.sqlite');
    const db = new Database(file);
    migrate(db, { list: migrations.slice(0, 1) });
    db.prepare("INSERT INTO app_settings (key, value) VALUES ('company_name', '华光食品')").run();
    const broken = [...migrations.slice(0, 1), { version: 2, name: 'broken', sql: "CREATE TABLE ok_part (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);" }];
    const e = refusal(() => migrate(db, { list: broken }));
    expect(e.key).toBe('db.migration_failed');
    expect(e.params['version']).toBe(2);
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]?.reason).toBe('pre-migrate-1');
    const reopened = new Database(file);
    expect(reopened.prepare('SELECT value FROM app_settings').get()).toEqual({ value: '华光食品' });
    expect(reopened.prepare("SELECT 1 FROM sqlite_master WHERE name = 'ok_part'").get()).toBeUndefined();
    expect(schemaVersion(reopened)).toBe(1);
    reopened.close();
    expect(existsSync(`${file}.restoring`)).toBe(false);
  });
});

describe('migration 006 (sign-in security)', () => {
  it('adds the session epoch and must-change flag to users, and the failure and lock tables', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebate-m6-'));
    try {
      const db = openDatabase(path.join(dir, 'm6.sqlite'));
      const cols = (db.prepare("SELECT name FROM pragma_table_info('users')").all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['session_epoch', 'must_change_password']));
      db.prepare("INSERT INTO signin_locks (name, address, until_ms) VALUES ('Wang', '10.0.0.1', 1)").run();
      expect(() => db.prepare("INSERT INTO signin_locks (name, address, until_ms) VALUES ('wang', '10.0.0.1', 2)").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO users (name, display_name, password_hash, created_at, must_change_password) VALUES ('x', 'x', 'h', 't', 2)").run()).toThrow(/CHECK/);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
