import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate';
import { csvRecords, openCsv } from '../main/import/csv';
import { calculate } from '../main/services/calc';
import type { ServiceContext } from '../main/services/context';
import { runImports, type ImportRequest } from '../main/services/imports';
import { importPolicy } from '../main/services/policies';
import { Store } from '../main/services/store';
import { setupAdmin } from '../main/services/users';
import { measure, median, type BenchRow } from './measure';
import { WORKLOADS, type WorkloadName } from './workloads';

const PERIOD = '2026-03';

function requests(dir: string): ImportRequest[] {
  const files = readdirSync(dir).sort();
  const of = (prefix: string) => files.filter((f) => f.startsWith(prefix)).map((f) => ({ path: path.join(dir, f), name: f }));
  return [
    { kind: 'distributors', files: of('distributors') },
    { kind: 'purchases', period: PERIOD, files: of('purchases') },
    { kind: 'returns', period: PERIOD, files: of('returns') },
    { kind: 'promotions', period: PERIOD, files: of('promotions') },
    { kind: 'claims', period: PERIOD, files: of('claims') },
  ];
}

async function freshContext(dir: string): Promise<ServiceContext> {
  const store = new Store(path.join(mkdtempSync(path.join(dir, 'db-')), 'bench.sqlite'));
  const ctx: ServiceContext = { store, session: { user: null }, lang: 'zh-CN', host: 'test', now: () => new Date() };
  setupAdmin(ctx, { name: 'bench', password: 'bench-pass-1' });
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

export async function benchImportCalc(name: WorkloadName, runs: number, log: (s: string) => void = () => undefined): Promise<{ rows: BenchRow[]; ctx: ServiceContext; cleanup: () => void }> {
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

  const times: number[] = [];
  let importPeak = 0;
  let ctx: ServiceContext | null = null;
  for (let i = 0; i < runs; i++) {
    log(`[${name}] import ${i + 1}/${runs}`);
    ctx?.store.close();
    const c = await freshContext(root);
    const m = await measure(() => runImports(c, requests(dir)));
    const failed = m.result.find((r) => r.status !== 'imported');
    if (failed) throw new Error(`bench import failed: ${failed.kind} ${failed.message} ${failed.errors[0]?.message ?? ''}`);
    times.push(m.ms);
    importPeak = Math.max(importPeak, m.peakRssMb);
    ctx = c;
  }
  if (!ctx) throw new Error('no runs');
  const importMs = median(times);
  const floorMs = median(floor);
  out.push(
    { workload: name, measure: 'import month (all kinds, one transaction)', value: importMs / 1000, unit: 's', peakRssMb: importPeak, runs, target: name === 'L' ? '≤ 1.0× reader, ≤ 500 MB' : undefined },
    { workload: name, measure: 'import throughput', value: lines / (importMs / 1000), unit: 'rows/s', peakRssMb: null, runs },
    { workload: name, measure: 'ExcelJS streaming reader alone (floor)', value: floorMs / 1000, unit: 's', peakRssMb: floorPeak, runs },
    { workload: name, measure: 'import ÷ reader floor', value: importMs / floorMs, unit: '×', peakRssMb: null, runs, target: name === 'L' ? '≤ 1.0' : undefined },
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
    { workload: name, measure: 'calculate batch (aggregate + evaluate + store)', value: calcMs / 1000, unit: 's', peakRssMb: calcPeak, runs, target: name === 'L' ? '≤ 1.5 s' : undefined, note: 'includes the automatic backup' },
    { workload: name, measure: 'calculation throughput', value: distributors / (calcMs / 1000), unit: 'distributors/s', peakRssMb: null, runs },
  );
  return { rows: out, ctx, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
