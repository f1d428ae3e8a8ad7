import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateDemo } from '../main/demo/generate';
import { batchSummary } from '../main/services/batch-summary';
import { calculate } from '../main/services/calc';
import { runImports } from '../main/services/imports';
import { importPolicy } from '../main/services/policies';
import { resultsPage } from '../main/services/results-page';
import { Store } from '../main/services/store';
import { setupAdmin } from '../main/services/users';
import { startWebHost } from '../main/web/server';
import { timeSearch, timeShown } from './screen';
import { benchContext, cliArg, monthImports, WORKLOADS, type WorkloadName } from './workloads';

/**
 * The results screen alone, to see where its time goes (`node scripts/bench-screen.mjs --db DIR
 * [--size L] [--runs 3] [--profile]`): the month is generated, imported and calculated once into
 * DIR and kept there; each run then opens the database afresh (the server's kept views cold, as on
 * the first view after a start), times the service calls in Node, and the screen in Chromium with
 * each HTTP call's timing and, with `--profile`, the page's CPU profile by function.
 */
const PERIOD = '2026-03';

interface Browser {
  location: { hash: string };
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

async function prepare(dir: string, size: WorkloadName): Promise<string> {
  const db = path.join(dir, 'bench.sqlite');
  if (existsSync(db)) return db;
  const files = path.join(dir, 'files');
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`[${size}] generating, importing and calculating into ${db}…\n`);
  if (!existsSync(files) || readdirSync(files).length === 0) await generateDemo({ ...WORKLOADS[size], out: files, period: PERIOD, seed: 42 });
  const ctx = benchContext(new Store(db));
  await setupAdmin(ctx, { name: 'bench', password: 'bench-pass-1' });
  const list = readdirSync(files).sort();
  await runImports(ctx, monthImports(files, PERIOD));
  for (const f of list.filter((x) => x.startsWith('policy-'))) importPolicy(ctx, { content: readFileSync(path.join(files, f), 'utf8'), fileName: f });
  await calculate(ctx, PERIOD);
  ctx.store.close();
  return db;
}

/** The service calls of a first view, cold, in this process. */
function serverTimes(db: string): Record<string, number> {
  const ctx = benchContext(new Store(db));
  const out: Record<string, number> = {};
  const time = (name: string, fn: () => unknown): void => {
    const t = performance.now();
    fn();
    out[name] = Math.round((performance.now() - t) * 10) / 10;
  };
  try {
    time('summary (cold)', () => batchSummary(ctx, { period: PERIOD, changes: 0 }));
    time('page 1 row', () => resultsPage(ctx, { period: PERIOD, offset: 0, limit: 1, sort: 'code', desc: false }));
    time('page 100', () => resultsPage(ctx, { period: PERIOD, offset: 0, limit: 100, sort: 'code', desc: false }));
    time('search (first)', () => resultsPage(ctx, { period: PERIOD, offset: 0, limit: 100, sort: 'code', desc: false, search: 'JX0001' }));
    time('search (again)', () => resultsPage(ctx, { period: PERIOD, offset: 0, limit: 100, sort: 'code', desc: false, search: 'JX0002' }));
    time('sort final desc', () => resultsPage(ctx, { period: PERIOD, offset: 0, limit: 100, sort: 'final', desc: true }));
  } finally {
    ctx.store.close();
  }
  return out;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Inclusive time by function (top n) of a CDP CPU profile: each sample counts once for every function on its stack. */
function topTotal(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f || !f.url) continue;
      seen.add(`${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber}`);
    }
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${k}`);
}

/** Self time by function (top n) of a CDP CPU profile. */
function topSelf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The renderer main thread's work in a Chromium trace: time by kind of event, and the long tasks (start from t0). */
function traceSummary(buf: Buffer, t0us: number): string[] {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return ['no renderer main thread in the trace'];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const byName = new Map<string, number>();
  for (const e of mine) if (['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'FunctionCall', 'EvaluateScript', 'V8.GC_SCAVENGER', 'MinorGC', 'MajorGC', 'ParseHTML', 'HitTest', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'ScheduleStyleRecalculation', 'UpdateLayerTree', 'Commit'].includes(e.name)) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const tasks = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 15000);
  const first = mine[0]?.ts ?? 0;
  const base = t0us > 0 ? t0us : first;
  const out = [`by kind (nested counted in each): ${[...byName].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`];
  for (const t of tasks) {
    const inside = mine.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && e !== t);
    const kinds = new Map<string, number>();
    for (const e of inside) if (['UpdateLayoutTree', 'Layout', 'Paint', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EvaluateScript'].includes(e.name)) kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    out.push(`  task at ${((t.ts - base) / 1000).toFixed(0).padStart(5)} ms, ${((t.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms: ${[...kinds].map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
  }
  return out;
}

/** The page's own timing of its API calls since the measure's start (page clock): start → end ms. */
async function pageCalls(page: Page): Promise<string> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { benchStart: number; performance: { getEntriesByType(t: string): { name: string; startTime: number; responseEnd: number }[] } };
    return g.performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/api/invoke') && e.startTime >= g.benchStart)
      .map((e) => `${(e.startTime - g.benchStart).toFixed(0)}→${(e.responseEnd - g.benchStart).toFixed(0)}`)
      .join(', ');
  });
}

