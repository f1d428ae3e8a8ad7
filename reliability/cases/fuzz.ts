import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fuzzWebHost } from '../../main/testing/http-fuzz';
import { copyDb, type CaseContext, type ReliabilityCase } from '../kit';
import { sharedMonth } from './kill';

/**
 * The malformed-request fuzzer (main/testing/http-fuzz.ts) against the web host as it runs for a
 * user — its own process (`out/node/web.mjs`) on a copy of the month: bad URLs, encodings, headers,
 * methods, sizes. A request holds when it is not answered with a 5xx; the process must stay up and
 * still serve a normal request at the end. Tries = requests sent.
 */
export const webFuzz: ReliabilityCase = {
  name: 'web host fuzz: malformed requests, process stays up',
  tries: { quick: 1500, full: 10000 },
  async run(ctx: CaseContext) {
    const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
    const db = path.join(ctx.dir, 'db', 'db.sqlite');
    copyDb(m.imported, db);
    const renderer = path.join(ctx.dir, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
    const child = spawn(process.execPath, [path.join(ctx.root, 'out', 'node', 'web.mjs'), '--db', db, '--port', '0', '--static', renderer], {
      env: { ...process.env, REBATE_CONFIG_DIR: path.join(ctx.dir, 'config'), REBATE_LOG_DIR: path.join(ctx.dir, 'logs') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let exited: number | string | null = null;
    child.on('exit', (code, signal) => (exited = code ?? signal));
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      let url: URL | null = null;
      for (let i = 0; i < 600 && !url && exited === null; i++) {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
        if (found?.[1]) url = new URL(found[1]);
        else await new Promise((r) => setTimeout(r, 50));
      }
      if (!url) {
        ctx.attempt(`the web host did not start: ${out.slice(0, 300)}`);
        return;
      }
      const token = url.searchParams.get('token') ?? '';
      const r = await fuzzWebHost(
        { host: '127.0.0.1', port: Number(url.port), hostHeader: url.host, auth: { Cookie: `rebate_token=${token}`, 'X-Rebate-Session': 'fuzz-session-rrrrrrrrrrrr' } },
        { count: ctx.tries, seed: 11, concurrency: 16, deadlineMs: ctx.full ? 600_000 : 60_000 },
      );
      ctx.log(`${r.tried} requests: ${r.held} held, ${r.failed} failed`);
      for (let i = 0; i < r.held; i++) ctx.attempt(null);
      for (const f of r.failures) ctx.attempt(`${f.answer.slice(0, 80)} ← ${JSON.stringify(f.request.slice(0, 100))}`);
      for (let i = r.failures.length; i < r.failed; i++) ctx.attempt('5xx (more of the above)');
      if (r.tried < ctx.tries) ctx.attempt(`only ${r.tried} of ${ctx.tries} requests within the time limit`);
      if (exited !== null) ctx.attempt(`the web host process exited (${String(exited)}): ${out.slice(-300)}`);
      if (/\n\s+at .+:\d+:\d+/.test(out) && /TypeError|URIError|RangeError/.test(out)) ctx.attempt(`an uncaught error in the host's output: ${out.slice(0, 200)}`);
    } finally {
      if (exited === null) child.kill('SIGTERM');
    }
  },
};
