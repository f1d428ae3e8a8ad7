import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LANGS, type Lang } from '../../contract/roles';
import { dispatch } from '../api/dispatch';
import type { Session } from '../services/context';
import type { Store } from '../services/store';
import { CONTENT_SECURITY_POLICY } from './csp';

export { CONTENT_SECURITY_POLICY };

export interface WebHostOptions {
  store: Store;
  /** the built renderer (out/renderer) */
  staticDir: string;
  port?: number;
  /** fixed token for tests; random per run otherwise */
  token?: string;
  lang?: Lang;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;
const MAX_UPLOAD = 2 * 1024 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** A file name safe on Windows and Linux: no separators, reserved or control characters. */
function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.slice(0, 200) || 'upload';
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | undefined {
  const m = /(?:^|;\s*)rebate_token=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
  return m?.[1];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

/**
 * The loopback host of the UI: the built renderer and the operation table over HTTP, for a browser
 * on this machine and for end-to-end tests. Only 127.0.0.1, a per-run token (URL once, then an
 * HttpOnly SameSite=Strict cookie), the Host header checked against DNS rebinding, and a custom
 * header on every API call so another site cannot forge one.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Map<string, Session>();
  const staticRoot = path.resolve(options.staticDir);
  // Uploaded workbooks wait here for import; the import operations accept no other path.
  const stagingDir = mkdtempSync(path.join(tmpdir(), 'rebate-uploads-'));
  let port = 0;

  const hostAllowed = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  const serveStatic = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, 'not found');
    const target = existsSync(file) && statSync(file).isFile() ? file : path.join(staticRoot, 'index.html');
    if (!existsSync(target)) return send(res, 503, 'The UI is not built: run `npm run web`, which builds it.');
    res.statusCode = 200;
    res.setHeader('Content-Type', TYPES[path.extname(target)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', target.endsWith('index.html') ? 'no-store' : 'private, max-age=3600');
    res.end(readFileSync(target));
    void req;
  };

  const sessionOf = (req: IncomingMessage): Session | undefined => {
    const id = req.headers['x-rebate-session'];
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(id)) return undefined;
    let session = sessions.get(id);
    if (!session) {
      session = { user: null };
      sessions.set(id, session);
    }
    return session;
  };

  /** POST /api/upload?name=…: the raw bytes of one file, kept in the staging folder for import. */
  const handleUpload = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const session = sessionOf(req);
    if (req.method !== 'POST' || !session?.user) return send(res, session ? 401 : 400, 'sign in first');
    const name = safeFileName(url.searchParams.get('name') ?? 'upload');
    const file = path.join(stagingDir, `${randomUUID()}-${name}`);
    const out = createWriteStream(file);
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_UPLOAD) {
        req.destroy();
        out.destroy();
        rmSync(file, { force: true });
      }
    });
    req.pipe(out);
    out.on('finish', () => send(res, 200, JSON.stringify({ path: file, name, bytes: size }), 'application/json; charset=utf-8'));
    out.on('error', () => send(res, 500, 'upload failed'));
  };

  /** GET /api/download/ID: a file the services wrote for this user (error workbooks, exports). */
  const handleDownload = (req: IncomingMessage, res: ServerResponse, id: string): void => {
    const session = sessionOf(req);
    const d = session?.user ? options.store.downloads.get(id, session.user.id) : undefined;
    if (!d || !existsSync(d.path)) return send(res, 404, 'not found');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`);
    res.setHeader('Cache-Control', 'no-store');
    createReadStream(d.path).pipe(res);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    const sessionId = req.headers['x-rebate-session'];
    if (req.method !== 'POST' || typeof sessionId !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(sessionId)) {
      return send(res, 400, 'bad request');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'json only');
    let body: { op?: unknown; input?: unknown; lang?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return send(res, 400, 'bad json');
    }
    const lang: Lang = (LANGS as readonly unknown[]).includes(body.lang) ? (body.lang as Lang) : (options.lang ?? 'zh-CN');
    const session = sessionOf(req) ?? { user: null };
    const envelope = await dispatch(
      { store: options.store, session, lang, host: 'web', now: () => new Date(), stagingDir },
      typeof body.op === 'string' ? body.op : '',
      body.input,
    );
    send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
  };

  const server: Server = createServer((req, res) => {
    securityHeaders(res);
    if (!hostAllowed(req)) return send(res, 421, 'wrong host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!same(given, token)) return send(res, 403, 'wrong token');
      res.setHeader('Set-Cookie', `rebate_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.statusCode = 302;
      res.setHeader('Location', url.pathname);
      return res.end();
    }
    const cookie = cookieToken(req);
    if (!cookie || !same(cookie, token)) {
      return send(res, 403, 'This address needs the link printed by `npm run web` (it carries the access token).');
    }
    if (url.pathname === '/api/upload') return handleUpload(req, res, url);
    if (url.pathname.startsWith('/api/download/')) return handleDownload(req, res, url.pathname.slice('/api/download/'.length));
    if (url.pathname === '/api/invoke') {
      handleApi(req, res).catch(() => send(res, 500, 'internal error'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    serveStatic(req, res, url.pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(stagingDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
