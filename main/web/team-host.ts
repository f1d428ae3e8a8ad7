import { networkInterfaces } from 'node:os';
import type { Lang } from '../../contract/roles';
import type { Store } from '../services/store';
import { serverCertificate } from './certificate';
import { startWebHost, type WebHost } from './server';

export interface TeamHostStatus {
  running: boolean;
  /** the addresses to share: one URL per network address of this PC */
  urls: string[];
  fingerprint: string | null;
  port: number | null;
}

interface Running {
  host: WebHost;
  fingerprint: string;
  urls: string[];
}

const running = new WeakMap<Store, Running>();

/** This PC's IPv4 network addresses (what colleagues type), loopback last. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out.length ? out : ['127.0.0.1'];
}

export function teamHostStatus(store: Store): TeamHostStatus {
  const r = running.get(store);
  return r ? { running: true, urls: r.urls, fingerprint: r.fingerprint, port: r.host.port } : { running: false, urls: [], fingerprint: null, port: null };
}

/**
 * 设置 → 团队 → 在本机开启团队服务: the desktop app serves its own database to the team, the same
 * server as `rebate serve` (HTTPS, the certificate kept in the app's configuration folder).
 */
export async function startTeamHost(store: Store, o: { port: number; listenHost?: string; rendererDir: string; lang: Lang; env?: NodeJS.ProcessEnv }): Promise<TeamHostStatus> {
  const existing = running.get(store);
  if (existing) return teamHostStatus(store);
  const listenHost = o.listenHost ?? '0.0.0.0';
  const cert = await serverCertificate({ listenHost, ...(o.env ? { env: o.env } : {}) });
  const host = await startWebHost({ store, staticDir: o.rendererDir, host: listenHost, port: o.port, lang: o.lang, tls: { cert: cert.cert, key: cert.key } });
  const names = listenHost === '0.0.0.0' ? lanAddresses() : [listenHost];
  running.set(store, { host, fingerprint: cert.fingerprint, urls: names.map((n) => `https://${n.includes(':') ? `[${n}]` : n}:${host.port}/`) });
  return teamHostStatus(store);
}

export async function stopTeamHost(store: Store): Promise<TeamHostStatus> {
  const r = running.get(store);
  if (r) {
    running.delete(store);
    await r.host.close();
  }
  return teamHostStatus(store);
}
