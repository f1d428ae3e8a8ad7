import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate';
import { csvRecords, openCsv } from '../main/import/csv';
import { readXlsxFast } from '../main/import/readers/fast-xlsx';
import { writeApprovalWorkbook } from '../main/services/exports';
import { reconcile } from '../main/services/reconcile';
import { calculate } from '../main/services/calc';
import type { ServiceContext } from '../main/services/context';
import { runImports } from '../main/services/imports';
import { importPolicy } from '../main/services/policies';
import { Store } from '../main/services/store';
import { setupAdmin } from '../main/services/users';
import { measure, median, peakRssSoFarMb, type BenchRow } from './measure';
import { BENCH_PERIOD, benchContext, monthImports, WORKLOADS, type WorkloadName } from './workloads';

const PERIOD = BENCH_PERIOD;

async function freshContext(dir: string): Promise<ServiceContext> {
  const store = new Store(path.join(mkdtempSync(path.join(dir, 'db-')), 'bench.sqlite'));
  const ctx = benchContext(store);
  await setupAdmin(ctx, { name: 'bench', password: 'bench-pass-1' });
  return ctx;
}

/** ExcelJS's streaming reader alone over the same files (and the CSV decoded and split): the floor. */
async function readerFloor(dir: string): Promise<number> {
  let rows = 0;
  for (const f of readdirSync(dir).sort()) {
    const file = path.join(dir, f);
    if (f.endsWith('.xlsx')) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
      for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<{ values: unknown }>>) for await (const row of ws) if (row.values) rows++;
    } else if (f.endsWith('.csv')) {
      const opened = openCsv(readFileSync(file));
      if (opened.ok) for (const _r of csvRecords(opened.text, opened.separator)) rows++;
    }
  }
  return rows;
}

/** Our own reader alone over the same files (what the import's parsing workers run). */
async function ourReader(dir: string): Promise<number> {
  let rows = 0;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.xlsx')) continue;
    for await (const e of readXlsxFast(path.join(dir, f))) if (e.type === 'row') rows++;
  }
  return rows;
}

/** `run.mjs --import-child DIR DB`: the month's import into DB, answering {ms, peakRssMb} as JSON. */
export async function importChild(dir: string, dbFile: string): Promise<void> {
  const store = new Store(dbFile);
  const ctx = benchContext(store);
  try {
    const m = await measure(() => runImports(ctx, monthImports(dir, PERIOD)));
    const failed = m.result.find((r) => r.status !== 'imported');
    if (failed) throw new Error(`bench import failed: ${failed.kind} ${failed.message} ${failed.errors[0]?.message ?? ''}`);
    // VmHWM: the exact peak, also during the store's synchronous transaction (the sampler cannot run then)
    process.stdout.write(`${JSON.stringify({ ms: m.ms, peakRssMb: Math.max(m.peakRssMb, peakRssSoFarMb() ?? 0) })}\n`);
  } finally {
    store.close();
  }
}

async function importInChild(dir: string, dbFile: string): Promise<{ ms: number; peakRssMb: number }> {
  const script = process.argv[1];
  // under the test runner (bench.test.ts) there is no built bench to start: the import runs here
  if (!script || !/run\.m?js$/.test(script)) {
    const store = new Store(dbFile);
    try {
      const m = await measure(() => runImports(benchContext(store), monthImports(dir, PERIOD)));
      const failed = m.result.find((r) => r.status !== 'imported');
      if (failed) throw new Error(`bench import failed: ${failed.kind} ${failed.message} ${failed.errors[0]?.message ?? ''}`);
      return { ms: m.ms, peakRssMb: m.peakRssMb };
    } finally {
      store.close();
    }
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--import-child', dir, dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`bench import child exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as { ms: number; peakRssMb: number });
    });
  });
}

