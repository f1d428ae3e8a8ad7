import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv, stopped?: Promise<void>): { out: string[]; err: string[]; io: Parameters<typeof runCli>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s) => out.push(s), err: (s) => err.push(s), env, ...(stopped ? { stopped } : {}) } };
}

describe('rebate serve', () => {
  it('refuses a database that does not exist (exit 2), creates nothing', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-serve-'));
    const r = io({ REBATE_CONFIG_DIR: path.join(dir, 'config') });
    const code = await runCli(['serve', '--db', path.join(dir, 'none.sqlite'), '--listen', '127.0.0.1:0', '--lang', 'en'], r.io);
    expect(code).toBe(2);
    expect(r.err.join('\n')).toContain('does not exist');
    expect(r.out).toEqual([]);
    const bad = io({});
    expect(await runCli(['serve', '--db', path.join(dir, 'none.sqlite'), '--listen', 'nonsense', '--lang', 'en'], bad.io)).toBe(2);
  });

  it('prints exactly the URL and the fingerprint, serves HTTPS until stopped, and exits 0', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-serve-'));
    const db = path.join(dir, 'team.sqlite');
    expect(await runCli(['init', '--db', db, '--admin', 'admin', '--password', 'admin-pass-1'], io({}).io)).toBe(0);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const r = io({ REBATE_CONFIG_DIR: path.join(dir, 'config') }, stopped);
    const running = runCli(['serve', '--db', db, '--listen', '127.0.0.1:0'], r.io);
    for (let i = 0; i < 200 && r.out.length < 2; i++) await new Promise((res) => setTimeout(res, 50));
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(/^Rebate Desk team server: https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(r.out[1]).toMatch(/^certificate SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const port = Number(/:(\d+)\/$/.exec(r.out[0] ?? '')?.[1]);
    const status = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/', rejectUnauthorized: false, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect([200, 503]).toContain(status);
    stop();
    expect(await running).toBe(0);
  }, 60_000);
});
