import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The desktop app's renderer in Chromium, without the Electron binary (which cannot run here): the
 * built UI is served to the page from out/renderer (intercepted: nothing goes over a network), and
 * `window.rebate` is the preload's API with every call answered by the real desktop backend
 * (main/desktop/backend.ts, the module main/shell/ipc.ts wires to IPC) running in a Node process of
 * its own (out/node/desktop-host.mjs). So the connect screen, the pin and the changed-certificate
 * warning run end to end against a real HTTPS server.
 */
export const DESKTOP_ORIGIN = 'http://127.0.0.1:5999';

export interface DesktopBridge {
  /** this profile's folder (its own database in 单机使用, saved downloads) */
  dir: string;
  /** asks the backend process directly (the test's own assertions) */
  ask<T>(method: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

export async function installDesktopBridge(page: Page): Promise<DesktopBridge> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-desktop-'));
  const child: ChildProcess = spawn(process.execPath, ['out/node/desktop-host.mjs', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let buffer = '';
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('@@')) continue;
      const msg = JSON.parse(line.slice(2)) as { id: number; result?: unknown; error?: string };
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error !== undefined) w?.reject(new Error(msg.error));
      else w?.resolve(msg.result);
    }
  });
  let next = 1;
  const ask = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.stdin?.write(`${JSON.stringify({ id, method, args })}\n`);
    });

  const root = path.resolve('out', 'renderer');
  await page.route(`${DESKTOP_ORIGIN}/**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
  });
  await page.exposeBinding('__desktop', (_source, method: string, args: unknown[]) => ask(method, ...args));
  await page.addInitScript(() => {
    type Call = (method: string, args: unknown[]) => Promise<unknown>;
    const w = globalThis as unknown as { __desktop: Call; rebate: unknown };
    const call: Call = (method, args) => w.__desktop(method, args);
    // the preload's API (preload/index.ts), method for method
    w.rebate = {
      host: 'electron',
      invoke: (op: string, input: unknown, lang: string) => call('invoke', [op, input, lang]),
      getPreferences: () => call('getPreferences', []),
      setLanguage: (lang: string) => call('setLanguage', [lang]),
      pickFiles: () => Promise.resolve([]),
      pathForFile: () => '',
      saveDownload: (id: string, name: string) => call('saveDownload', [id, name]),
      showInFolder: () => Promise.resolve(),
      connection: () => call('connection', []),
      probeServer: (url: string, lang: string) => call('probeServer', [url, lang]),
      trustServer: (input: unknown, lang: string) => call('trustServer', [input, lang]),
      useLocal: (lang: string) => call('useLocal', [lang]),
    };
  });
  return {
    dir,
    ask,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.stdin?.end();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
