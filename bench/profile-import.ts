// Profiling driver (not part of `npm run bench`): generates a workload once into a folder (kept),
// then imports it into a fresh database, printing wall time and peak RSS. Run under
// `node --cpu-prof` to see where an import's time goes:
//   node scripts/profile-import.mjs --size M --dir /tmp/files-M [--cpu-prof]
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate';
import { runImports } from '../main/services/imports';
import { calculate } from '../main/services/calc';
import { create as backup } from '../main/services/backups';
import { importPolicy } from '../main/services/policies';
import { Store } from '../main/services/store';
import { setupAdmin } from '../main/services/users';
import { measure, peakRssSoFarMb } from './measure';
import { benchContext, cliArg, monthImports, WORKLOADS, type WorkloadName } from './workloads';

const PERIOD = '2026-03';

/** CPU seconds of each thread of this process (Linux /proc), the most seen per thread id: workers end before the import does. */
const threadCpu = new Map<string, { name: string; s: number }>();
function sampleThreads(): void {
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      const s = (Number(f[11]) + Number(f[12])) / 100;
      if (s >= 0.05 && s > (threadCpu.get(tid)?.s ?? 0)) threadCpu.set(tid, { name, s });
    }
  } catch {
    // not Linux: no per-thread figures
  }
}

async function main(): Promise<void> {
  const size = (cliArg('size') ?? 'M') as WorkloadName;
  const dir = path.resolve(cliArg('dir') ?? `/tmp/rebate-files-${size}`);
  if (!existsSync(dir)) await generateDemo({ ...WORKLOADS[size], out: dir, period: PERIOD, seed: 42 });
  const requests = monthImports(dir, PERIOD);
  const fromDb = cliArg('from-db');
  const dbFile = path.join(mkdtempSync(path.join(path.dirname(dir), 'db-')), 'profile.sqlite');
  // --from-db FILE: start from a database imported earlier (saved with --keep-db), skipping the import
  if (fromDb) copyFileSync(fromDb, dbFile);
  const store = new Store(dbFile);
  const ctx = benchContext(store);
  if (!fromDb) {
    await setupAdmin(ctx, { name: 'bench', password: 'bench-pass-1' });
    // an RSS timeline (every 250 ms: resident MB, main heap MB, the file being read) to see where the peak is
    let phase = 'start';
    const t0 = performance.now();
    const timeline: string[] = [];
    const sampler = setInterval(() => {
      const u = process.memoryUsage();
      timeline.push(`${((performance.now() - t0) / 1000).toFixed(2)}s rss ${(u.rss / 1048576).toFixed(0)} heap ${(u.heapUsed / 1048576).toFixed(0)} ext ${(u.external / 1048576).toFixed(0)} ${phase}`);
      sampleThreads();
    }, 250);
    sampleThreads();
    const before = new Map([...threadCpu].map(([tid, t]) => [tid, t.s]));
    const cpu0 = process.cpuUsage();
    const m = await measure(() => runImports(ctx, requests, (p) => (phase = `${p.fileIndex + 1}/${p.files} ${p.file} ${p.rows}`)));
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    sampleThreads();
    if (process.argv.includes('--timeline')) process.stdout.write(`${timeline.join('\n')}\n`);
    const bad = m.result.find((r) => r.status !== 'imported');
    if (bad) throw new Error(`import ${bad.kind}: ${bad.status} ${bad.errors[0]?.message ?? ''}`);
    process.stdout.write(`${size}: CPU per thread (s, sampled every 250 ms): ${[...threadCpu].map(([tid, t]) => `${t.name}#${tid} ${(t.s - (before.get(tid) ?? 0)).toFixed(2)}`).join(', ')}\n`);
    process.stdout.write(`${size}: import ${(m.ms / 1000).toFixed(2)} s, peak ${m.peakRssMb.toFixed(0)} MB (VmHWM ${peakRssSoFarMb()?.toFixed(0) ?? '?'} MB), rows ${m.result.reduce((s, r) => s + r.rows, 0)}, CPU of all threads ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s\n`);
    for (const f of readdirSync(dir).filter((x) => x.startsWith('policy-')).sort()) importPolicy(ctx, { content: readFileSync(path.join(dir, f), 'utf8'), fileName: f });
    const keep = cliArg('keep-db');
    if (keep) await store.db.backup(keep);
  }
  // --calc N: then calculate N times (and time one backup alone), to profile the calculation
  const calcs = Number(cliArg('calc') ?? 0);
  if (calcs > 0) {
    for (let i = 0; i < calcs; i++) {
      const c = await measure(() => calculate(ctx, PERIOD));
      process.stdout.write(`${size}: calculate ${(c.ms / 1000).toFixed(2)} s (${c.result.distributors} distributors, total ${c.result.total}), peak ${c.peakRssMb.toFixed(0)} MB\n`);
    }
    const b = await measure(() => backup(ctx, 'profile'));
    process.stdout.write(`${size}: one backup alone ${(b.ms / 1000).toFixed(2)} s (${(b.result.bytes / 1e6).toFixed(0)} MB)\n`);
  }
  store.close();
}
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
