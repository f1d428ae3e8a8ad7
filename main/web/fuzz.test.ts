import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fuzzWebHost } from '../testing/http-fuzz';
import { Harness } from '../testing/harness';
import { startWebHost, type WebHost } from './server';

let h: Harness;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  h?.close();
});

it('survives thousands of malformed requests: every one answered with 4xx (or the socket closed), never a 5xx, and the host still serves', async () => {
  h = new Harness();
  const dir = path.join(h.dir, 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  host = await startWebHost({ store: h.store, staticDir: dir });
  const hostHeader = `127.0.0.1:${host.port}`;
  const auth = { Cookie: `rebate_token=${host.token}`, 'X-Rebate-Session': 'fuzz-session-aaaaaaaaaaaa' };
  const r = await fuzzWebHost({ host: '127.0.0.1', port: host.port, hostHeader, auth }, { count: 3000, seed: 7, concurrency: 24, deadlineMs: 90_000 });
  expect(r.failures).toEqual([]);
  expect(r.failed).toBe(0);
  expect(r.tried).toBeGreaterThanOrEqual(2000);
}, 120_000);
