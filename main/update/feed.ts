import yaml from 'js-yaml';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain';

/**
 * The update feed of the desktop app: electron-builder's `latest.yml` on a generic HTTP server (a
 * company file server or intranet site; `publish: provider: generic` in electron-builder.yml, the
 * address overridable in the settings). Which version, which file, and the checksum rule live here,
 * without Electron: the shell (main/shell/updater.ts) lets electron-updater download and install,
 * and checks its download with `verifyFile` before announcing it.
 */

export interface FeedFile {
  url: string;
  sha512: string;
  size?: number;
}

export interface Feed {
  version: string;
  files: FeedFile[];
  releaseDate?: string;
}

export interface UpdateOffer {
  version: string;
  /** the installer's file name and absolute URL */
  name: string;
  url: string;
  sha512: string;
  size?: number;
  releaseDate?: string;
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semantic version order: 1.2.10 > 1.2.9; a pre-release (1.3.0-beta.1) sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const ma = VERSION.exec(a.trim());
  const mb = VERSION.exec(b.trim());
  if (!ma || !mb) throw new Error(`not a version: ${ma ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(ma[i]) - Number(mb[i]);
    if (d !== 0) return Math.sign(d);
  }
  const pa = ma[4];
  const pb = mb[4];
  if (pa === pb) return 0;
  if (pa === undefined) return 1;
  if (pb === undefined) return -1;
  const xa = pa.split('.');
  const xb = pb.split('.');
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const ca = xa[i];
    const cb = xb[i];
    if (ca === undefined) return -1;
    if (cb === undefined) return 1;
    const na = /^\d+$/.test(ca) ? Number(ca) : NaN;
    const nb = /^\d+$/.test(cb) ? Number(cb) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return Math.sign(na - nb);
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

/** `latest.yml` as electron-builder writes it; anything else is refused with what is wrong. */
export function parseFeed(text: string, url: string): Feed {
  const bad = (detail: string): AppError => new AppError('rejected', 'update.feed_invalid', { url, detail });
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA });
  } catch (e) {
    throw bad(e instanceof Error ? e.message.split('\n')[0] ?? 'YAML' : 'YAML');
  }
  if (!doc || typeof doc !== 'object') throw bad('not a mapping');
  const d = doc as Record<string, unknown>;
  const version = typeof d['version'] === 'string' ? d['version'] : '';
  if (!VERSION.test(version)) throw bad(`version "${version}"`);
  const files: FeedFile[] = [];
  if (Array.isArray(d['files'])) {
    for (const f of d['files'] as unknown[]) {
      const r = (f ?? {}) as Record<string, unknown>;
      if (typeof r['url'] !== 'string' || typeof r['sha512'] !== 'string') throw bad('files: url and sha512 are required');
      const size = r['size'] === undefined ? undefined : Number(r['size']);
      if (size !== undefined && !(Number.isInteger(size) && size > 0)) throw bad(`files: size "${String(r['size'])}"`);
      files.push({ url: r['url'], sha512: r['sha512'], ...(size !== undefined ? { size } : {}) });
    }
  } else if (typeof d['path'] === 'string' && typeof d['sha512'] === 'string') {
    // the older single-file form
    files.push({ url: d['path'], sha512: d['sha512'] });
  }
  if (files.length === 0) throw bad('no files');
  for (const f of files) {
    if (!/^[A-Za-z0-9+/]{86}==$/.test(f.sha512)) throw bad(`sha512 of ${f.url} is not a base64 SHA-512`);
  }
  return { version, files, ...(typeof d['releaseDate'] === 'string' ? { releaseDate: d['releaseDate'] } : {}) };
}

/** The feed's folder URL always ends with '/', so relative file names resolve inside it. */
export function feedBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * What to install, or null when the feed's version is not newer than ours. The Windows installer
 * (.exe) is chosen; its URL is resolved against the feed's folder, and must stay on http(s).
 */
export function chooseUpdate(feed: Feed, currentVersion: string, feedUrl: string): UpdateOffer | null {
  if (compareVersions(feed.version, currentVersion) <= 0) return null;
  const file = feed.files.find((f) => /\.exe$/i.test(f.url)) ?? feed.files[0];
  if (!file) return null;
  const url = new URL(file.url, feedBase(feedUrl));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('rejected', 'update.feed_invalid', { url: feedUrl, detail: `file URL ${url.href}` });
  }
  return {
    version: feed.version,
    name: decodeURIComponent(path.posix.basename(url.pathname)),
    url: url.href,
    sha512: file.sha512,
    ...(file.size !== undefined ? { size: file.size } : {}),
    ...(feed.releaseDate ? { releaseDate: feed.releaseDate } : {}),
  };
}

async function get(url: string, timeoutMs: number): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    throw new AppError('rejected', 'update.feed_unreachable', { url, detail: e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e) });
  }
  if (!res.ok) throw new AppError('rejected', 'update.feed_unreachable', { url, detail: `HTTP ${res.status}` });
  return res;
}

/** Reads `latest.yml` from the feed folder and decides; null when up to date. */
export async function checkForUpdate(feedUrl: string, currentVersion: string, timeoutMs = 20_000): Promise<UpdateOffer | null> {
  const latest = new URL('latest.yml', feedBase(feedUrl)).href;
  const res = await get(latest, timeoutMs);
  const text = await res.text();
  return chooseUpdate(parseFeed(text, latest), currentVersion, feedUrl);
}

/** SHA-512 of a file, base64 (electron-builder's form). */
export async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** Refuses (and deletes) a downloaded installer whose size or SHA-512 is not the feed's. */
export async function verifyFile(file: string, sha512: string, size?: number): Promise<void> {
  const actual = statSync(file).size;
  if (size !== undefined && actual !== size) {
    rmSync(file, { force: true });
    throw new AppError('rejected', 'update.size_mismatch', { file: path.basename(file).replace(/\.partial$/, ''), expected: size, actual });
  }
  if ((await sha512Of(file)) !== sha512) {
    rmSync(file, { force: true });
    throw new AppError('rejected', 'update.checksum_mismatch', { file: path.basename(file).replace(/\.partial$/, '') });
  }
}

/**
 * Downloads the offered installer into `dir` (to a temporary name, renamed only once verified):
 * the path of the verified file. A wrong checksum or size leaves nothing behind.
 */
export async function downloadVerified(offer: UpdateOffer, dir: string, timeoutMs = 600_000): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const res = await get(offer.url, timeoutMs);
  const target = path.join(dir, path.basename(offer.name));
  const partial = `${target}.partial`;
  writeFileSync(partial, Buffer.from(await res.arrayBuffer()));
  await verifyFile(partial, offer.sha512, offer.size);
  renameSync(partial, target);
  return target;
}
