import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate';
import { calculate } from '../main/services/calc';
import type { ServiceContext } from '../main/services/context';
import { runImports, type ImportRequest } from '../main/services/imports';
import { importPolicy } from '../main/services/policies';
import { Store } from '../main/services/store';
import { addUser, setupAdmin } from '../main/services/users';
import { serverCertificate } from '../main/web/certificate';
import { startWebHost } from '../main/web/server';
import type { BenchRow } from './measure';

export interface TeamLoadOptions {
  distributors: number;
  /** purchase lines of the month being read and adjusted */
  monthRows: number;
  /** purchase lines of the import running into the next period meanwhile */
  importRows: number;
  readers: number;
  adjusters: number;
  seconds: number;
  /** a reader's pause between reads (0: the next read as soon as the answer came, a saturation test) */
  thinkMs?: number;
  log?: (s: string) => void;
  /**
   * `child`: the server runs in a process of its own (as in production, where the clients are other
   * machines): its peak RSS is the server's alone and the simulated clients do not take its event loop.
   * Needs the built bench (`npm run bench`); `same` (the test suite) runs both in this process.
   */
  serverProcess?: 'child' | 'same';
  /** the bundle that runs the child (`out/bench/run.mjs`) */
  childScript?: string;
}

/** team.md's figure: 50 readers and 5 adjusters for 60 s on 5,000 distributors while a 150k-line import runs. */
export const TEAM_LOAD: TeamLoadOptions = { distributors: 5_000, monthRows: 50_000, importRows: 150_000, readers: 50, adjusters: 5, seconds: 60 };
/** A size that runs in the test suite, so the benchmark cannot rot. */
export const TEAM_LOAD_TINY: TeamLoadOptions = { distributors: 40, monthRows: 600, importRows: 600, readers: 3, adjusters: 1, seconds: 3 };

const PERIOD = '2026-03';
const NEXT = '2026-04';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Client {
  invoke(op: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: { key: string; message: string } }>;
  upload(file: string): Promise<string>;
}

function client(port: number, ca: string, agent: Agent): Client {
  let cookie = '';
  const tab = `bench-${Math.random().toString(36).slice(2)}-tab`.padEnd(20, 'x');
  const send = (pathname: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string; setCookie: string[] }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, method: 'POST', agent, ca, servername: 'localhost', headers: { Host: `127.0.0.1:${port}`, 'X-Rebate-Session': tab, ...(cookie ? { Cookie: cookie } : {}), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    async invoke(op, input) {
      const r = await send('/api/invoke', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({ op, input, lang: 'en' })));
      const sid = r.setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('rebate_sid='));
      if (sid) cookie = sid;
      if (r.status !== 200) return { ok: false, error: { key: `http.${r.status}`, message: r.body.slice(0, 200) } };
      return JSON.parse(r.body) as { ok: boolean };
    },
    async upload(file) {
      const boundary = 'bench-boundary-1234';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        readFileSync(file),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await send('/api/upload', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body);
      if (r.status !== 200) throw new Error(`upload ${file}: HTTP ${r.status} ${r.body}`);
      return (JSON.parse(r.body) as { path: string }).path;
    },
  };
}

/**
 * The team server under load: a month of N distributors calculated as a draft; R readers (overview,
 * the results, traces) and A adjusters for S seconds over HTTPS, while one import of the next
 * period's purchase lines runs. Errors, p50/p95 per operation, the process's peak RSS (the server
 * and the simulated clients share it).
 */
