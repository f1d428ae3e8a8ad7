import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import path from 'node:path';
import { userDataDir } from '../db/paths';

/** team.md: a self-signed certificate valid 825 days. */
export const CERT_DAYS = 825;
const CERT_FILE = 'team-server-cert.pem';
const KEY_FILE = 'team-server-key.pem';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the DER certificate: 32 bytes, upper-case hex, colon-separated */
  fingerprint: string;
  /** where it is kept (null when given with --tls-cert/--tls-key) */
  dir: string | null;
  created: boolean;
  /** after --renew-certificate: the fingerprint it replaced */
  previousFingerprint?: string;
}

/** The server account's configuration folder (REBATE_CONFIG_DIR overrides it, for tests). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['REBATE_CONFIG_DIR'] ? path.resolve(env['REBATE_CONFIG_DIR']) : userDataDir(env);
}

export function fingerprintOf(cert: string | Buffer): string {
  return new X509Certificate(cert).fingerprint256.toUpperCase();
}

export { normaliseFingerprint } from './fingerprint';

/** The names the certificate covers: the listen host, this machine's name and addresses, localhost. */
export function certificateSubjectNames(listenHost: string): { dns: string[]; ips: string[] } {
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  const add = (n: string): void => {
    if (!n || n === '0.0.0.0' || n === '::') return;
    if (isIP(n)) ips.add(n);
    else dns.add(n.toLowerCase());
  };
  add(listenHost.replace(/^\[|\]$/g, ''));
  add(hostname());
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (!a.address.startsWith('fe80')) add(a.address);
  return { dns: [...dns], ips: [...ips] };
}

async function createSelfSigned(listenHost: string, now: Date): Promise<{ cert: string; key: string }> {
  // loaded on demand: the CLI's other commands start without it
  const { generate } = await import('selfsigned');
  const names = certificateSubjectNames(listenHost);
  const cn = listenHost && listenHost !== '0.0.0.0' && listenHost !== '::' ? listenHost : hostname();
  const pems = await generate([{ name: 'commonName', value: cn }, { name: 'organizationName', value: 'Rebate Desk team server' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + CERT_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

function writeOwnerOnly(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
}

/**
 * The team server's certificate: the given files, or the self-signed one kept (with its key,
 * owner-only) in the configuration folder — made on first start, reused later, replaced on renewal.
 */
export async function serverCertificate(opts: { listenHost: string; certFile?: string; keyFile?: string; renew?: boolean; env?: NodeJS.ProcessEnv; now?: Date }): Promise<ServerCertificate> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error('both --tls-cert and --tls-key are needed');
    const cert = readFileSync(opts.certFile, 'utf8');
    const key = readFileSync(opts.keyFile, 'utf8');
    return { cert, key, fingerprint: fingerprintOf(cert), dir: null, created: false };
  }
  const dir = configDir(opts.env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);
  let previousFingerprint: string | undefined;
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    const expired = new Date(new X509Certificate(cert).validTo).getTime() < (opts.now ?? new Date()).getTime();
    if (!opts.renew && !expired) return { cert, key, fingerprint: fingerprintOf(cert), dir, created: false };
    previousFingerprint = fingerprintOf(cert);
  }
  const made = await createSelfSigned(opts.listenHost, opts.now ?? new Date());
  writeOwnerOnly(keyPath, made.key);
  writeOwnerOnly(certPath, made.cert);
  return { ...made, fingerprint: fingerprintOf(made.cert), dir, created: true, ...(previousFingerprint ? { previousFingerprint } : {}) };
}
