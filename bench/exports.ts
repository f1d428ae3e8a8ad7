import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compilePolicy, POLICY_FORMAT, type PolicyFile } from '../formulas';
import { batchTotals, createBatch, lineWriter, updateBatchAfterCalc } from '../main/db/batches-repo';
import { distributorWriters, insertImport } from '../main/db/import-repo';
import { writeApprovalWorkbook, writePosting, writeStatements } from '../main/services/exports';
import { moneyToCents } from '../domain';
import type { ServiceContext } from '../main/services/context';
import { importPolicy } from '../main/services/policies';
import { Store } from '../main/services/store';
import { decide, setChain, submit } from '../main/services/approvals';
import { addUser, authenticate, setupAdmin } from '../main/services/users';
import { measure, peakRssSoFarMb, type BenchRow } from './measure';

const PERIOD = '2026-03';
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const GRADES = ['A', 'B', 'C', 'D'];

/** A policy with `n` formulas (a chain of intermediate values, some rates), the last being `rebate`. */
function widePolicy(n: number): PolicyFile {
  const formulas = [{ name: 'f01', label: '指标01 基础率', expr: 'ladder(net, [0, 100000, 500000], [0.01, 0.02, 0.03])' }];
  for (let i = 2; i < n; i++) {
    const name = `f${String(i).padStart(2, '0')}`;
    const prev = `f${String(i - 1).padStart(2, '0')}`;
    formulas.push(i % 3 === 0 ? { name, label: `指标${String(i).padStart(2, '0')} 比率`, expr: `${prev} > 1 ? 0.015 : 0.01` } : { name, label: `指标${String(i).padStart(2, '0')} 金额`, expr: `net * f01 / ${i}` });
  }
  formulas.push({ name: 'rebate', label: '返利金额', expr: `net * f01 + promo_rate * 10 - returns * 0.001` });
  return { format: POLICY_FORMAT, code: 'WIDE', name: `${n} 个公式的政策`, priority: 1, effective_from: '2026-01', parameters: {}, formulas };
}

/**
 * A calculated batch of `size` distributors under a policy of `formulas` formulas, written straight
 * through the repositories (an import of that size is benchmarked elsewhere): the export's input.
 */
export async function syntheticBatchForBench(dir: string, size: number, formulas: number): Promise<ServiceContext> {
  return syntheticBatch(dir, size, formulas);
}