export async function benchTeamLoad(o: TeamLoadOptions): Promise<BenchRow[]> {
  const log = o.log ?? (() => undefined);
  const workload = `team ${o.distributors}`;
  const root = mkdtempSync(path.join(tmpdir(), 'rebate-team-bench-'));
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    log(`[team] generating ${o.distributors} distributors, ${o.monthRows} + ${o.importRows} purchase lines…`);
    const month = path.join(root, 'month');
    const next = path.join(root, 'next');
    await generateDemo({ distributors: o.distributors, purchaseRows: o.monthRows, purchaseFiles: 2, out: month, period: PERIOD, seed: 7 });
    await generateDemo({ distributors: o.distributors, purchaseRows: o.importRows, purchaseFiles: 2, out: next, period: NEXT, seed: 8 });
    const dbFile = path.join(root, 'team.sqlite');
    const store = new Store(dbFile);
    const ctx: ServiceContext = { store, session: { user: null }, lang: 'en', host: 'test', now: () => new Date() };
    await setupAdmin(ctx, { name: 'admin', password: 'admin-pass-1' });
    const files = readdirSync(month).sort();
    const of = (prefix: string) => files.filter((f) => f.startsWith(prefix)).map((f) => ({ path: path.join(month, f), name: f }));
    const reqs: ImportRequest[] = [
      { kind: 'distributors', files: of('distributors') },
      { kind: 'purchases', period: PERIOD, files: of('purchases') },
      { kind: 'returns', period: PERIOD, files: of('returns') },
    ];
    const reports = await runImports(ctx, reqs);
    const failed = reports.find((r) => r.status !== 'imported');
    if (failed) throw new Error(`bench import failed: ${failed.kind} ${failed.message}`);
    for (const f of files.filter((x) => x.startsWith('policy-'))) importPolicy(ctx, { content: readFileSync(path.join(month, f), 'utf8'), fileName: f });
    await calculate(ctx, PERIOD);
    await addUser(ctx, { name: 'reader', password: 'reader-pass-1', roles: ['auditor'] });
    await addUser(ctx, { name: 'adjuster', password: 'adjuster-pass-1', roles: ['preparer'] });
    // traces and adjustments address distributors of the batch (inactive ones without purchases have no row)
    const { dispatch } = await import('../main/api/dispatch');
    const timedCall = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number; bytes: number }> => {
      const t0 = performance.now();
      const value = await run();
      const bytes = Buffer.byteLength(JSON.stringify(value));
      return { value, ms: performance.now() - t0, bytes };
    };
    // What the approval screen loads: the whole batch as it did (batch.results), and what it shows (batch.summary)
    const whole = await timedCall(() => dispatch(ctx, 'batch.results', { period: PERIOD }));
    const results = whole.value;
    if (!results.ok) throw new Error(`bench results: ${results.error.message}`);
    const wholeWarm = await timedCall(() => dispatch(ctx, 'batch.results', { period: PERIOD }));
    const summary = await timedCall(() => dispatch(ctx, 'batch.summary', { period: PERIOD }));
    const screenRows: BenchRow[] = [
      { workload, measure: 'approval screen data: batch.results (the whole batch, as before)', value: wholeWarm.ms, unit: 'ms', peakRssMb: null, runs: 1, note: `${(wholeWarm.bytes / 1e6).toFixed(2)} MB JSON; first read ${whole.ms.toFixed(0)} ms (builds the kept view)` },
      { workload, measure: 'approval screen data: batch.summary (what it shows)', value: summary.ms, unit: 'ms', peakRssMb: null, runs: 1, note: `${(summary.bytes / 1e3).toFixed(1)} kB JSON` },
    ];
    const codes = results.result.rows.map((r) => r.code);
    const regions = [...new Set(results.result.rows.map((r) => r.region))];

    const cert = await serverCertificate({ listenHost: '127.0.0.1', env: { REBATE_CONFIG_DIR: path.join(root, 'config') } });
    const ui = path.join(root, 'ui');
    mkdirSync(ui);
    writeFileSync(path.join(ui, 'index.html'), '<!doctype html>');
    const server = o.serverProcess === 'child' && o.childScript ? await childServer(o.childScript, { db: dbFile, ui, cert: cert.cert, key: cert.key }, () => store.close()) : await sameProcessServer(store, ui, cert);
    const host = { port: server.port };
    const agent = new Agent({ keepAlive: true, maxSockets: o.readers + o.adjusters + 4 });
    const lat = new Map<string, number[]>();
    const errors = new Map<string, number>();
    const firstErrors: string[] = [];
    const timed = async (name: string, c: Client, op: string, input: unknown): Promise<void> => {
      const t0 = performance.now();
      let r: Awaited<ReturnType<Client['invoke']>>;
      try {
        r = await c.invoke(op, input);
      } catch (e) {
        r = { ok: false, error: { key: 'transport', message: String(e) } };
      }
      const ms = performance.now() - t0;
      (lat.get(name) ?? lat.set(name, []).get(name))?.push(ms);
      if (!r.ok) {
        errors.set(name, (errors.get(name) ?? 0) + 1);
        if (firstErrors.length < 5) firstErrors.push(`${name}: ${r.error?.key} ${r.error?.message}`);
      }
    };

    // Everyone signs in first (as colleagues are signed in when the import starts); sign-in is measured too.
    const importer = client(host.port, cert.cert, agent);
    await timed('auth: sign-in', importer, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const readers = Array.from({ length: o.readers }, () => client(host.port, cert.cert, agent));
    const adjusters = Array.from({ length: o.adjusters }, () => client(host.port, cert.cert, agent));
    await Promise.all([
      ...readers.map((c) => timed('auth: sign-in', c, 'auth.signIn', { name: 'reader', password: 'reader-pass-1' })),
      ...adjusters.map((c) => timed('auth: sign-in', c, 'auth.signIn', { name: 'adjuster', password: 'adjuster-pass-1' })),
    ]);
    if (errors.size > 0) throw new Error(`bench sign-in: ${firstErrors.join(' | ')}`);
    const staged = [];
    for (const f of readdirSync(next).filter((x) => x.startsWith('purchases')).sort()) staged.push({ path: await importer.upload(path.join(next, f)), name: f });
    log(`[team] ${o.readers} readers + ${o.adjusters} adjusters for ${o.seconds} s while importing ${o.importRows} lines into ${NEXT}…`);
    const importStart = performance.now();
    const job = await importer.invoke('import.start', { imports: [{ kind: 'purchases', period: NEXT, files: staged }] });
    if (!job.ok) throw new Error(`import.start: ${job.error?.message}`);
    const jobId = (job.result as { jobId: string }).jobId;
    let importMs: number | null = null;
    let importStatus = 'running';
    const watchImport = (async () => {
      for (;;) {
        const j = await importer.invoke('import.job', { jobId });
        const status = (j.result as { status?: string } | undefined)?.status ?? 'error';
        if (status !== 'running') {
          importMs = performance.now() - importStart;
          importStatus = status;
          return;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const until = Date.now() + o.seconds * 1000;
    let seed = 1;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const pages = Math.max(1, Math.ceil(codes.length / 100));
    // a reader: the period overview, result pages of 100 rows (some filtered by region, some sorted by
    // final amount), a distributor's trace — the next as soon as the answer came (no think time) unless `thinkMs`
    const reader = async (c: Client): Promise<void> => {
      while (Date.now() < until) {
        const x = rnd();
        if (x < 0.3) await timed('read: period overview', c, 'periods.overview', {});
        else if (x < 0.5) await timed('read: results page (100 rows)', c, 'batch.resultsPage', { period: PERIOD, offset: Math.floor(rnd() * pages) * 100, limit: 100 });
        else if (x < 0.6) await timed('read: results page, filtered + sorted', c, 'batch.resultsPage', { period: PERIOD, region: pick(regions), sort: 'final', desc: true, limit: 100 });
        else await timed('read: trace', c, 'batch.trace', { period: PERIOD, code: pick(codes) });
        if (o.thinkMs) await new Promise((r) => setTimeout(r, o.thinkMs as number));
      }
    };
    const adjuster = async (c: Client, i: number): Promise<void> => {
      let n = 0;
      while (Date.now() < until) {
        n++;
        await timed('write: adjust', c, 'batch.adjust', { period: PERIOD, code: pick(codes), amount: `${(i + 1) * 10 + (n % 7)}.00`, reason: 'bench' });
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await Promise.all([...readers.map((c) => reader(c)), ...adjusters.map((c, i) => adjuster(c, i))]);
    await watchImport;
    agent.destroy();
    const figures = await server.stop();
    const serverPeak = figures.peakRss;

    const rows: BenchRow[] = [...screenRows];
    for (const [name, values] of [...lat.entries()].sort()) {
      const sorted = [...values].sort((a, b) => a - b);
      const isRead = name.startsWith('read');
      rows.push({ workload, measure: `${name} p50`, value: percentile(sorted, 50), unit: 'ms', peakRssMb: null, runs: sorted.length });
      rows.push({ workload, measure: `${name} p95`, value: percentile(sorted, 95), unit: 'ms', peakRssMb: null, runs: sorted.length, ...(isRead ? { target: '≤ 300 ms' } : {}), note: `${errors.get(name) ?? 0} errors` });
    }
    const total = [...errors.values()].reduce((a, b) => a + b, 0);
    rows.push({ workload, measure: 'errors (all operations)', value: total, unit: 'count', peakRssMb: null, runs: [...lat.values()].reduce((a, b) => a + b.length, 0), target: '0', ...(firstErrors.length ? { note: firstErrors.join(' | ').slice(0, 300) } : {}) });
    rows.push({ workload, measure: `import ${o.importRows} lines meanwhile (${importStatus})`, value: (importMs ?? 0) / 1000, unit: 's', peakRssMb: null, runs: 1 });
    rows.push({ workload, measure: 'server event loop: longest stall', value: figures.loopMaxMs, unit: 'ms', peakRssMb: null, runs: 1, note: `p99 ${figures.loopP99Ms.toFixed(0)} ms` });
    const ops = [...lat.entries()].filter(([name]) => !name.startsWith('auth')).reduce((a, [, b]) => a + b.length, 0);
    rows.push({ workload, measure: 'operations answered per second', value: ops / o.seconds, unit: 'ops/s', peakRssMb: null, runs: ops, note: `readers' think time ${o.thinkMs ?? 0} ms` });
    const rssNote = `${o.readers} readers, ${o.adjusters} adjusters, ${o.seconds} s, ${o.distributors} distributors`;
    if (server.separate) {
      rows.push({ workload, measure: 'server peak RSS (own process)', value: serverPeak / 1024 / 1024, unit: 'MB', peakRssMb: serverPeak / 1024 / 1024, runs: 1, note: rssNote });
      rows.push({ workload, measure: 'simulated clients peak RSS (bench process)', value: peak / 1024 / 1024, unit: 'MB', peakRssMb: peak / 1024 / 1024, runs: 1 });
    } else {
      rows.push({ workload, measure: 'peak RSS (server + simulated clients, one process)', value: peak / 1024 / 1024, unit: 'MB', peakRssMb: peak / 1024 / 1024, runs: 1, note: rssNote });
    }
    return rows;
  } finally {
    clearInterval(sampler);
    rmSync(root, { recursive: true, force: true });
  }
}

interface ServerFigures {
  peakRss: number;
  /** the longest time the server's event loop could not answer anything, ms */
  loopMaxMs: number;
  loopP99Ms: number;
}

/** How long the event loop was kept from running callbacks (a blocked loop delays every request). */
function loopMonitor(): { stop(): { loopMaxMs: number; loopP99Ms: number } } {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  return {
    stop: () => {
      h.disable();
      return { loopMaxMs: h.max / 1e6, loopP99Ms: h.percentile(99) / 1e6 };
    },
  };
}

interface RunningServer {
  port: number;
  /** true: in a process of its own */
  separate: boolean;
  /** stops it; the server process's peak RSS in bytes (0 when it shares this process) and its event loop's longest stall */
  stop(): Promise<ServerFigures>;
}

async function sameProcessServer(store: Store, ui: string, cert: { cert: string; key: string }): Promise<RunningServer> {
  const host = await startWebHost({ store, staticDir: ui, tls: { cert: cert.cert, key: cert.key } });
  const loop = loopMonitor();
  return {
    port: host.port,
    separate: false,
    stop: async () => {
      await host.close();
      store.close();
      return { peakRss: 0, ...loop.stop() };
    },
  };
}

interface ChildStart {
  db: string;
  ui: string;
  cert: string;
  key: string;
}

/** The team server in a child process (the bench bundle run with --team-server-child), over IPC. */
async function childServer(script: string, start: ChildStart, closeParentStore: () => void): Promise<RunningServer> {
  // the child opens the database itself: this process lets go of it first
  closeParentStore();
  // REBATE_BENCH_SERVER_PROF=DIR: a CPU profile of the server process (node --cpu-prof) for finding what it spends its time on
  const prof = process.env['REBATE_BENCH_SERVER_PROF'];
  const child: ChildProcess = fork(script, ['--team-server-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...(prof ? { execArgv: [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${prof}`] } : {}) });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }): void => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null): void => reject(new Error(`team server child exited ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const listening = next<{ port: number }>('listening');
  child.send({ type: 'start', ...start });
  const { port } = await listening;
  return {
    port,
    separate: true,
    stop: async () => {
      const stopped = next<ServerFigures>('stopped');
      child.send({ type: 'stop' });
      const { peakRss, loopMaxMs, loopP99Ms } = await stopped;
      return { peakRss, loopMaxMs, loopP99Ms };
    },
  };
}

/** The child's side: start the server on the message, report the port; on stop, close and report the peak RSS. */
export function teamServerChild(): void {
  let host: Awaited<ReturnType<typeof startWebHost>> | null = null;
  let store: Store | null = null;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const loop = loopMonitor();
  process.on('message', (m: { type: string } & Partial<ChildStart>) => {
    void (async () => {
      if (m.type === 'start' && m.db && m.ui && m.cert && m.key) {
        store = new Store(m.db);
        host = await startWebHost({ store, staticDir: m.ui, tls: { cert: m.cert, key: m.key } });
        process.send?.({ type: 'listening', port: host.port });
      } else if (m.type === 'stop') {
        await host?.close();
        store?.close();
        clearInterval(sampler);
        peak = Math.max(peak, process.memoryUsage.rss());
        process.send?.({ type: 'stopped', peakRss: peak, ...loop.stop() }, () => process.exit(0));
      }
    })();
  });
}
