// Profiling driver (not part of `npm run bench`): the server's view of an import — a month of N
// distributors is imported, then an import of M purchase lines runs into the next period while a
// 5 ms timer watches the event loop; every gap over 40 ms is printed with what was running (the
// import's phase). Finds what keeps a team server from answering during an import:
//   node scripts/profile-import.mjs --entry profile-stall [--distributors 5000 --month-rows 50000 --next-rows 150000] [--cpu-prof]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate';
import type { ServiceContext } from '../main/services/context';
import { runImports } from '../main/services/imports';
import { Store } from '../main/services/store';
import { setupAdmin } from '../main/services/users';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const distributors = arg('distributors', 5000);
  const root = mkdtempSync(path.join(tmpdir(), 'rebate-stall-'));
  try {
    const month = path.join(root, 'month');
    const next = path.join(root, 'next');
    await generateDemo({ distributors, purchaseRows: arg('month-rows', 50_000), purchaseFiles: 2, out: month, period: '2026-03', seed: 7 });
    await generateDemo({ distributors, purchaseRows: arg('next-rows', 150_000), purchaseFiles: 2, out: next, period: '2026-04', seed: 8 });
    const store = new Store(path.join(root, 'team.sqlite'));
    const ctx: ServiceContext = { store, session: { user: null }, lang: 'en', host: 'test', now: () => new Date() };
    await setupAdmin(ctx, { name: 'admin', password: 'admin-pass-1' });
    const of = (dir: string, prefix: string) => readdirSync(dir).filter((f) => f.startsWith(prefix)).sort().map((f) => ({ path: path.join(dir, f), name: f }));
    await runImports(ctx, [
      { kind: 'distributors', files: of(month, 'distributors') },
      { kind: 'purchases', period: '2026-03', files: of(month, 'purchases') },
    ]);
    let phase = 'start';
    const t0 = performance.now();
    let last = t0;
    const where = (): string => phase;
    let from = where();
    const gaps: string[] = [];
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const gap = now - last - 5;
      const to = where();
      if (gap > 40) gaps.push(`${((last - t0) / 1000).toFixed(2)}s +${gap.toFixed(0)} ms: from ${from} to ${to}`);
      from = to;
      longest = Math.max(longest, gap);
      last = now;
    }, 5);
    const [report] = await runImports(ctx, [{ kind: 'purchases', period: '2026-04', files: of(next, 'purchases') }], (p) => (phase = `parsing ${p.file} ${p.rows}`));
    phase = 'done';
    await new Promise((r) => setTimeout(r, 50));
    clearInterval(timer);
    process.stdout.write(`import ${report?.status} ${report?.rows} rows in ${((performance.now() - t0) / 1000).toFixed(2)} s; longest event-loop gap ${longest.toFixed(0)} ms\n${gaps.join('\n')}\n`);
    store.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