/** What a lever removes from a fresh database before the import (issue 15: cost the duplicate check and the period lock). */
const LEVERS = {
  'period-lock triggers': 'DROP TRIGGER purchases_period_locked; DROP TRIGGER returns_period_locked; DROP TRIGGER promotions_period_locked; DROP TRIGGER claims_period_locked;',
  'duplicate indexes': 'DROP INDEX purchases_dup; DROP INDEX returns_dup;',
} as const;

/**
 * The cost of the import's safeguards: the month imported, in turn, as is, without the period-lock
 * triggers (a lookup of the period's batch for every stored row) and without the stored tables'
 * duplicate indexes (kept up to date for every stored row; the check against earlier imports joins
 * on them). Only measured: the product keeps both. Paired runs, medians; the duplicate check within
 * the import (the staging file's own unique index) stays in all three.
 */
async function leverRows(name: WorkloadName, root: string, dir: string, runs: number, log: (s: string) => void): Promise<BenchRow[]> {
  const times: Record<'as is' | keyof typeof LEVERS, number[]> = { 'as is': [], 'period-lock triggers': [], 'duplicate indexes': [] };
  for (let i = 0; i < runs; i++) {
    for (const lever of Object.keys(times) as (keyof typeof times)[]) {
      log(`[${name}] import ${lever === 'as is' ? 'as is' : `without the ${lever}`} ${i + 1}/${runs}`);
      const c = await freshContext(root);
      if (lever !== 'as is') c.store.db.exec(LEVERS[lever]);
      const dbFile = c.store.path;
      c.store.close();
      times[lever].push((await importInChild(dir, dbFile)).ms);
      rmSync(path.dirname(dbFile), { recursive: true, force: true });
    }
  }
  const base = median(times['as is']);
  return (Object.keys(LEVERS) as (keyof typeof LEVERS)[]).map((lever) => {
    const ms = median(times[lever]);
    const cost = base - ms;
    return { workload: name, measure: `import without the ${lever} (measure only)`, value: ms / 1000, unit: 's', peakRssMb: null, runs, note: `they cost ${(cost / 1000).toFixed(2)} s (${((cost / base) * 100).toFixed(0)} %) of ${(base / 1000).toFixed(2)} s as is, paired runs` };
  });
}

