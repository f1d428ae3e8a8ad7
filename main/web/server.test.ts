import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { startWebHost, type WebHost } from './server';

let h: Harness;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  h?.close();
});

function raw(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function started(): Promise<{ cookie: string; base: Record<string, string> }> {
  h = new Harness();
  const dir = path.join(h.dir, 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  writeFileSync(path.join(h.dir, 'secret.txt'), 'top secret');
  host = await startWebHost({ store: h.store, staticDir: dir });
  const hostHeader = `127.0.0.1:${host.port}`;
  const login = await raw(host.port, { path: `/?token=${host.token}`, headers: { Host: hostHeader } });
  expect(login.status).toBe(302);
  const setCookie = String(login.headers['set-cookie']);
  expect(setCookie).toContain('HttpOnly');
  expect(setCookie).toContain('SameSite=Strict');
  const cookie = setCookie.split(';')[0] ?? '';
  return { cookie, base: { Host: hostHeader, Cookie: cookie } };
}

const api = (base: Record<string, string>, op: string, input: unknown, session = 'session-aaaaaaaaaaaaaaaa') => ({
  path: '/api/invoke',
  method: 'POST',
  headers: { ...base, 'Content-Type': 'application/json', 'X-Rebate-Session': session },
  body: JSON.stringify({ op, input, lang: 'en' }),
});

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with a per-run token', async () => {
    await started();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{20,}$`));
    const other = await startWebHost({ store: h.store, staticDir: h.dir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('refuses requests without the token, with a wrong token, or with a foreign Host header', async () => {
    const { base } = await started();
    expect((await raw(host.port, { path: '/', headers: { Host: base['Host'] ?? '' } })).status).toBe(403);
    expect((await raw(host.port, { path: '/?token=wrong', headers: { Host: base['Host'] ?? '' } })).status).toBe(403);
    expect((await raw(host.port, { path: '/', headers: { ...base, Host: `evil.example:${host.port}` } })).status).toBe(421);
    const ok = await raw(host.port, { path: '/', headers: base });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Rebate Desk');
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves only the built renderer, never files beside it', async () => {
    const { base } = await started();
    const r = await raw(host.port, { path: '/../secret.txt', headers: base });
    expect(r.body).not.toContain('top secret');
    const encoded = await raw(host.port, { path: '/%2e%2e/secret.txt', headers: base });
    expect(encoded.body).not.toContain('top secret');
  });

  it('runs the operation table with a session per browser tab, and needs the custom header', async () => {
    const { base } = await started();
    const setup = await raw(host.port, api(base, 'auth.setupAdmin', { name: 'chen', password: 'chen-pass-1' }));
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, result: { name: 'chen' } });
    const sameTab = JSON.parse((await raw(host.port, api(base, 'users.list', {}))).body) as { ok: boolean };
    expect(sameTab.ok).toBe(true);
    const otherTab = JSON.parse((await raw(host.port, api(base, 'users.list', {}, 'session-bbbbbbbbbbbbbbbb'))).body) as { ok: boolean; error: { kind: string; message: string } };
    expect(otherTab).toMatchObject({ ok: false, error: { kind: 'unauthenticated', message: 'Please sign in first.' } });
    const noHeader = await raw(host.port, { ...api(base, 'users.list', {}), headers: { ...base, 'Content-Type': 'application/json' } });
    expect(noHeader.status).toBe(400);
    const form = await raw(host.port, { ...api(base, 'users.list', {}), headers: { ...base, 'Content-Type': 'text/plain', 'X-Rebate-Session': 'session-aaaaaaaaaaaaaaaa' } });
    expect(form.status).toBe(415);
  });
});

function rawSocket(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => s.write(bytes));
    let got = '';
    s.on('data', (c: Buffer) => (got += c.toString('latin1')));
    s.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
    s.on('error', () => resolve(got.split('\r\n')[0] ?? ''));
    setTimeout(() => s.destroy(), 3000);
  });
}

describe('web host: hostile requests', () => {
  it('answers the requests that used to stop it with 4xx and keeps serving', async () => {
    const { base } = await started();
    const cookie = base['Cookie'] ?? '';
    expect(await rawSocket(host.port, `GET http://[ HTTP/1.1\r\nHost: ${base['Host']}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await rawSocket(host.port, `GET /%E0%A4%A HTTP/1.1\r\nHost: ${base['Host']}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await rawSocket(host.port, `GET /?token=%E0%A4%A HTTP/1.1\r\nHost: ${base['Host']}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect((await raw(host.port, { path: '/', headers: base })).status).toBe(200);
  });

  it('refuses cross-origin and cross-site API calls even with the cookie and the custom header', async () => {
    const { base } = await started();
    const call = api(base, 'app.info', {});
    expect((await raw(host.port, { ...call, headers: { ...call.headers, Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await raw(host.port, { ...call, headers: { ...call.headers, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await raw(host.port, { ...call, headers: { ...call.headers, Origin: `http://${base['Host']}`, 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
  });

  it('takes uploads as multipart within the size limit, and serves each download once', async () => {
    h = new Harness();
    const dir = path.join(h.dir, 'renderer');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
    host = await startWebHost({ store: h.store, staticDir: dir, maxUploadBytes: 1000 });
    const base = { Host: `127.0.0.1:${host.port}`, Cookie: `rebate_token=${host.token}` };
    await raw(host.port, api(base, 'auth.setupAdmin', { name: 'chen', password: 'chen-pass-1' }));
    const upload = (size: number) => {
      const body = `--b\r\nContent-Disposition: form-data; name="file"; filename="../a.csv"\r\nContent-Type: text/csv\r\n\r\n${'x'.repeat(size)}\r\n--b--\r\n`;
      return raw(host.port, { path: '/api/upload', method: 'POST', headers: { ...base, 'X-Rebate-Session': 'session-aaaaaaaaaaaaaaaa', 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(Buffer.byteLength(body)) }, body });
    };
    const ok = await upload(500);
    expect(ok.status).toBe(200);
    const staged = JSON.parse(ok.body) as { path: string; name: string; bytes: number };
    expect(staged).toMatchObject({ name: 'a.csv', bytes: 500 });
    expect(existsSync(staged.path)).toBe(true);
    const big = await upload(5000);
    expect(big.status).toBe(413);

    const file = h.store.downloads.newPath('x.txt');
    writeFileSync(file, 'hello');
    const d = h.store.downloads.add(1, file, 'x.txt');
    const get = () => raw(host.port, { path: `/api/download/${d.id}`, headers: { ...base, 'X-Rebate-Session': 'session-aaaaaaaaaaaaaaaa' } });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.body).toBe('hello');
    expect((await get()).status).toBe(404);
  });
});
