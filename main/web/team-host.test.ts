import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { startTeamHost, stopTeamHost, teamHostStatus } from './team-host';

let h: Harness;
afterEach(async () => {
  if (h) await stopTeamHost(h.store);
  h?.close();
});

it('设置 → 团队: the desktop hosts its own database over HTTPS and shows the address and fingerprint; only the desktop may start it', async () => {
  h = new Harness();
  const admin = await h.admin();
  const refused = await h.call(admin, 'team.host.start', { port: 8443 });
  expect(refused).toMatchObject({ ok: false, error: { key: 'team.host_desktop_only' } });
  expect(await h.ok(admin, 'team.host.status', {})).toMatchObject({ running: false, urls: [] });

  const ui = path.join(h.dir, 'ui');
  mkdirSync(ui);
  writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  const s = await startTeamHost(h.store, { port: 0, listenHost: '127.0.0.1', rendererDir: ui, lang: 'zh-CN', env: { REBATE_CONFIG_DIR: path.join(h.dir, 'config') } });
  expect(s.running).toBe(true);
  expect(s.urls[0]).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  expect(s.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(await h.ok(admin, 'team.host.status', {})).toEqual(s);
  const body = await new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port: s.port ?? 0, path: '/', rejectUnauthorized: false, headers: { Host: `127.0.0.1:${s.port}` } }, (res) => {
      let b = '';
      res.on('data', (c: Buffer) => (b += c.toString()));
      res.on('end', () => resolve(b));
    }).on('error', reject);
  });
  expect(body).toContain('Rebate Desk');
  expect((await stopTeamHost(h.store)).running).toBe(false);
  expect(teamHostStatus(h.store).running).toBe(false);
}, 60_000);
