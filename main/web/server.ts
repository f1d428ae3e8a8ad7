import { randomBytes, randomUUID, timingSafeEqual, X509Certificate } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type fastifyStaticType from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGS, type Lang } from '../../contract/roles';
import { dispatch } from '../api/dispatch';
import { t } from '../i18n/messages';
import type { ServiceContext } from '../services/context';
import type { Store } from '../services/store';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './csp';
import { WebSessions, type WebSession } from './sessions';

export { CONTENT_SECURITY_POLICY };

export interface WebHostOptions {
  store: Store;
  /** the built renderer (out/renderer) */
  staticDir: string;
  port?: number;
  /** listen address: 127.0.0.1 unless `tls` is given (team server) */
  host?: string;
  /** fixed token for tests; random per run otherwise (loopback host only) */
  token?: string;
  lang?: Lang;
  /** the team server: HTTPS with this certificate, sign-in page instead of a token */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** host names the Host header may carry besides 127.0.0.1/localhost (team server; default: the certificate's names) */
  allowedHosts?: string[];
  /** session ends after this many minutes without a request (default 30) */
  idleMinutes?: number;
  /** session ends after this many hours in any case (default 12) */
  absoluteHours?: number;
  /** per uploaded file (default 500 MB) */
  maxUploadBytes?: number;
  /** the reverse proxy whose X-Forwarded-For is believed */
  trustProxy?: string;
  /** where uploads wait for import (default: a fresh temporary folder) */
  stagingDir?: string;
  /** clock for session expiry (tests) */
  now?: () => number;
}

export interface WebHost {
  url: string;
  port: number;
  /** the loopback host's access token ('' on the team server) */
  token: string;
  mode: 'loopback' | 'team';
  sessions: WebSessions;
  close(): Promise<void>;
}

export const DEFAULT_MAX_UPLOAD = 500 * 1024 * 1024;
const MAX_BODY = 64 * 1024 * 1024;
const SESSION_HEADER = 'x-rebate-session';
const SESSION_HEADER_RE = /^[A-Za-z0-9_-]{16,128}$/;
const TOKEN_COOKIE = 'rebate_token';
const SESSION_COOKIE = 'rebate_sid';

/** A file name safe on Windows and Linux: no separators, reserved or control characters. */
function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.replace(/^\.+/, '_').slice(0, 200) || 'upload';
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The DNS names and IP addresses a certificate is valid for. */
export function certificateNames(cert: string | Buffer): string[] {
  const san = new X509Certificate(cert).subjectAltName ?? '';
  return san
    .split(',')
    .map((s) => s.trim())
    .map((s) => (s.startsWith('DNS:') ? s.slice(4) : s.startsWith('IP Address:') ? s.slice(11) : ''))
    .filter(Boolean);
}

/** `host:port` → host, lower-case, IPv6 brackets kept; undefined when malformed. */
function splitHost(header: string | undefined): { name: string; port: string } | undefined {
  if (!header) return undefined;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(header);
  if (!m) return undefined;
  return { name: (m[1] ?? '').toLowerCase(), port: m[2] ?? '' };
}

function text(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').header('Cache-Control', 'no-store').send(body);
}

/**
 * The one HTTP host of the UI and the operation table, on Fastify:
 * - loopback (`npm run web`): 127.0.0.1, plain HTTP, a per-run token (URL once, then an HttpOnly
 *   SameSite=Strict cookie), one session per browser tab (the custom header names it);
 * - team server (`rebate serve`): HTTPS only, a sign-in page, a session cookie
 *   (HttpOnly; Secure; SameSite=Strict) with idle and absolute expiry, HSTS.
 * Both check the Host header (DNS rebinding), Origin / Sec-Fetch-Site and the custom header on every
 * API call, limit bodies and uploads, serve each download once, and answer malformed requests with
 * 4xx without ever stopping.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // loaded on demand, so that the CLI's other commands start without the HTTP stack
  const [{ default: Fastify }, { default: fastifyCookie }, { default: fastifyHelmet }, { default: fastifyMultipart }, { default: fastifyRateLimit }, { default: fastifyStatic }] = await Promise.all([
    import('fastify'),
    import('@fastify/cookie'),
    import('@fastify/helmet'),
    import('@fastify/multipart'),
    import('@fastify/rate-limit'),
    import('@fastify/static'),
  ]);
  const team = options.tls !== undefined;
  const fingerprint = options.tls ? new X509Certificate(options.tls.cert).fingerprint256.toUpperCase() : '';
  const token = team ? '' : (options.token ?? randomBytes(24).toString('base64url'));
  const now = options.now ?? Date.now;
  const sessions = new WebSessions({
    idleMs: (options.idleMinutes ?? 30) * 60_000,
    absoluteMs: (options.absoluteHours ?? 12) * 3_600_000,
    now,
  });
  const staticRoot = path.resolve(options.staticDir);
  const indexFile = path.join(staticRoot, 'index.html');
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  let ownStaging = false;
  let stagingDir: string;
  if (options.stagingDir) {
    stagingDir = path.resolve(options.stagingDir);
    mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  } else {
    stagingDir = mkdtempSync(path.join(tmpdir(), 'rebate-uploads-'));
    ownStaging = true;
  }
  const listenHost = team ? (options.host ?? '127.0.0.1') : '127.0.0.1';
  const allowed = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (team) {
    for (const n of options.allowedHosts ?? certificateNames(options.tls?.cert ?? '')) allowed.add(n.includes(':') ? `[${n.toLowerCase()}]` : n.toLowerCase());
    if (listenHost !== '0.0.0.0' && listenHost !== '::') allowed.add(listenHost.includes(':') ? `[${listenHost.toLowerCase()}]` : listenHost.toLowerCase());
  }
  let port = 0;
  const scheme = team ? 'https' : 'http';

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    requestTimeout: 120_000,
    connectionTimeout: 0,
    return503OnClosing: true,
    ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' as const } } : {}),
    // a malformed URL or header is the client's fault: 400, never a crash
    frameworkErrors: (_err, _req, reply) => {
      void text(reply, 400, 'bad request');
    },
  }) as unknown as FastifyInstance;

  // JSON only: no text/plain body parser, so a cross-site "simple" form post is refused with 415
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string) as unknown);
    } catch {
      const e = new Error('bad json') as Error & { statusCode: number };
      e.statusCode = 400;
      done(e, undefined);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])) },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: team ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: maxUpload, files: 1, fields: 0, parts: 1, headerPairs: 100 } });
  await app.register(fastifyStatic, {
    root: staticRoot,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    dotfiles: 'deny',
    serveDotFiles: false,
    setHeaders: (res, file) => {
      void res.header('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600');
    },
  } as Parameters<typeof fastifyStaticType>[1]);

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) console.error(err);
    void text(reply, status, status === 500 ? 'internal error' : status === 413 ? 'too large' : 'bad request');
  });

  // Every request: the Host header names this server (DNS rebinding), then the access rule.
  app.addHook('onRequest', async (req, reply) => {
    const h = splitHost(req.headers.host);
    if (!h || !allowed.has(h.name) || h.port !== String(port)) return text(reply, 421, 'wrong host');
    if (team) return undefined;
    const url = req.url;
    const q = url.indexOf('?');
    const params = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
    const given = params.get('token');
    if (given !== null) {
      if (!same(given, token)) return text(reply, 403, 'wrong token');
      void reply.setCookie(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.code(302).header('Location', (q >= 0 ? url.slice(0, q) : url) || '/').send();
    }
    const cookie = req.cookies[TOKEN_COOKIE];
    if (!cookie || !same(cookie, token)) {
      return text(reply, 403, 'This address needs the link printed by `npm run web` (it carries the access token).');
    }
    return undefined;
  });

  /** A request another site could have made (or a header-less one) never reaches the API. */
  const apiGate = (req: FastifyRequest, reply: FastifyReply): boolean => {
    void reply.header('Cache-Control', 'no-store');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      void text(reply, 403, 'cross-site request refused');
      return false;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `${scheme}://${req.headers.host ?? ''}`) {
      void text(reply, 403, 'cross-origin request refused');
      return false;
    }
    const header = req.headers[SESSION_HEADER];
    if (typeof header !== 'string' || !SESSION_HEADER_RE.test(header)) {
      void text(reply, 400, 'bad request');
      return false;
    }
    return true;
  };

  /** The caller's session: by cookie on the team server, by tab (custom header) on the loopback host. */
  const findSession = (req: FastifyRequest, create: boolean): WebSession | undefined => {
    if (team) return sessions.get(req.cookies[SESSION_COOKIE]);
    const id = req.headers[SESSION_HEADER] as string;
    return sessions.get(id) ?? (create ? sessions.create(req.ip, id) : undefined);
  };

  const contextFor = (req: FastifyRequest, session: WebSession | undefined, lang: Lang): ServiceContext => ({
    store: options.store,
    session: session?.session ?? { user: null },
    lang,
    host: 'web',
    now: () => new Date(),
    stagingDir,
    remoteAddress: req.ip,
    // the Host header was checked against this server's names in onRequest
    ...(team ? { team: { url: `https://${req.headers.host ?? ''}/`, fingerprint } } : {}),
  });

  app.post(
    '/api/invoke',
    {
      config: {
        rateLimit: {
          // a flood guard on sign-in attempts per address; failures have their own, stricter rule
          max: 300,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => req.ip,
          allowList: (req: FastifyRequest) => (req.body as { op?: unknown } | undefined)?.op !== 'auth.signIn',
        },
      },
    },
    async (req, reply) => {
      if (!apiGate(req, reply)) return reply;
      const body = (req.body ?? {}) as { op?: unknown; input?: unknown; lang?: unknown };
      if (typeof body !== 'object' || Array.isArray(body)) return text(reply, 400, 'bad request');
      const lang: Lang = (LANGS as readonly unknown[]).includes(body.lang) ? (body.lang as Lang) : (options.lang ?? 'zh-CN');
      const op = typeof body.op === 'string' ? body.op : '';
      if (team && op === 'auth.setupAdmin') {
        const message = t('auth.setup_remote', {}, lang);
        return reply.type('application/json; charset=utf-8').send({ ok: false, error: { kind: 'rejected', key: 'auth.setup_remote', params: {}, message } });
      }
      let session = findSession(req, true);
      if (team && op === 'auth.signIn') {
        // a fresh session for every sign-in (no fixation)
        if (session) sessions.end(session.id);
        session = sessions.create(req.ip);
      }
      const envelope = await dispatch(contextFor(req, session, lang), op, body.input);
      if (team && session) {
        if (op === 'auth.signIn' && envelope.ok) {
          void reply.setCookie(SESSION_COOKIE, session.id, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
        } else if (op === 'auth.signIn') {
          sessions.end(session.id);
        }
      }
      if (session && (op === 'auth.signOut' || (op !== 'auth.signIn' && !session.session.user && team))) {
        sessions.end(session.id);
        if (team) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(envelope));
    },
  );

  /** POST /api/upload (multipart, one file): streamed into the staging folder for import. */
  app.post('/api/upload', async (req, reply) => {
    if (!apiGate(req, reply)) return reply;
    const session = findSession(req, false);
    if (!session?.session.user) return text(reply, 401, 'sign in first');
    if (!req.isMultipart()) return text(reply, 415, 'multipart only');
    const part = await req.file({ limits: { fileSize: maxUpload, files: 1 } });
    if (!part) return text(reply, 400, 'no file');
    const name = safeFileName(part.filename || 'upload');
    // a folder per upload keeps the file's own name (CSV sheets are named after their file)
    const folder = path.join(stagingDir, randomUUID());
    mkdirSync(folder, { mode: 0o700 });
    const file = path.join(folder, name);
    try {
      await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
    } catch (e) {
      rmSync(folder, { recursive: true, force: true });
      throw e;
    }
    if (part.file.truncated) {
      rmSync(folder, { recursive: true, force: true });
      return text(reply, 413, 'file too large');
    }
    session.staged.add(folder);
    return reply.type('application/json; charset=utf-8').send({ path: file, name, bytes: statSync(file).size });
  });

  /** GET /api/download/ID: a file the services wrote for this user (error workbooks, exports), served once. */
  app.get('/api/download/:id', async (req, reply) => {
    if (!apiGate(req, reply)) return reply;
    const session = findSession(req, false);
    const user = session?.session.user;
    const id = (req.params as { id: string }).id;
    const d = user ? options.store.downloads.take(id, user.id) : undefined;
    if (!d || !existsSync(d.path)) return text(reply, 404, 'not found');
    const stream = createReadStream(d.path);
    stream.on('close', () => rmSync(d.path, { force: true }));
    return reply
      .type('application/octet-stream')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
      .send(stream);
  });

  app.all('/api/*', async (_req, reply) => text(reply, 404, 'not found'));

  app.setNotFoundHandler(async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(reply, 405, 'method not allowed');
    if (!existsSync(indexFile)) return text(reply, 503, 'The UI is not built: run `npm run web`, which builds it.');
    // the UI routes with #/…: any other path shows the app
    return reply.header('Cache-Control', 'no-store').sendFile('index.html');
  });

  const sweeper = setInterval(() => sessions.sweep(), 60_000);
  sweeper.unref();

  await app.listen({ port: options.port ?? 0, host: listenHost });
  port = (app.server.address() as AddressInfo).port;
  const shownHost = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return {
    url: team ? `https://${shownHost}:${port}/` : `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    mode: team ? 'team' : 'loopback',
    sessions,
    close: async () => {
      clearInterval(sweeper);
      await app.close();
      sessions.endAll();
      if (ownStaging) rmSync(stagingDir, { recursive: true, force: true });
    },
  };
}
