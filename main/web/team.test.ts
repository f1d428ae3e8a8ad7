import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { P, seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { fingerprintOf, serverCertificate, type ServerCertificate } from './certificate';
import { startWebHost, type WebHost } from './server';

let cert: ServerCertificate;
let certDir: Harness;
beforeAll(async () => {
  certDir = new Harness();
  cert = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: path.join(certDir.dir, 'config') } });
}, 60_000);
afterAll(() => certDir?.close());

let h: Harness;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  h?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTPS request that trusts only the server's own certificate (pinned, as the CLI does). */
function req(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = httpsRequest(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, ca: cert.cert, servername: 'localhost' },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    r.on('error', reject);
    if (opts.body) r.write(opts.body);
    r.end();
  });
}

let clock = Date.now();
async function team(extra: { idleMinutes?: number } = {}): Promise<void> {
  h = new Harness();
  const dir = path.join(h.dir, 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  writeFileSync(path.join(h.dir, 'secret.txt'), 'top secret');
  const admin = await h.admin('admin', 'admin-pass-1');
  await h.ok(admin, 'users.add', { name: 'wang', password: 'wang-pass-1', roles: ['approver'] });
  clock = Date.now();
  host = await startWebHost({ store: h.store, staticDir: dir, tls: { cert: cert.cert, key: cert.key }, now: () => clock, ...extra });
}

async function invoke(op: string, input: unknown, cookie?: string, extraHeaders: Record<string, string> = {}): Promise<Answer & { json: { ok: boolean; result?: unknown; error?: { key: string; message: string; kind: string } } }> {
  const a = await req(host.port, {
    path: '/api/invoke',
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Rebate-Session': 'tab-aaaaaaaaaaaaaaaa', ...(cookie ? { Cookie: cookie } : {}), ...extraHeaders },
    body: JSON.stringify({ op, input, lang: 'en' }),
  });
  return { ...a, json: a.status === 200 ? (JSON.parse(a.body) as never) : { ok: false } };
}

async function signIn(name: string, password: string): Promise<{ cookie: string; setCookie: string; json: { ok: boolean; error?: { key: string; message: string } } }> {
  const a = await invoke('auth.signIn', { name, password });
  const setCookie = String(a.headers['set-cookie'] ?? '');
  return { cookie: setCookie.split(';')[0] ?? '', setCookie, json: a.json };
}

/** POST /api/upload of a local file (multipart), as the browser and the CLI send it; the staged path. */
async function upload(file: string, cookie: string): Promise<{ path: string; name: string }> {
  const boundary = 'team-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`),
    readFileSync(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const a = await new Promise<Answer>((resolve, reject) => {
    const r = httpsRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: '/api/upload',
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie, 'X-Rebate-Session': 'tab-aaaaaaaaaaaaaaaa', 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(body.length) },
        ca: cert.cert,
        servername: 'localhost',
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    r.on('error', reject);
    r.end(body);
  });
  expect(a.status).toBe(200);
  const staged = JSON.parse(a.body) as { path: string; name: string };
  return { path: staged.path, name: staged.name };
}

describe('team server (HTTPS)', () => {
  it('keeps its self-signed certificate owner-only in the configuration folder, reuses it, and renews it on request', async () => {
    const dir = path.join(certDir.dir, 'config');
    expect(statSync(path.join(dir, 'team-server-key.pem')).mode & 0o077).toBe(0);
    expect(statSync(path.join(dir, 'team-server-cert.pem')).mode & 0o077).toBe(0);
    expect(cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fingerprintOf(readFileSync(path.join(dir, 'team-server-cert.pem')))).toBe(cert.fingerprint);
    const again = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: dir } });
    expect(again.fingerprint).toBe(cert.fingerprint);
    expect(again.created).toBe(false);
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(cert.cert);
    const days = (new Date(x.validTo).getTime() - new Date(x.validFrom).getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(825);
    expect(x.subjectAltName).toContain('DNS:localhost');
    expect(x.subjectAltName).toContain('IP Address:127.0.0.1');
    const otherDir = path.join(certDir.dir, 'config2');
    const first = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: otherDir } });
    const renewed = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: otherDir }, renew: true });
    expect(renewed.previousFingerprint).toBe(first.fingerprint);
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
  }, 60_000);

  it('shows the sign-in page without a token, sets a Secure HttpOnly SameSite=Strict session cookie, sends HSTS, and ends the session at sign-out', async () => {
    await team();
    const page = await req(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Rebate Desk');
    expect(String(page.headers['strict-transport-security'])).toContain('max-age=');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");

    const wrong = await signIn('wang', 'nope-nope-1');
    expect(wrong.json.ok).toBe(false);
    expect(wrong.setCookie).toBe('');
    const s = await signIn('wang', 'wang-pass-1');
    expect(s.json.ok).toBe(true);
    expect(s.setCookie).toMatch(/HttpOnly/);
    expect(s.setCookie).toMatch(/Secure/);
    expect(s.setCookie).toMatch(/SameSite=Strict/);
    expect((await invoke('app.info', {}, s.cookie)).json.result).toMatchObject({ user: { name: 'wang' } });

    expect((await invoke('auth.signOut', {}, s.cookie)).json.ok).toBe(true);
    expect((await invoke('chain.get', {}, s.cookie)).json.error?.key).toBe('auth.required');
    const forged = await invoke('chain.get', {}, 'rebate_sid=' + 'A'.repeat(43));
    expect(forged.json.error?.key).toBe('auth.required');
    // the security events, with the remote address
    const admin = h.context();
    await h.ok(admin, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const audit = await h.ok(admin, 'audit.list', { offset: 0, limit: 50 });
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['security.signin', 'security.signin_failed', 'security.signout']));
    expect(audit.rows.find((r) => r.action === 'security.signin_failed')?.after).toMatchObject({ address: '127.0.0.1' });
  }, 60_000);

  it('tells its users its address and certificate fingerprint (设置 → 关于), never a path on its disk', async () => {
    await team();
    const info = await invoke('app.info', {});
    expect(info.json).toMatchObject({ ok: true, result: { dbPath: '', team: { url: `https://127.0.0.1:${host.port}/`, fingerprint: cert.fingerprint } } });
    const { cookie } = await signIn('admin', 'admin-pass-1');
    const about = await invoke('support.about', {}, cookie);
    expect(about.json).toMatchObject({ ok: true, result: { dbPath: '', team: { fingerprint: cert.fingerprint } } });
    expect(JSON.stringify(about.json)).not.toContain(h.store.path);
  });

  it('ends a session after the idle time and after 12 hours in any case', async () => {
    await team({ idleMinutes: 30 });
    const s = await signIn('wang', 'wang-pass-1');
    clock += 29 * 60_000;
    expect((await invoke('chain.get', {}, s.cookie)).json.ok).toBe(true);
    clock += 31 * 60_000;
    expect((await invoke('chain.get', {}, s.cookie)).json.error?.key).toBe('auth.required');

    const s2 = await signIn('wang', 'wang-pass-1');
    for (let i = 0; i < 25; i++) {
      clock += 29 * 60_000;
      const r = await invoke('chain.get', {}, s2.cookie);
      if (i < 24) expect(r.json.ok).toBe(true);
      else expect(r.json.error?.key).toBe('auth.required');
    }
  }, 60_000);

  it('locks a name from one address after five wrong passwords, says for how long, never says whether the name exists, and an admin unlocks it', async () => {
    await team();
    for (let i = 0; i < 4; i++) expect((await signIn('wang', `wrong-${i}-pass`)).json.error?.key).toBe('auth.bad_credentials');
    const fifth = await signIn('wang', 'wrong-5-pass');
    expect(fifth.json.error?.key).toBe('auth.locked');
    const right = await signIn('wang', 'wang-pass-1');
    expect(right.json.ok).toBe(false);
    expect(right.json.error?.message).toMatch(/15 min/);
    // an unknown name behaves the same
    for (let i = 0; i < 5; i++) await signIn('nobody', `wrong-${i}-pass`);
    expect((await signIn('nobody', 'x')).json.error?.message).toBe(right.json.error?.message);
    // an admin lifts the lock at once (its expiry is tested in services/signin.test.ts)
    const admin = await signIn('admin', 'admin-pass-1');
    const users = (await invoke('users.list', {}, admin.cookie)).json.result as { name: string; locks?: unknown[] }[];
    expect(users.find((u) => u.name === 'wang')?.locks).toHaveLength(1);
    expect((await invoke('users.unlock', { name: 'wang' }, admin.cookie)).json.result).toEqual({ name: 'wang', lifted: 1 });
    expect((await signIn('wang', 'wang-pass-1')).json.ok).toBe(true);
    const audit = (await invoke('audit.list', { offset: 0, limit: 100, action: 'security.lockout' }, admin.cookie)).json.result as { rows: { after: unknown }[] };
    expect(audit.rows.length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('refuses cross-origin and header-less writes, answers plain HTTP on its port with nothing, and keeps files beside the UI out of reach', async () => {
    await team();
    const s = await signIn('wang', 'wang-pass-1');
    expect((await invoke('chain.get', {}, s.cookie, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke('chain.get', {}, s.cookie, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const headerless = await req(host.port, { path: '/api/invoke', method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: s.cookie }, body: JSON.stringify({ op: 'chain.get', input: {} }) });
    expect(headerless.status).toBe(400);
    const form = await req(host.port, { path: '/api/invoke', method: 'POST', headers: { 'Content-Type': 'text/plain', Cookie: s.cookie, 'X-Rebate-Session': 'tab-aaaaaaaaaaaaaaaa' }, body: '{}' });
    expect(form.status).toBe(415);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const r = await req(host.port, { path: p });
      expect(r.body).not.toContain('top secret');
      expect(r.body).not.toContain('root:');
    }
    const plain = await new Promise<string>((resolve) => {
      const sock = connect({ host: '127.0.0.1', port: host.port }, () => sock.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`));
      let got = '';
      sock.on('data', (c: Buffer) => (got += c.toString('latin1')));
      sock.on('close', () => resolve(got));
      sock.on('error', () => resolve(got));
      setTimeout(() => sock.destroy(), 3000);
    });
    expect(plain).not.toContain('Rebate Desk');
    expect(plain).not.toMatch(/^HTTP\/1\.1 200/);
    // nobody creates the first admin over the network
    expect((await invoke('auth.setupAdmin', { name: 'x', password: 'xxxxxxxx1' })).json.error?.key).toBe('auth.setup_remote');
  }, 60_000);

  it('puts a user disabled, reset or with a changed password out on the next request', async () => {
    await team();
    const admin = await signIn('admin', 'admin-pass-1');
    const wang = await signIn('wang', 'wang-pass-1');
    const wang2 = await signIn('wang', 'wang-pass-1');
    expect((await invoke('chain.get', {}, wang.cookie)).json.ok).toBe(true);
    expect((await invoke('users.setActive', { name: 'wang', active: false }, admin.cookie)).json.ok).toBe(true);
    expect((await invoke('chain.get', {}, wang.cookie)).json.error?.key).toBe('auth.required');
    expect((await invoke('users.setActive', { name: 'wang', active: true }, admin.cookie)).json.ok).toBe(true);
    // enabled again: the old session stays ended
    expect((await invoke('chain.get', {}, wang2.cookie)).json.error?.key).toBe('auth.required');

    const w = await signIn('wang', 'wang-pass-1');
    expect((await invoke('users.resetPassword', { name: 'wang', password: 'short' }, admin.cookie)).json.ok).toBe(false);
    expect((await invoke('users.resetPassword', { name: 'wang', password: 'reset-pass-1' }, admin.cookie)).json.ok).toBe(true);
    expect((await invoke('chain.get', {}, w.cookie)).json.error?.key).toBe('auth.required');
    const after = await signIn('wang', 'reset-pass-1');
    expect((await invoke('chain.get', {}, after.cookie)).json.error?.key).toBe('auth.must_change_password');
    const other = await signIn('wang', 'reset-pass-1');
    expect((await invoke('auth.changePassword', { oldPassword: 'reset-pass-1', newPassword: 'mine-pass-22' }, after.cookie)).json.ok).toBe(true);
    expect((await invoke('chain.get', {}, after.cookie)).json.ok).toBe(true);
    expect((await invoke('chain.get', {}, other.cookie)).json.error?.key).toBe('auth.required');
  }, 60_000);

  it('the period lock with two writers: while 李会计 imports into a period, 张会计’s import and calculation there are refused at once naming her; another period goes through', async () => {
    await team();
    const admin = h.context();
    await h.ok(admin, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    await seedMonth(h, admin);
    await h.ok(admin, 'users.add', { name: 'li', displayName: '李会计', password: 'li-pass-123', roles: ['preparer'] });
    await h.ok(admin, 'users.add', { name: 'zhang', displayName: '张会计', password: 'zhang-pass-1', roles: ['preparer'] });
    const li = await signIn('li', 'li-pass-123');
    const zhang = await signIn('zhang', 'zhang-pass-1');
    // a February file long enough to keep her job busy, rejected at its last row (nothing stored)
    const long = writeGbkCsv(h.dir, '2月进货.csv', PURCHASE_HEADER, [...Array.from({ length: 20_000 }, (_, i) => P(`FEB${i}`, 'D1', 1, '2026-02-10')), P('FEB-BAD', 'NOPE', 1, '2026-02-10')]);
    const started = await invoke('import.start', { imports: [{ kind: 'purchases', period: '2026-02', files: [await upload(long, li.cookie)] }] }, li.cookie);
    expect(started.json.error?.message ?? 'ok').toBe('ok');
    const jobId = (started.json.result as { jobId: string }).jobId;
    for (let i = 0; i < 400 && (h.store.db.prepare('SELECT COUNT(*) AS n FROM period_holds').get() as { n: number }).n === 0; i++) await new Promise((r) => setTimeout(r, 25));

    const small = writeGbkCsv(h.dir, '2月补录.csv', PURCHASE_HEADER, [P('FEB-Z1', 'D2', 100, '2026-02-11')]);
    const t0 = Date.now();
    const second = await invoke('import.run', { kind: 'purchases', period: '2026-02', files: [await upload(small, zhang.cookie)] }, zhang.cookie);
    const calc = await invoke('batch.calculate', { period: '2026-02' }, zhang.cookie);
    expect(Date.now() - t0).toBeLessThan(3000);
    for (const refused of [second, calc]) {
      expect(refused.json).toMatchObject({ ok: false, error: { kind: 'rejected' } });
      expect(refused.json.error?.message).toMatch(/李会计.*2026-02.*\d\d:\d\d/);
    }
    // another period is free
    const march = writeGbkCsv(h.dir, '3月进货.csv', PURCHASE_HEADER, [P('MAR-Z1', 'D2', 100, '2026-03-11')]);
    const other = await invoke('import.run', { kind: 'purchases', period: '2026-03', files: [await upload(march, zhang.cookie)] }, zhang.cookie);
    expect(other.json).toMatchObject({ ok: true, result: { status: 'imported' } });
    // both answered while her job still ran (else this proves nothing)
    expect((await invoke('import.job', { jobId }, li.cookie)).json.result).toMatchObject({ status: 'running' });

    let job = (await invoke('import.job', { jobId }, li.cookie)).json.result as { status: string; reports: { status: string }[] | null };
    for (let i = 0; i < 2400 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await invoke('import.job', { jobId }, li.cookie)).json.result as typeof job;
    }
    expect(job.reports?.[0]?.status).toBe('rejected');
    // the period is free again: his import goes through now
    const again = await invoke('import.run', { kind: 'purchases', period: '2026-02', files: [await upload(small, zhang.cookie)] }, zhang.cookie);
    expect(again.json).toMatchObject({ ok: true, result: { status: 'imported' } });
    expect(h.store.db.prepare("SELECT doc_no FROM purchases WHERE period = '2026-02'").all()).toEqual([{ doc_no: 'FEB-Z1' }]);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM period_holds').get()).toEqual({ n: 0 });
  }, 180_000);
});