async function screenRun(db: string, withProfile: boolean): Promise<void> {
  const store = new Store(db);
  const host = await startWebHost({ store, staticDir: path.resolve(cliArg('static') ?? path.join('out', 'renderer')) });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('sign-in-name').fill('bench');
    await page.getByTestId('sign-in-password').fill('bench-pass-1');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('page-heading').waitFor();
    const calls: { op: string; start: number; end: number; wait: number }[] = [];
    let t0 = 0;
    page.on('requestfinished', (r) => {
      if (!r.url().endsWith('/api/invoke')) return;
      const op = (r.postDataJSON() as { op?: string; input?: Record<string, unknown> } | null) ?? {};
      const t = r.timing();
      const input = op.input ?? {};
      const label = `${op.op ?? '?'}${'limit' in input ? ` limit ${String(input['limit'])}` : ''}${input['search'] ? ` search ${String(input['search'])}` : ''}`;
      calls.push({ op: label, start: t.startTime - t0, end: t.startTime + t.responseEnd - t0, wait: t.responseStart - t.requestStart });
    });
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    /** the renderer main thread's busy time so far, by kind (ms) */
    const busy = async (): Promise<Record<string, number>> => {
      const m = (await metrics.send('Performance.getMetrics')).metrics;
      const of = (n: string): number => (m.find((x) => x.name === n)?.value ?? 0) * 1000;
      return { task: of('TaskDuration'), script: of('ScriptDuration'), style: of('RecalcStyleDuration'), layout: of('LayoutDuration') };
    };
    const cdp = withProfile ? await page.context().newCDPSession(page) : null;
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.setSamplingInterval', { interval: 200 });
    const phase = async (name: string, fn: () => Promise<void>): Promise<void> => {
      calls.length = 0;
      const tracing = process.argv.includes('--trace');
      if (tracing) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8'] });
      await cdp?.send('Profiler.start');
      const busyBefore = await busy();
      // the page's clock at the start (trace timestamps are the monotonic clock in µs)
      const pageNow = tracing ? await page.evaluate(() => performance.timeOrigin + performance.now()) : 0;
      t0 = Date.now();
      const t = performance.now();
      await fn();
      const ms = performance.now() - t;
      const busyAfter = await busy();
      const prof = cdp ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof topSelf>[0] }).profile : null;
      const trace = tracing ? await browser.stopTracing() : null;
      process.stdout.write(`\n${name}: ${ms.toFixed(0)} ms; renderer main thread busy until shown: ${Object.entries(busyAfter).map(([k, v]) => `${k} ${(v - (busyBefore[k] ?? 0)).toFixed(0)}`).join(', ')} ms\n`);
      if (trace) for (const l of traceSummary(trace, pageNow > 0 ? 0 : 0)) process.stdout.write(`  ${l}\n`);
      for (const c of calls.sort((a, b) => a.start - b.start)) process.stdout.write(`  ${c.start.toFixed(0).padStart(5)} → ${c.end.toFixed(0).padStart(5)} ms (server ${c.wait.toFixed(0)} ms)  ${c.op}\n`);
      if (prof) for (const l of topSelf(prof, 25)) process.stdout.write(`  ${l}\n`);
      if (prof) process.stdout.write('  inclusive:\n');
      if (prof) for (const l of topTotal(prof, Number(cliArg('top') ?? 70))) process.stdout.write(`  ${l}\n`);
    };
    for (const label of ['cold', 'warm']) {
      await page.evaluate(() => {
        (globalThis as unknown as Browser).location.hash = '#/overview';
      });
      await page.getByTestId('page-heading').waitFor();
      await page.waitForTimeout(300);
      let inPage = 0;
      await phase(`shown (${label})`, async () => {
        inPage = await timeShown(page, PERIOD);
      });
      process.stdout.write(`  timed in the page: ${inPage.toFixed(0)} ms; its calls: ${await pageCalls(page)}\n`);
      const cells = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
        return `${d.querySelectorAll('[data-testid=results-grid] .ag-center-cols-container .ag-row').length} rows, ${d.querySelectorAll('[data-testid=results-grid] .ag-cell').length} cells, ${d.querySelectorAll('[data-testid=results-grid] .ag-header-cell').length} header cells`;
      });
      process.stdout.write(`  in the grid: ${cells}\n`);
      const before = (await page.getByTestId('results-count').textContent()) ?? '';
      await page.waitForTimeout(label === 'cold' ? 1500 : 300);
      await phase(`search (${label})`, async () => {
        inPage = await timeSearch(page, 'JX0001', before);
      });
      process.stdout.write(`  timed in the page: ${inPage.toFixed(0)} ms; its calls: ${await pageCalls(page)}\n`);
      await page.getByTestId('results-search').locator('input').fill('');
      await page.waitForFunction((b) => (globalThis as unknown as Browser).document.querySelector('[data-testid=results-count]')?.textContent === b, before);
      if (label === 'warm' && cliArg('shot')) await page.screenshot({ path: cliArg('shot') ?? '' });
    }
  } finally {
    await browser.close();
    await host.close();
    store.close();
  }
}

async function main(): Promise<void> {
  const dir = path.resolve(cliArg('db') ?? '/tmp/rebate-screen-L');
  const db = await prepare(dir, (cliArg('size') ?? 'L') as WorkloadName);
  const runs = Number(cliArg('runs') ?? 1);
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`\n— run ${i + 1}: service calls, cold, in Node: ${JSON.stringify(serverTimes(db))}\n`);
    if (!process.argv.includes('--no-screen')) await screenRun(db, process.argv.includes('--profile'));
  }
  writeFileSync(path.join(dir, 'last-run.txt'), new Date().toISOString());
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