async function syntheticBatch(dir: string, size: number, formulas: number): Promise<ServiceContext> {
  const store = new Store(path.join(dir, 'bench.sqlite'));
  const ctx: ServiceContext = { store, session: { user: null }, lang: 'zh-CN', host: 'test', now: () => new Date() };
  await setupAdmin(ctx, { name: 'bench', password: 'bench-pass-1' });
  const policy = widePolicy(formulas);
  importPolicy(ctx, { content: JSON.stringify(policy) });
  const compiled = compilePolicy(policy);
  if (!compiled.ok) throw new Error('bench policy does not compile');
  const db = store.db;
  const at = new Date().toISOString();
  db.transaction(() => {
    const importId = insertImport(db, { kind: 'distributors', period: null, mode: 'add', createdBy: 'bench', createdAt: at });
    const dist = distributorWriters(db);
    const batchId = createBatch(db, { period: PERIOD, by: 'bench', at });
    const write = lineWriter(db);
    for (let i = 0; i < size; i++) {
      const code = `D${String(i + 1).padStart(6, '0')}`;
      const d = { code, name: `经销商${i + 1}号商贸有限公司`, region: REGIONS[i % REGIONS.length] ?? '华东', province: '某省', city: '某市', grade: GRADES[i % GRADES.length] ?? 'A', status: 'active' as const };
      dist.insert({ ...d, updated_at: at, import_id: importId });
      const purchase = 50_000 + ((i * 7919) % 900_000);
      const returns = (i * 31) % 20_000;
      const inputs = { purchase: `${purchase}.00`, returns: `${returns}.00`, net: `${purchase - returns}.00`, return_rate: String(returns / purchase), promo_rate: String((i % 15) / 10), grade: d.grade, region: d.region, province: d.province };
      const r = compiled.evaluate(inputs);
      if (!r.ok) throw new Error(`bench evaluation failed for ${code}`);
      const rebate = moneyToCents(r.rebate);
      write({ batch_id: batchId, code, name: d.name, region: d.region, province: d.province, grade: d.grade, status: 'active', policy_code: 'WIDE', policy_version: 1, inputs_json: JSON.stringify(inputs), values_json: JSON.stringify(r.values), rebate_cents: rebate, adjustment_cents: 0n, final_cents: rebate, exception: null, exception_detail: null });
    }
    updateBatchAfterCalc(db, { id: batchId, by: 'bench', at, policiesJson: JSON.stringify([{ code: 'WIDE', version: 1 }]), diffJson: '{}', hash: 'bench', totals: batchTotals(db, batchId) });
  })();
  return ctx;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const EXPORTS = {
  approval: (ctx: ServiceContext, out: string) => writeApprovalWorkbook(ctx, PERIOD, out),
  'statements-workbook': (ctx: ServiceContext, out: string) => writeStatements(ctx, PERIOD, 'workbook', out),
  'statements-files': (ctx: ServiceContext, out: string) => writeStatements(ctx, PERIOD, 'files', out),
  posting: (ctx: ServiceContext, out: string) => writePosting(ctx, PERIOD, 'csv', out),
};
type ExportKind = keyof typeof EXPORTS;
/** seconds and peak of one export, and the process's resident size when it started (the bench bundle, the database open) */
type ExportMeasured = { ms: number; peakRssMb: number; startRssMb: number };

/** The bench's database in `dir` with its administrator signed in. */
async function openBench(dir: string): Promise<ServiceContext> {
  const store = new Store(path.join(dir, 'bench.sqlite'));
  const ctx: ServiceContext = { store, session: { user: null }, lang: 'zh-CN', host: 'test', now: () => new Date() };
  ctx.session.user = await authenticate(ctx, 'bench', 'bench-pass-1');
  return ctx;
}

/**
 * `run.mjs --export-child KIND DIR OUT`: one export of the batch in DIR, answering {ms, peakRssMb,
 * startRssMb} as JSON. The peak is the process's own high-water mark (VmHWM: worker threads and
 * the store's synchronous reads included), so it is what a process doing that export alone needs.
 */
export async function exportChild(kind: string, dir: string, out: string): Promise<void> {
  if (!(kind in EXPORTS)) throw new Error(`unknown export ${kind}`);
  const ctx = await openBench(dir);
  try {
    const startRssMb = process.memoryUsage.rss() / 1024 / 1024;
    const m = await measure(() => EXPORTS[kind as ExportKind](ctx, out));
    process.stdout.write(`${JSON.stringify({ ms: m.ms, peakRssMb: Math.max(m.peakRssMb, peakRssSoFarMb() ?? 0), startRssMb })}\n`);
  } finally {
    ctx.store.close();
  }
}

/** One export in a process of its own (the built bench); under the test runner, here (no built bench to start). */
async function exportInChild(kind: ExportKind, dir: string, out: string): Promise<ExportMeasured> {
  const script = process.argv[1];
  if (!script || !/run\.m?js$/.test(script)) {
    const ctx = await openBench(dir);
    try {
      const startRssMb = process.memoryUsage.rss() / 1024 / 1024;
      return { ...(await measure(() => EXPORTS[kind](ctx, out))), startRssMb };
    } finally {
      ctx.store.close();
    }
  }
  const child = spawn(process.execPath, [script, '--export-child', kind, dir, out], { stdio: ['ignore', 'pipe', 'inherit'] });
  let answer = '';
  child.stdout.on('data', (d: Buffer) => (answer += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
  const line = answer.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`export child (${kind}) exited ${code}: ${answer}`);
  return JSON.parse(line) as ExportMeasured;
}

/**
 * The exports at scale (issue 7, issue 15's statements target): the approval workbook, the
 * statements (one workbook with a sheet each, and a folder of workbooks) and the posting CSV for
 * `size` distributors × `formulas` formula columns. Each export runs in a process of its own on the
 * same database, so its peak is its own, not the bench process's (which holds the month it measured
 * before); seconds and that peak per export.
 */
export async function benchExports(size = 10_000, formulas = 30): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-bench-exports-'));
  const workload = `${size} × ${formulas} formulas`;
  const rows: BenchRow[] = [];
  const run = async (kind: ExportKind, measureName: string, out: string, note: () => string, target: string): Promise<void> => {
    const r = await exportInChild(kind, dir, out);
    rows.push({ workload, measure: measureName, value: r.ms / 1000, unit: 's', peakRssMb: r.peakRssMb, runs: 1, note: `${note()}; a process of its own (peak: VmHWM), ${r.startRssMb.toFixed(0)} MB before the export`, target });
  };
  const ctx = await syntheticBatch(dir, size, formulas);
  try {
    const approval = path.join(dir, 'approval.xlsx');
    await run('approval', 'export approval workbook', approval, () => mb(statSync(approval).size), '≤ 500 MB');
    const book = path.join(dir, 'statements.xlsx');
    await run('statements-workbook', 'export statements (one workbook)', book, () => `${size} sheets, ${mb(statSync(book).size)}`, '≤ 10 s, ≤ 500 MB');
    const folder = path.join(dir, 'statements');
    await run('statements-files', 'export statements (a workbook each)', folder, () => `${readdirSync(folder).length} files`, '≤ 10 s, ≤ 500 MB');
    // the posting file needs an approved batch, and only the approval chain approves one
    await addUser(ctx, { name: 'approver', password: 'approver-pass-1', roles: ['approver'] });
    setChain(ctx, { levels: [{ name: '财务审批', approvers: ['approver'] }] });
    await submit(ctx, { period: PERIOD });
    const approver: ServiceContext = { ...ctx, session: { user: null } };
    approver.session.user = await authenticate(approver, 'approver', 'approver-pass-1');
    await decide(approver, { period: PERIOD, decision: 'approve' });
    const csv = path.join(dir, 'posting.csv');
    await run('posting', 'export posting file (CSV)', csv, () => mb(statSync(csv).size), '≤ 500 MB');
    return rows;
  } finally {
    ctx.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
