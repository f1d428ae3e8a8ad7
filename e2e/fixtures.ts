import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
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