export async function benchImportCalc(name: WorkloadName, runs: number, log: (s: string) => void = () => undefined, levers = false): Promise<{ rows: BenchRow[]; ctx: ServiceContext; cleanup: () => void }> {
  const root = mkdtempSync(path.join(tmpdir(), `rebate-bench-${name}-`));
  const dir = path.join(root, 'files');
  log(`[${name}] generating the month…`);
  const gen = await measure(() => generateDemo({ ...WORKLOADS[name], out: dir, period: PERIOD, seed: 42 }));
  const s = gen.result;
  const lines = s.purchaseRows + s.returnRows + s.promotionRows + s.claimRows + s.distributors;
  const out: BenchRow[] = [{ workload: name, measure: 'generate demo files', value: gen.ms / 1000, unit: 's', peakRssMb: gen.peakRssMb, runs: 1, note: `${s.files.length} files, ${lines} rows` }];

  const floor: number[] = [];
  let floorPeak = 0;
  for (let i = 0; i < runs; i++) {
    log(`[${name}] reader floor ${i + 1}/${runs}`);
    const m = await measure(() => readerFloor(dir));
    floor.push(m.ms);
    floorPeak = Math.max(floorPeak, m.peakRssMb);
  }

  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`[${name}] our reader ${i + 1}/${runs}`);
    ours.push((await measure(() => ourReader(dir))).ms);
  }

  const times: number[] = [];
  let importPeak = 0;
  let ctx: ServiceContext | null = null;
  for (let i = 0; i < runs; i++) {
    log(`[${name}] import ${i + 1}/${runs}`);
    ctx?.store.close();
    const c = await freshContext(root);
    const dbFile = c.store.path;
    c.store.close();
    // in a process of its own, as `rebate import` runs it: its peak memory is the import's, not what
    // this process kept from generating the files and running the readers above
    const m = await importInChild(dir, dbFile);
    times.push(m.ms);
    importPeak = Math.max(importPeak, m.peakRssMb);
    ctx = { ...c, store: new Store(dbFile) };
  }
  if (!ctx) throw new Error('no runs');
  const leverOut = levers ? await leverRows(name, root, dir, runs, log) : [];
  const importMs = median(times);
  const floorMs = median(floor);
  out.push(
    { workload: name, measure: 'import month (all kinds, one transaction)', value: importMs / 1000, unit: 's', peakRssMb: importPeak, runs, target: name === 'L' ? '≤ 1.0× reader, ≤ 500 MB' : undefined, note: 'in a process of its own (peak: VmHWM)' },
    { workload: name, measure: 'import throughput', value: lines / (importMs / 1000), unit: 'rows/s', peakRssMb: null, runs },
    { workload: name, measure: 'ExcelJS streaming reader alone (floor)', value: floorMs / 1000, unit: 's', peakRssMb: floorPeak, runs },
    { workload: name, measure: 'import ÷ reader floor', value: importMs / floorMs, unit: '×', peakRssMb: null, runs, target: name === 'L' ? '≤ 1.0' : undefined },
    { workload: name, measure: 'our xlsx reader alone (workbooks only)', value: median(ours) / 1000, unit: 's', peakRssMb: null, runs, note: `${(floorMs / median(ours)).toFixed(1)}× faster than ExcelJS's (floor incl. CSV)` },
    ...leverOut,
  );

  const dirPolicies = readdirSync(dir).filter((f) => f.startsWith('policy-'));
  for (const f of dirPolicies) importPolicy(ctx, { content: readFileSync(path.join(dir, f), 'utf8'), fileName: f });
  const calcTimes: number[] = [];
  let calcPeak = 0;
  let distributors = 0;
  for (let i = 0; i < runs; i++) {
    log(`[${name}] calculate ${i + 1}/${runs}`);
    const m = await measure(() => calculate(ctx, PERIOD));
    calcTimes.push(m.ms);
    calcPeak = Math.max(calcPeak, m.peakRssMb);
    distributors = m.result.distributors;
  }
  const calcMs = median(calcTimes);
  out.push(
    { workload: name, measure: 'calculate batch (aggregate + evaluate + store)', value: calcMs / 1000, unit: 's', peakRssMb: calcPeak, runs, target: name === 'L' ? '≤ 1.0 s incl. backup' : undefined, note: 'includes the automatic backup' },
    { workload: name, measure: 'calculation throughput', value: distributors / (calcMs / 1000), unit: 'distributors/s', peakRssMb: null, runs },
  );

  const recon: number[] = [];
  for (let i = 0; i < runs; i++) recon.push((await measure(() => reconcile(ctx, PERIOD))).ms);
  out.push({ workload: name, measure: `对账 (reconciliation) first load, ${distributors} distributors`, value: median(recon), unit: 'ms', peakRssMb: null, runs, target: name === 'L' ? '≤ 1000 ms at 5,000' : undefined });

  const books: number[] = [];
  let bookPeak = 0;
  for (let i = 0; i < runs; i++) {
    log(`[${name}] approval workbook ${i + 1}/${runs}`);
    const m = await measure(() => writeApprovalWorkbook(ctx, PERIOD, path.join(root, `approval-${i}.xlsx`)));
    books.push(m.ms);
    bookPeak = Math.max(bookPeak, m.peakRssMb);
  }
  const bookMs = median(books);
  out.push(
    { workload: name, measure: 'approval workbook (this month)', value: bookMs / 1000, unit: 's', peakRssMb: bookPeak, runs },
    { workload: name, measure: 'whole month: import + calculation + approval workbook', value: (importMs + calcMs + bookMs) / 1000, unit: 's', peakRssMb: Math.max(importPeak, calcPeak, bookPeak), runs, target: name === 'L' ? '≤ 10 s' : undefined, note: 'sum of the medians above' },
  );
  return { rows: out, ctx, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
