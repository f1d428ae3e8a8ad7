import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../contract/types';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { P } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { serverCertificate, type ServerCertificate } from '../web/certificate';
import { startWebHost, type WebHost } from '../web/server';
import { Store } from '../services/store';
import { DesktopBackend, startMode, type ConnectionSettings } from './backend';

// The desktop app's connection logic (no Electron) against a real team server over HTTPS on
// 127.0.0.1, whose certificate is renewed between runs: trust on first use, the pin, the refusal of
// a changed certificate before anything is sent, and 重新信任 only by explicit action.

let server: Harness;
let host: WebHost;
let port = 0;
let first: ServerCertificate;
let renewed: ServerCertificate;
let ui: string;
const configEnv = (): NodeJS.ProcessEnv => ({ REBATE_CONFIG_DIR: path.join(server.dir, 'config') });

async function serve(cert: ServerCertificate): Promise<void> {
  host = await startWebHost({ store: server.store, staticDir: ui, host: '127.0.0.1', port, tls: { cert: cert.cert, key: cert.key } });
  port = host.port;
}

beforeAll(async () => {
  server = new Harness();
  await calculatedMonth(server);
  ui = path.join(server.dir, 'renderer');
  mkdirSync(ui);
  writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  first = await serverCertificate({ listenHost: '127.0.0.1', env: configEnv() });
  await serve(first);
}, 180_000);
afterAll(async () => {
  await host?.close();
  server?.close();
});

/** A desktop profile: its settings in memory, its own (never used in team mode) database folder. */
function desktop(initial: ConnectionSettings = { mode: 'unset', server: null }): { backend: DesktopBackend; settings: { value: ConnectionSettings }; profile: Harness; opened: string[] } {
  const profile = new Harness();
  const settings = { value: initial };
  const opened: string[] = [];
  const backend = new DesktopBackend({
    settings: { read: () => settings.value, write: (v) => (settings.value = v) },
    openLocal: () => {
      const file = path.join(profile.dir, 'own.sqlite');
      opened.push(file);
      return new Store(file);
    },
  });
  return { backend, settings, profile, opened };
}

