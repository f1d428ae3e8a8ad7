import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageText } from '../i18n/messages';
import { AppError } from '../../domain';
import { checkForUpdate, chooseUpdate, compareVersions, downloadVerified, parseFeed } from './feed';

// A company update server on 127.0.0.1: latest.yml and the installer, as electron-builder publishes them.
const INSTALLER = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31 + 7) % 256));
const SHA = createHash('sha512').update(INSTALLER).digest('base64');
const NAME = 'RebateDesk-Setup-0.2.0.exe';

let server: Server;
let base: string;
const routes = new Map<string, { status: number; body: Buffer | string }>();
let dir: string;

function latestYml(version: string, sha512 = SHA, size = INSTALLER.length, file = NAME): string {
  return [`version: ${version}`, 'files:', `  - url: ${file}`, `    sha512: ${sha512}`, `    size: ${size}`, `path: ${file}`, `sha512: ${sha512}`, "releaseDate: '2026-04-01T08:00:00.000Z'", ''].join('\n');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const r = routes.get(decodeURIComponent(req.url ?? ''));
    res.writeHead(r?.status ?? 404);
    res.end(r?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates/返利台`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  routes.clear();
  routes.set(`/updates/返利台/${NAME}`, { status: 200, body: INSTALLER });
  dir = mkdtempSync(path.join(tmpdir(), 'update-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<{ key: string; zh: string; en: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { key: e.key, zh: messageText(e.key, e.params, 'zh-CN'), en: messageText(e.key, e.params, 'en') };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('update feed against a local HTTP server', () => {
  it('offers a newer version: the .exe of latest.yml, resolved against the feed folder, with its checksum and size', async () => {
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.2.0') });
    const offer = await checkForUpdate(base, '0.1.0');
    expect(offer).toEqual({ version: '0.2.0', name: NAME, url: `${new URL(`${base}/`).href}${NAME}`, sha512: SHA, size: INSTALLER.length, releaseDate: '2026-04-01T08:00:00.000Z' });
    const file = await downloadVerified(offer!, dir);
    expect(file).toBe(path.join(dir, NAME));
    expect(readFileSync(file).equals(INSTALLER)).toBe(true);
    expect(readdirSync(dir)).toEqual([NAME]);
  });

  it('offers nothing when the feed is the same or an older version', async () => {
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.1.0') });
    expect(await checkForUpdate(base, '0.1.0')).toBeNull();
    expect(await checkForUpdate(`${base}/`, '0.1.1')).toBeNull();
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.1.0-beta.3') });
    expect(await checkForUpdate(base, '0.1.0')).toBeNull();
  });

  it('refuses a download whose SHA-512 is wrong, and leaves no file behind', async () => {
    const other = createHash('sha512').update('something else').digest('base64');
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.2.0', other) });
    const offer = await checkForUpdate(base, '0.1.0');
    const r = await refusal(downloadVerified(offer!, dir));
    expect(r.key).toBe('update.checksum_mismatch');
    expect(r.zh).toBe(`下载的安装包 ${NAME} 校验失败（SHA-512 不符），已删除，不会安装。`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a truncated download (size differs) before hashing it', async () => {
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.2.0') });
    routes.set(`/updates/返利台/${NAME}`, { status: 200, body: INSTALLER.subarray(0, 1000) });
    const r = await refusal(downloadVerified((await checkForUpdate(base, '0.1.0'))!, dir));
    expect(r.key).toBe('update.size_mismatch');
    expect(r.en).toContain(`(1000 bytes, expected ${INSTALLER.length})`);
    expect(existsSync(path.join(dir, NAME))).toBe(false);
  });

  it('says clearly when the server or latest.yml is missing or broken', async () => {
    const missing = await refusal(checkForUpdate(base, '0.1.0'));
    expect(missing.key).toBe('update.feed_unreachable');
    expect(missing.zh).toContain('HTTP 404');
    routes.set('/updates/返利台/latest.yml', { status: 200, body: 'version: [1, 2\n' });
    expect((await refusal(checkForUpdate(base, '0.1.0'))).key).toBe('update.feed_invalid');
    routes.set('/updates/返利台/latest.yml', { status: 200, body: latestYml('0.2.0', 'abc') });
    expect((await refusal(checkForUpdate(base, '0.1.0'))).en).toContain('is not a base64 SHA-512');
    const closed = await refusal(checkForUpdate('http://127.0.0.1:9/updates', '0.1.0', 5000));
    expect(closed.key).toBe('update.feed_unreachable');
  });

  it('keeps the download on http(s): a file URL in the feed is refused', () => {
    const feed = parseFeed(latestYml('0.2.0', SHA, 10, 'file:///C:/Windows/evil.exe'), `${base}/latest.yml`);
    expect(() => chooseUpdate(feed, '0.1.0', base)).toThrow(AppError);
  });
});

describe('version order', () => {
  it('orders numerically, pre-releases before their release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2.3', 'v1.2.3')).toBe(0);
    expect(compareVersions('1.3.0-beta.2', '1.3.0')).toBe(-1);
    expect(compareVersions('1.3.0-beta.10', '1.3.0-beta.9')).toBe(1);
    expect(() => compareVersions('1.2', '1.2.0')).toThrow();
  });
});
