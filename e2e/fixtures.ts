import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface WebHostProcess {
  url: string;
  dbPath: string;
  dir: string;
}

/** A fresh web host on a fresh database folder for every test. */
export const test = base.extend<{ host: WebHostProcess }>({
  // Playwright requires the destructuring form for a fixture without dependencies.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rebate-e2e-'));
    const dbPath = path.join(dir, 'rebate.sqlite');
    const child: ChildProcess = spawn(process.execPath, ['out/node/web.mjs', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 60_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
    });
    await use({ url, dbPath, dir });
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

const SHOTS = path.resolve('test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Saves a full-page screenshot as a test artifact, to look at what a user sees. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The administrator every spec that seeds through the CLI creates first. */
export const ADMIN = { name: 'admin', password: 'admin-pass-1' };

/** The `rebate` command on the web host's database (what the host sees, since both use the same file). */
export function cli(host: WebHostProcess, user: string, password: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/rebate.mjs', ...args, '--db', host.dbPath, '--user', user, '--password', password], { encoding: 'utf8' });
}

/** `rebate user add` by the administrator (whose password goes through REBATE_PASSWORD); the password is `<name>-pass-1`. */
export function addUser(host: WebHostProcess, name: string, roles: string, display: string): void {
  execFileSync(process.execPath, ['bin/rebate.mjs', 'user', 'add', name, '--roles', roles, '--password', `${name}-pass-1`, '--display', display, '--db', host.dbPath, '--user', ADMIN.name], {
    encoding: 'utf8',
    env: { ...process.env, REBATE_PASSWORD: ADMIN.password },
  });
}