/** A TLS listener that records every byte a client sends after the handshake. */
async function recordingTls(cert: ServerCertificate): Promise<{ port: number; received: () => number; close: () => void }> {
  let bytes = 0;
  const tls = createTlsServer({ key: cert.key, cert: cert.cert }, (sock) => {
    sock.on('data', (d: Buffer) => (bytes += d.length));
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', () => r()));
  return { port: (tls.address() as AddressInfo).port, received: () => bytes, close: () => tls.close() };
}

describe('desktop connection: trust on first use', () => {
  it('asks on a fresh install, keeps an existing database working locally', () => {
    expect(startMode({ mode: 'unset', server: null }, false).mode).toBe('unset');
    expect(startMode({ mode: 'unset', server: null }, true).mode).toBe('local');
    expect(startMode({ mode: 'team', server: null }, true).mode).toBe('unset');
  });

  it('shows the presented fingerprint from the handshake alone: nothing is sent before the user trusts it', async () => {
    const rec = await recordingTls(first);
    try {
      const { backend, profile } = desktop();
      const probe = await backend.probe(`127.0.0.1:${rec.port}`, 'zh-CN');
      expect(probe).toMatchObject({ ok: true, result: { url: `https://127.0.0.1:${rec.port}/`, fingerprint: first.fingerprint, pinned: null } });
      await new Promise((r) => setTimeout(r, 100));
      expect(rec.received()).toBe(0);
      // before a choice, operations go nowhere
      expect(await backend.invoke(1, 'app.info', {}, 'zh-CN')).toMatchObject({ ok: false, error: { key: 'connection.unset', message: '请先选择单机使用或连接团队服务器。' } });
      expect(rec.received()).toBe(0);
      profile.close();
    } finally {
      rec.close();
    }
  });

  it('refuses http:// and an unreachable server with a message that says what to do', async () => {
    const { backend, profile } = desktop();
    expect(await backend.probe('http://127.0.0.1:1/', 'zh-CN')).toMatchObject({ ok: false, error: { key: 'remote.https_only' } });
    const down = await backend.probe('https://127.0.0.1:1/', 'zh-CN');
    expect(down).toMatchObject({ ok: false, error: { key: 'remote.unreachable' } });
    expect(down.ok ? '' : down.error.message).toContain('联系 IT');
    profile.close();
  });

  it('pins the confirmed fingerprint and works remotely: sign-in, results, upload and import, export download; no local database', async () => {
    const { backend, settings, profile, opened } = desktop();
    const url = `https://127.0.0.1:${port}/`;
    // a fingerprint the server does not present is not pinned (the user compared the wrong one)
    const wrong = await backend.trust({ url, fingerprint: renewedLike(first.fingerprint), replace: false }, 'en');
    expect(wrong).toMatchObject({ ok: false, error: { key: 'remote.fingerprint_mismatch' } });
    expect(settings.value.mode).toBe('unset');

    const trusted = await backend.trust({ url: `127.0.0.1:${port}`, fingerprint: first.fingerprint.replace(/:/g, '').toLowerCase(), replace: false }, 'zh-CN');
    expect(trusted).toMatchObject({ ok: true, result: { mode: 'team', databasePath: '', server: { url, fingerprint: first.fingerprint } } });
    expect(settings.value).toMatchObject({ mode: 'team', server: { url, fingerprint: first.fingerprint } });

    const info = await backend.invoke(7, 'app.info', {}, 'zh-CN');
    expect(info).toMatchObject({ ok: true, result: { host: 'electron', dbPath: '', hasUsers: true, user: null, team: { url, fingerprint: first.fingerprint } } });
    expect(await backend.invoke(7, 'auth.signIn', { name: 'prep', password: 'prep-pass-1' }, 'zh-CN')).toMatchObject({ ok: true, result: { name: 'prep' } });
    const results = await backend.invoke(7, 'batch.results', { period: '2026-01' }, 'zh-CN');
    expect(results.ok).toBe(true);
    // another window is another session on the server
    expect(await backend.invoke(8, 'batch.results', { period: '2026-01' }, 'zh-CN')).toMatchObject({ ok: false, error: { key: 'auth.required' } });

    // a file picked on this PC is uploaded to the server's staging folder, then imported there
    const csv = writeGbkCsv(profile.dir, '二月进货.csv', PURCHASE_HEADER, [P('F1', 'D1', 500, '2026-02-10')]);
    const detected = await backend.invoke(7, 'import.detect', { files: [{ path: csv, name: '二月进货.csv' }] }, 'zh-CN');
    expect(detected).toMatchObject({ ok: true, result: [{ kind: 'purchases' }] });
    const run = await backend.invoke(7, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: csv, name: '二月进货.csv' }] }, 'zh-CN');
    expect(run).toMatchObject({ ok: true, result: { status: 'imported' } });
    expect(server.store.db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-02'").get()).toEqual({ n: 1 });
    // the import screen's way: a job with several kinds, followed until done
    const march = writeGbkCsv(profile.dir, '三月进货.csv', PURCHASE_HEADER, [P('M1', 'D1', 700, '2026-03-10'), P('M2', 'D2', 300, '2026-03-11')]);
    const job = (await backend.invoke(7, 'import.start', { imports: [{ kind: 'purchases', period: '2026-03', files: [{ path: march, name: '三月进货.csv' }] }] }, 'zh-CN')) as { ok: boolean; result: { jobId: string } };
    expect(job.ok).toBe(true);
    let status = 'running';
    for (let i = 0; i < 200 && status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const j = (await backend.invoke(7, 'import.job', { jobId: job.result.jobId }, 'zh-CN')) as { result: { status: string } };
      status = j.result.status;
    }
    expect(status).toBe('done');
    expect(server.store.db.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-03'").get()).toEqual({ n: 2 });

    // an export comes back as a download written where the user chose
    const exp = await backend.invoke(7, 'export.approval', { period: '2026-01' }, 'zh-CN');
    expect(exp.ok).toBe(true);
    const id = (exp as { result: { download_id?: string; downloadId?: string } }).result;
    const dest = path.join(profile.dir, 'saved', '审批表.xlsx');
    mkdirSync(path.dirname(dest));
    await backend.saveDownload(7, String(id.download_id ?? id.downloadId), dest);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(dest) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);

    expect(opened).toEqual([]);
    expect(existsSync(path.join(profile.dir, 'own.sqlite'))).toBe(false);

    // switching to 单机使用 signs this window out on the server
    const before = host.sessions.size;
    expect(before).toBeGreaterThan(0);
    expect(backend.useLocal('zh-CN').ok).toBe(true);
    for (let i = 0; i < 50 && host.sessions.size === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(host.sessions.size).toBe(before - 1);
    backend.close();
    profile.close();
  }, 120_000);

  it('refuses a changed certificate before sending anything, names both fingerprints, and re-trusts only on explicit action', async () => {
    const { backend, settings, profile } = desktop();
    const url = `https://127.0.0.1:${port}/`;
    expect((await backend.trust({ url, fingerprint: first.fingerprint, replace: false }, 'zh-CN')).ok).toBe(true);
    expect((await backend.invoke(1, 'app.info', {}, 'zh-CN')).ok).toBe(true);

    // the server renews its certificate (rebate serve --renew-certificate) and starts again on the same port
    await host.close();
    renewed = await serverCertificate({ listenHost: '127.0.0.1', env: configEnv(), renew: true });
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
    await serve(renewed);

    const backend2 = desktop(settings.value).backend; // the app started again with the same settings
    for (const b of [backend, backend2]) {
      const refused = await b.invoke(2, 'app.info', {}, 'zh-CN');
      expect(refused).toMatchObject({ ok: false, error: { kind: 'rejected', key: 'remote.fingerprint_mismatch', params: { expected: first.fingerprint, presented: renewed.fingerprint, url } } });
      expect(refused.ok ? '' : refused.error.message).toContain(renewed.fingerprint);
    }
    // the probe shows the new certificate beside the pinned one
    expect(await backend.probe(url, 'zh-CN')).toMatchObject({ ok: true, result: { fingerprint: renewed.fingerprint, pinned: first.fingerprint } });
    // confirming the new fingerprint without 重新信任 keeps the old pin
    expect(await backend.trust({ url, fingerprint: renewed.fingerprint, replace: false }, 'zh-CN')).toMatchObject({ ok: false, error: { key: 'connection.retrust_needed' } });
    expect(settings.value.server?.fingerprint).toBe(first.fingerprint);
    // 重新信任 with the new fingerprint: pinned, and the app works again
    expect(await backend.trust({ url, fingerprint: renewed.fingerprint, replace: true }, 'zh-CN')).toMatchObject({ ok: true, result: { server: { fingerprint: renewed.fingerprint } } });
    expect(await backend.invoke(2, 'app.info', {}, 'zh-CN')).toMatchObject({ ok: true, result: { team: { fingerprint: renewed.fingerprint } } });

    // a listener with yet another certificate on the pinned address receives not one byte
    const rec = await recordingTls(first);
    try {
      const b3 = desktop({ mode: 'team', server: { url: `https://127.0.0.1:${rec.port}/`, fingerprint: renewed.fingerprint, trustedAt: '2026-01-01T00:00:00.000Z' } }).backend;
      const r = await b3.invoke(1, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' }, 'en');
      expect(r).toMatchObject({ ok: false, error: { key: 'remote.fingerprint_mismatch', params: { presented: first.fingerprint } } });
      await new Promise((res) => setTimeout(res, 100));
      expect(rec.received()).toBe(0);
      b3.close();
    } finally {
      rec.close();
    }
    backend.close();
    backend2.close();
    profile.close();
  }, 120_000);

  it('switches back to 单机使用 with the server remembered, and from local to team closes the local database', async () => {
    const { backend, settings, profile, opened } = desktop({ mode: 'local', server: null });
    const local = (await backend.invoke(1, 'app.info', {}, 'en')) as { ok: true; result: AppInfo };
    expect(local.result).toMatchObject({ hasUsers: false, team: null, dbPath: path.join(profile.dir, 'own.sqlite') });
    expect(opened).toHaveLength(1);
    const fp = (await backend.probe(`https://127.0.0.1:${port}/`, 'en')) as { ok: true; result: { fingerprint: string } };
    expect((await backend.trust({ url: `https://127.0.0.1:${port}/`, fingerprint: fp.result.fingerprint, replace: false }, 'en')).ok).toBe(true);
    expect(backend.openLocalStore()).toBeNull();
    expect((await backend.invoke(1, 'app.info', {}, 'en')) as { result: AppInfo }).toMatchObject({ result: { hasUsers: true, dbPath: '' } });
    expect(backend.useLocal('en')).toMatchObject({ ok: true, result: { mode: 'local', server: { fingerprint: fp.result.fingerprint } } });
    expect(settings.value.mode).toBe('local');
    expect((await backend.invoke(1, 'app.info', {}, 'en')) as { result: AppInfo }).toMatchObject({ result: { hasUsers: false, team: null } });
    backend.close();
    profile.close();
  }, 60_000);
});

/** A well-formed fingerprint that is not the given one. */
function renewedLike(fp: string): string {
  return fp.replace(/^../, fp.startsWith('00') ? '11' : '00');
}
