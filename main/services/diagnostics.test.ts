import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { configureLogging, logFileFor, stopLogging } from '../support/log';
import { Harness } from '../testing/harness';
import { APP_VERSION } from '../version';

let h: Harness | undefined;
let logs: string | undefined;
afterEach(() => {
  stopLogging();
  h?.close();
  h = undefined;
  if (logs) rmSync(logs, { recursive: true, force: true });
});

describe('设置 → 关于 and 导出诊断信息', () => {
  it('about: version, database, schema version, log folder', async () => {
    logs = mkdtempSync(path.join(tmpdir(), '日志 '));
    configureLogging({ dir: logs, process: 'test' });
    h = new Harness();
    const admin = await h.admin();
    const info = await h.ok(admin, 'support.about', {});
    expect(info).toMatchObject({ version: APP_VERSION, dbPath: h.store.path, schemaVersion: LATEST_SCHEMA_VERSION, logDir: logs, host: 'test' });
    expect((await h.call(h.context(), 'support.about', {})).ok).toBe(false);
  });

  it('writes a zip with version, settings without secrets, recent logs, schema version and integrity_check — no business data', async () => {
    logs = mkdtempSync(path.join(tmpdir(), '日志 '));
    mkdirSync(logs, { recursive: true });
    // an old log beyond the 7 days included, and a recent one with a password that slipped in
    writeFileSync(path.join(logs, 'rebate-desk-2026-01-01.log'), 'old line\n');
    configureLogging({ dir: logs, process: 'test' });
    writeFileSync(logFileFor(logs, new Date()), 'started with --password hunter2-秘密\n', { flag: 'a' });
    for (let d = 1; d <= 7; d++) writeFileSync(path.join(logs, `rebate-desk-2026-02-0${d}.log`), `day ${d}\n`);
    h = new Harness();
    const admin = await h.admin('admin', 'admin-pass-1');
    await h.ok(admin, 'settings.update', { companyName: '示例食品有限公司' });
    // a secret-looking setting another feature may keep (e.g. a team server password)
    h.store.db.prepare("INSERT INTO app_settings (key, value) VALUES ('team_server_password', 'tEam-秘密-9')").run();

    const r = await h.ok(admin, 'support.diagnostics', {});
    expect(r.fileName).toMatch(/^返利台诊断信息-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    expect(r.integrity).toBe('ok');
    const d = h.store.downloads.get(r.downloadId, admin.session.user?.id ?? -1);
    const zip = await JSZip.loadAsync(readFileSync(d?.path ?? ''));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir).sort();
    expect(names).toEqual(r.entries.slice().sort());
    expect(names).toEqual(expect.arrayContaining(['about.json', 'settings.json', 'database/schema-version.txt', 'database/integrity-check.txt', 'database/table-counts.json']));
    const text = async (n: string): Promise<string> => (await zip.file(n)?.async('string')) ?? '';
    const about = JSON.parse(await text('about.json')) as Record<string, unknown>;
    expect(about).toMatchObject({ version: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION, dbPath: h.store.path, user: 'admin' });
    expect(await text('database/schema-version.txt')).toBe(`${LATEST_SCHEMA_VERSION}\n`);
    expect(await text('database/integrity-check.txt')).toBe('ok\n');
    const settings = JSON.parse(await text('settings.json')) as Record<string, string>;
    expect(settings['company_name']).toBe('示例食品有限公司');
    expect(settings['team_server_password']).toBe('***');
    // the 7 newest logs, the password masked; the old one left out
    const logNames = names.filter((n) => n.startsWith('logs/'));
    expect(logNames).toHaveLength(7);
    expect(logNames).not.toContain('logs/rebate-desk-2026-01-01.log');
    const all = (await Promise.all(names.map(text))).join('\n');
    expect(all).toContain('--password ***');
    for (const secret of ['hunter2-秘密', 'tEam-秘密-9', 'admin-pass-1']) expect(all).not.toContain(secret);
    expect(JSON.parse(await text('database/table-counts.json'))).toMatchObject({ users: 1 });
  });
});

describe('rebate diagnostics', () => {
  it('writes the same zip from the command line, where --out says', async () => {
    h = new Harness();
    await h.admin('admin', 'admin-pass-1');
    const { runCli } = await import('../cli/run');
    const out: string[] = [];
    const err: string[] = [];
    const file = path.join(h.dir, '支持 材料', '诊断.zip');
    const code = await runCli(['diagnostics', '--out', file, '--json', '--db', h.store.path, '--user', 'admin', '--password', 'admin-pass-1'], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ status: 'ok', out: file, integrity: 'ok' });
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('database/integrity-check.txt')?.async('string')).toBe('ok\n');
    const wrong = await runCli(['diagnostics', '--out', path.join(h.dir, 'x.txt'), '--db', h.store.path, '--user', 'admin', '--password', 'admin-pass-1'], { out: () => undefined, err: (s) => err.push(s), env: {} });
    expect(wrong).toBe(2);
  });
});
