import { randomBytes, X509Certificate } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { Agent, request, type AgentOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServerCertificateView } from '../../contract/desktop';
import type { Envelope } from '../../contract/envelope';
import { AppError, rejected } from '../../domain';
import { normaliseFingerprint } from '../web/fingerprint';

/** How long a TLS handshake with the team server may take before it counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * What a user types for the server → its base URL (`https://host:port/`): `host:port` gets https://,
 * a path or query is dropped, http:// is refused (team servers speak HTTPS only).
 */
export function serverBaseUrl(input: string): string {
  const raw = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw rejected('remote.bad_url', { url: input });
  }
  if (u.protocol !== 'https:') throw rejected('remote.https_only', { url: input });
  if (!u.hostname || u.username || u.password) throw rejected('remote.bad_url', { url: input });
  return `${u.origin}/`;
}

/** The certificate a server presents, as the desktop shows it to be confirmed (trust on first use); the pin is looked up after. */
export type PresentedCertificate = Omit<ServerCertificateView, 'pinned'>;

/**
 * Opens a TLS connection to the server, reads the certificate it presents and closes the
 * connection: only the handshake, no HTTP request — nothing is sent before the user trusted it.
 */
export function probeServer(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<PresentedCertificate> {
  const base = new URL(serverBaseUrl(url));
  const host = base.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port: Number(base.port || 443), rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
    let settled = false;
    const fail = (e: Error & { code?: string }): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(rejected('remote.unreachable', { url: base.origin, reason: e.code ?? e.message }));
    };
    socket.once('error', fail);
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => {
      if (settled) return;
      settled = true;
      const raw = socket.getPeerCertificate().raw as Buffer | undefined;
      socket.end();
      socket.destroy();
      if (!raw) {
        reject(rejected('remote.unreachable', { url: base.origin, reason: 'no certificate' }));
        return;
      }
      const x = new X509Certificate(raw);
      resolve({ url: `${base.origin}/`, fingerprint: x.fingerprint256.toUpperCase(), subject: x.subject, issuer: x.issuer, validFrom: x.validFrom, validTo: x.validTo });
    });
  });
}

/**
 * The team-server client of the CLI (`--server`) and of the desktop app in team mode (team.md). With a pinned fingerprint the TLS
 * connection is checked before a single byte of any request is sent: the agent hands the socket to
 * the request only after the server's certificate matched; otherwise the system's trust decides.
 */
