import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../contract/roles';
import { messageText, t } from '../i18n/messages';
import { AppError, rejected } from '../../domain';
import { Store } from '../services/store';
import { serverCertificate } from '../web/certificate';
import { DEFAULT_MAX_UPLOAD, startWebHost, type WebHost } from '../web/server';
import { opt, required, type ParsedArgs } from './args';
import { resolveDbPath } from './db-path';

export { SERVE_OPTIONS } from './serve-options';

/** `HOST:PORT`, `[::1]:PORT` → parts; refused with a message otherwise. */
export function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value.trim());
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port < 0 || port > 65535) throw rejected('serve.bad_listen', { value });
  return { host: m[1] ?? m[2] ?? '', port };
}

function positiveInt(args: ParsedArgs, name: string, max: number): number | undefined {
  const v = opt(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw rejected('serve.bad_number', { option: `--${name}`, value: v, max });
  return n;
}

/** The built renderer: beside the bundled CLI (out/node → out/renderer), or from the source tree. */
function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'renderer'), path.resolve(here, '..', '..', 'out', 'renderer')];
  return candidates.find((d) => existsSync(path.join(d, 'index.html'))) ?? candidates[0] ?? here;
}

export interface TeamServer {
  host: WebHost;
  store: Store;
  url: string;
  fingerprint: string;
  previousFingerprint?: string;
  stop(): Promise<void>;
}

/** Starts the team server of `rebate serve` (team.md). */
export async function startTeamServer(args: ParsedArgs, env: NodeJS.ProcessEnv, lang: Lang): Promise<TeamServer> {
  const listen = parseListen(required(args, 'listen'));
  const idleMinutes = positiveInt(args, 'idle-minutes', 24 * 60);
  const maxUploadMb = positiveInt(args, 'max-upload-mb', 100_000);
  const dbPath = resolveDbPath(opt(args, 'db'), env);
  if (!existsSync(dbPath)) throw rejected('serve.no_database', { path: dbPath });
  const certFile = opt(args, 'tls-cert');
  const keyFile = opt(args, 'tls-key');
  if ((certFile === undefined) !== (keyFile === undefined)) throw rejected('serve.tls_pair');
  for (const f of [certFile, keyFile]) if (f !== undefined && !existsSync(f)) throw rejected('serve.tls_missing', { path: f });
  const cert = await serverCertificate({
    listenHost: listen.host,
    ...(certFile ? { certFile } : {}),
    ...(keyFile ? { keyFile } : {}),
    renew: opt(args, 'renew-certificate') !== undefined,
    env,
  });
  const store = new Store(dbPath);
  let host: WebHost;
  try {
    const trustProxy = opt(args, 'trust-proxy');
    host = await startWebHost({
      store,
      staticDir: opt(args, 'static') ?? env['REBATE_STATIC_DIR'] ?? defaultStaticDir(),
      host: listen.host,
      port: listen.port,
      lang,
      tls: { cert: cert.cert, key: cert.key },
      ...(idleMinutes ? { idleMinutes } : {}),
      maxUploadBytes: maxUploadMb ? maxUploadMb * 1024 * 1024 : DEFAULT_MAX_UPLOAD,
      ...(trustProxy ? { trustProxy } : {}),
    });
  } catch (e) {
    store.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') throw rejected('serve.listen_failed', { listen: `${listen.host}:${listen.port}`, reason: code });
    throw e;
  }
  const shown = listen.host === '0.0.0.0' || listen.host === '::' ? hostname() : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    host,
    store,
    url: `https://${shown}:${host.port}/`,
    fingerprint: cert.fingerprint,
    ...(cert.previousFingerprint ? { previousFingerprint: cert.previousFingerprint } : {}),
    stop: async () => {
      await host.close();
      store.close();
    },
  };
}

/**
 * `rebate serve`: prints the URL and the certificate's fingerprint, serves until SIGINT/SIGTERM
 * (or `stopped` resolves, in tests), finishes running requests and closes the database.
 */
export async function runServe(args: ParsedArgs, io: { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv; stopped?: Promise<void> }, lang: Lang): Promise<number> {
  let server: TeamServer;
  try {
    server = await startTeamServer(args, io.env, lang);
  } catch (e) {
    if (e instanceof AppError) {
      io.err(messageText(e.key, e.params, lang));
      return e.kind === 'internal' ? 1 : 2;
    }
    io.err(t('internal', { detail: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }, lang));
    return 1;
  }
  io.out(`Rebate Desk team server: ${server.url}`);
  io.out(`certificate SHA-256: ${server.fingerprint}`);
  if (server.previousFingerprint) {
    io.err(t('serve.renewed', { old: server.previousFingerprint, new: server.fingerprint }, lang));
  }
  await new Promise<void>((resolve) => {
    const done = (): void => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    void io.stopped?.then(() => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      done();
    });
  });
  await server.stop();
  return 0;
}
