import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs, GLOBAL_OPTIONS } from './args';
import { cli } from '../testing/cli-server';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));


function db(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-cli-'));
  return path.join(dir, 'db.sqlite');
}

describe('argument parsing', () => {
  it('takes global options anywhere and values that start with a dash', () => {
    const a = parseArgs(['--json', 'adjust', '--amount', '-100.00', '--db=x.sqlite', '--reason', '--not-an-option'], {
      ...GLOBAL_OPTIONS,
      amount: { value: true },
      reason: { value: true },
    });
    expect(a.words).toEqual(['adjust']);
    expect(a.options.get('amount')).toEqual(['-100.00']);
    expect(a.options.get('db')).toEqual(['x.sqlite']);
    expect(a.options.get('reason')).toEqual(['--not-an-option']);
    expect(a.options.get('json')).toEqual(['true']);
  });
});

describe('rebate CLI', () => {
  it('init creates the database and the first admin; a second admin is refused with exit 2', async () => {
    const file = db();
    const first = await cli(['init', '--admin', 'root', '--password', 'root-pass-1', '--db', file, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ status: 'ok', db: file, schema_version: LATEST_SCHEMA_VERSION, admin: 'root' });
    const again = await cli(['--db', file, 'init', '--admin', 'other', '--password', 'other-pass-1', '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ status: 'rejected', error: { key: 'auth.setup_done' } });
    expect((await cli(['init', '--db', file])).code).toBe(0);
  });

  it('README’s scripted month: init works with REBATE_USER and REBATE_PASSWORD already exported (issue 11)', async () => {
    const file = db();
    const env = { REBATE_DB: file, REBATE_USER: 'admin', REBATE_PASSWORD: 'admin-pass-1' };
    const init = await cli(['init', '--admin', 'admin', '--password', 'admin-pass-1'], env);
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    // from then on the exported variables sign in
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
    expect((await cli(['audit', 'verify'], { ...env, REBATE_PASSWORD: 'wrong-pass' })).code).toBe(2);
  });

  it('user add needs an admin acting through REBATE_PASSWORD, and --password is the new account’s', async () => {
    const file = db();
    await cli(['init', '--admin', 'root', '--password', 'root-pass-1', '--db', file]);
    const noUser = await cli(['user', 'add', 'wang', '--roles', 'approver', '--password', 'wang-pass-1', '--db', file]);
    expect(noUser.code).toBe(2);
    expect(noUser.err).toContain('--user');
    const ok = await cli(['user', 'add', 'wang', '--roles', 'approver,preparer', '--password', 'wang-pass-1', '--display', '王经理', '--db', file, '--user', 'root', '--json'], {
      REBATE_PASSWORD: 'root-pass-1',
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ name: 'wang', display: '王经理', roles: ['approver', 'preparer'] });
    const notAdmin = await cli(['user', 'add', 'li', '--roles', 'preparer', '--password', 'li-pass-12', '--db', file, '--user', 'wang', '--lang', 'en'], {
      REBATE_PASSWORD: 'wang-pass-1',
    });
    expect(notAdmin.code).toBe(2);
    expect(notAdmin.err).toContain('lacks the role');
    const badRole = await cli(['user', 'add', 'li', '--roles', 'boss', '--password', 'li-pass-12', '--db', file, '--user', 'root'], { REBATE_PASSWORD: 'root-pass-1' });
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('未知角色');
  });

  it('wrong password: exit 2, clear message, no stack trace', async () => {
    const file = db();
    await cli(['init', '--admin', 'root', '--password', 'root-pass-1', '--db', file]);
    const r = await cli(['audit', 'verify', '--db', file, '--user', 'root', '--password', 'wrong-one']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('用户名或密码错误。');
    const json = await cli(['audit', 'verify', '--db', file, '--user', 'root', '--password', 'wrong-one', '--json', '--lang', 'en']);
    expect(JSON.parse(json.out).errors[0].message).toBe('Wrong user name or password.');
  });

  it('unknown commands and options exit 1; a missing argument exits 2', async () => {
    const file = db();
    expect((await cli(['frobnicate', '--db', file])).code).toBe(1);
    expect((await cli(['init', '--frob', '--db', file])).code).toBe(1);
    const missing = await cli(['backup', 'restore', '--db', file]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ID');
  });

  it('refuses a file that is not a database, and a newer-version database, with exit 2', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-cli-'));
    const notDb = path.join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'x'.repeat(500));
    const r = await cli(['init', '--db', notDb]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是返利台数据库');
  });

  it('backup list and restore as admin; audit verify exits 2 on a tampered log', async () => {
    const file = db();
    const as = ['--db', file, '--user', 'root', '--password', 'root-pass-1'];
    await cli(['init', '--admin', 'root', '--password', 'root-pass-1', '--db', file]);
    const svc = await import('../services/store');
    const store = new svc.Store(file);
    const { createBackup } = await import('../db/backup-files');
    await createBackup(store.db, 'manual');
    store.close();
    const list = JSON.parse((await cli(['backup', 'list', '--json', ...as])).out) as { backups: { id: string }[] };
    expect(list.backups).toHaveLength(1);
    const restored = await cli(['backup', 'restore', list.backups[0]!.id, '--json', ...as]);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toEqual({ status: 'ok', restored: list.backups[0]!.id });
    const verified = await cli(['audit', 'verify', '--json', ...as]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true });
    // a printed chain head (as on the approval workbook) checked against the log
    const head = JSON.parse(verified.out) as { entries: number; head: string };
    const printed = `${head.entries}:${head.head}`;
    const matches = await cli(['audit', 'verify', '--head', printed, ...as]);
    expect(matches.code).toBe(0);
    expect(matches.out).toContain(`审批表上的审计链头与日志相符（第 ${head.entries} 条）`);
    const other = await cli(['audit', 'verify', '--head', `${head.entries}:${'a'.repeat(64)}`, '--json', ...as]);
    expect(other.code).toBe(2);
    expect(JSON.parse(other.out)).toMatchObject({ ok: false, reason: 'printed_head' });

    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 1;");
    raw.close();
    const broken = await cli(['audit', 'verify', '--json', ...as]);
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, broken_id: 1, reason: 'hash_mismatch' });
  });

  it('works as the real `rebate` bin in a child process (built on first use)', () => {
    const file = db();
    const bin = path.resolve('bin/rebate.mjs');
    // run as IT's scheduled task would: from a folder with no package.json (the log still has its name)
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'rebate-cli-cwd-'));
    const there = { encoding: 'utf8', cwd: elsewhere, env: { ...process.env, REBATE_LOG_DIR: path.join(elsewhere, 'logs') } } as const;
    const init = spawnSync(process.execPath, [bin, 'init', '--admin', 'root', '--password', 'root-pass-1', '--db', file, '--json'], there);
    expect(init.stderr).toBe('');
    expect(JSON.parse(init.stdout)).toMatchObject({ status: 'ok', admin: 'root' });
    expect(readdirSync(path.join(elsewhere, 'logs')).some((f) => /^rebate-desk-\d{4}-\d{2}-\d{2}\.log$/.test(f))).toBe(true);
    const bad = spawnSync(process.execPath, [bin, 'audit', 'verify', '--db', file, '--user', 'root', '--password', 'nope'], there);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('用户名或密码错误。');
    expect(bad.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
  });
});