class PinnedAgent extends Agent {
  constructor(
    private readonly pin: string,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: ConnectionOptions, callback?: (err: Error | null, socket: Duplex) => void): Duplex | undefined {
    const socket: TLSSocket = tlsConnect({ ...options, rejectUnauthorized: false });
    let done = false;
    const fail = (err: Error): void => {
      if (done) return;
      done = true;
      socket.destroy();
      callback?.(err, socket);
    };
    socket.once('error', fail);
    // a server that never answers the handshake (a black-holed address) is reported, not waited for
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
    socket.once('secureConnect', () => {
      socket.off('error', fail);
      socket.setTimeout(0);
      if (done) return;
      done = true;
      const raw = socket.getPeerCertificate().raw as Buffer | undefined;
      const presented = raw ? new X509Certificate(raw).fingerprint256.toUpperCase() : '(none)';
      if (presented !== this.pin) {
        socket.destroy();
        callback?.(new AppError('rejected', 'remote.fingerprint_mismatch', { expected: this.pin, presented }), socket);
        return;
      }
      callback?.(null, socket);
    });
    return undefined;
  }
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export class RemoteServer {
  private readonly base: URL;
  private readonly agent: Agent;
  private cookie = '';
  private readonly tab = randomBytes(18).toString('hex');

  constructor(url: string, fingerprint: string | undefined) {
    let base: URL;
    try {
      base = new URL(url);
    } catch {
      throw rejected('remote.bad_url', { url });
    }
    if (base.protocol !== 'https:') throw rejected('remote.https_only', { url });
    this.base = base;
    if (fingerprint !== undefined) {
      const pin = normaliseFingerprint(fingerprint);
      if (!pin) throw rejected('remote.bad_fingerprint', { fingerprint });
      this.agent = new PinnedAgent(pin, { keepAlive: true, maxSockets: 4 });
    } else {
      this.agent = new Agent({ keepAlive: true, maxSockets: 4 });
    }
  }

  private send(method: string, pathname: string, headers: Record<string, string>, body?: Buffer | (() => NodeJS.ReadableStream), sink?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          protocol: 'https:',
          hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
          port: this.base.port || 443,
          path: pathname,
          method,
          agent: this.agent,
          headers: {
            Host: this.base.host,
            'X-Rebate-Session': this.tab,
            ...(this.cookie ? { Cookie: this.cookie } : {}),
            ...headers,
          },
        },
        (res) => {
          if (sink && res.statusCode === 200) {
            const tmp = `${sink}.partial-${process.pid}`;
            pipeline(res, createWriteStream(tmp)).then(
              () => {
                renameSync(tmp, sink);
                resolve({ status: 200, headers: res.headers, body: Buffer.alloc(0) });
              },
              (e: unknown) => {
                rmSync(tmp, { force: true });
                reject(e instanceof Error ? e : new Error(String(e)));
              },
            );
            return;
          }
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', (e: Error & { code?: string }) => {
        if (e instanceof AppError) reject(e);
        else reject(rejected('remote.unreachable', { url: this.base.origin, reason: e.code ?? e.message }));
      });
      if (typeof body === 'function') {
        pipeline(body(), req).catch((e: unknown) => req.destroy(e instanceof Error ? e : new Error(String(e))));
      } else req.end(body);
    });
  }

  private httpError(a: Answer): AppError {
    return rejected('remote.http_error', { status: a.status, detail: a.body.toString('utf8').slice(0, 200) });
  }

  /** One operation of the contract on the server: the same envelope as locally. */
  async invoke(op: string, input: unknown, lang: string): Promise<Envelope<unknown>> {
    const a = await this.send('POST', '/api/invoke', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({ op, input, lang })));
    if (a.status !== 200) throw this.httpError(a);
    const setCookie = a.headers['set-cookie'];
    const sid = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('rebate_sid='));
    if (sid !== undefined) this.cookie = sid === 'rebate_sid=' ? '' : sid;
    return JSON.parse(a.body.toString('utf8')) as Envelope<unknown>;
  }

  /** Streams a local file to the server's staging folder; returns the server-side path to import. */
  async upload(file: string): Promise<{ path: string; name: string }> {
    const name = path.basename(file);
    const size = statSync(file).size;
    const boundary = `rebate-${randomBytes(12).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/["\\\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    async function* parts(): AsyncGenerator<Buffer> {
      yield head;
      for await (const c of createReadStream(file)) yield c as Buffer;
      yield tail;
    }
    const { Readable } = await import('node:stream');
    const a = await this.send(
      'POST',
      '/api/upload',
      { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(head.length + size + tail.length) },
      () => Readable.from(parts()),
    );
    if (a.status === 413) throw rejected('remote.upload_too_large', { file: name });
    if (a.status !== 200) throw this.httpError(a);
    const staged = JSON.parse(a.body.toString('utf8')) as { path: string };
    return { path: staged.path, name };
  }

  /** Saves a file the server wrote for this session (served once) to a local path, whole or not at all. */
  async download(id: string, dest: string): Promise<void> {
    mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
    const a = await this.send('GET', `/api/download/${encodeURIComponent(id)}`, {}, undefined, path.resolve(dest));
    if (a.status !== 200) throw this.httpError(a);
  }

  /** the session cookie the server gave at sign-in (empty before and after) */
  get sessionCookie(): string {
    return this.cookie;
  }

  close(): void {
    this.agent.destroy();
  }
}

