import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import path from 'node:path';
import { runCli } from '../cli/run';
import { serverCertificate, type ServerCertificate } from '../web/certificate';
import { startWebHost, type WebHost } from '../web/server';
import { Harness } from './harness';

/** Runs the `rebate` command in this process and collects what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export interface TestServer {
  host: WebHost;
  cert: ServerCertificate;
  /** https://127.0.0.1:<port>/ */
  url: string;
}

/** A team server over the harness's database: its own certificate, a stub UI, an ephemeral port on 127.0.0.1. */
export async function startTestServer(h: Harness): Promise<TestServer> {
  const cert = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: path.join(h.dir, 'config') } });
  const ui = path.join(h.dir, 'renderer');
  mkdirSync(ui);
  writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
  const host = await startWebHost({ store: h.store, staticDir: ui, tls: { cert: cert.cert, key: cert.key } });
  return { host, cert, url: `https://127.0.0.1:${host.port}/` };
}

/**
 * For a test file of the CLI's `--server`: before its tests a harness seeded by `seed` and a team
 * server over it, closed after them. Read `h`, `url` and `cert` inside the tests.
 */
export function serveForTests(seed: (h: Harness) => Promise<void>): { h: Harness } & TestServer {
  const s = {} as { h: Harness } & TestServer;
  beforeAll(async () => {
    s.h = new Harness();
    await seed(s.h);
    Object.assign(s, await startTestServer(s.h));
  }, 180_000);
  afterAll(async () => {
    await s.host?.close();
    s.h?.close();
  });
  return s;
}
