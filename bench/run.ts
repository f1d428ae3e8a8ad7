import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aggregatePeriod } from '../main/services/aggregate';
import { benchEvaluator } from './evaluator';
import { benchExports, exportChild } from './exports';
import { benchResultsScreen } from './screen';
import { benchImportCalc, importChild } from './import-calc';
import { formatTable, type BenchRow } from './measure';
import { benchStart } from './start';
import { benchTeamLoad, TEAM_LOAD, TEAM_LOAD_TINY, teamServerChild, type TeamLoadOptions } from './team-load';
import { cliArg, type WorkloadName } from './workloads';

export interface BenchOptions {
  sizes: WorkloadName[];
  runs: number;
  /** the export benchmark: distributors × formula columns (0 = skip) */
  exports?: { distributors: number; formulas: number };
  /** the sizes whose import is also run without the period-lock triggers and duplicate indexes (their cost) */
  levers?: WorkloadName[];
  /** the results screen in Chromium (needs the built renderer) */
  screen?: boolean;
  /** where the JSON goes (bench/results by default) */
  outDir: string;
  log?: (s: string) => void;
  /** the team server under load (team.md): 50 readers + 5 adjusters while an import runs */
  team?: 'full' | 'tiny';
  /** overrides of the team load's size and how the server runs (see TeamLoadOptions) */
  teamOptions?: Partial<TeamLoadOptions>;
  /** the start of a fresh CLI process (`rebate --help`), measured first */
  start?: boolean;
  /** extra sections (exports, the results screen) given the workload's database */
  extras?: ((name: WorkloadName, ctx: Awaited<ReturnType<typeof benchImportCalc>>['ctx']) => Promise<BenchRow[]>)[];
}

/** Runs the benchmarks of issue 8 and returns the rows; also writes them as JSON. */
export async function runBench(o: BenchOptions): Promise<{ rows: BenchRow[]; file: string }> {
  const rows: BenchRow[] = [];
  if (o.start) {
    o.log?.('[start] rebate --help');
    rows.push(...benchStart(o.runs));
  }
  for (const size of o.sizes) {
    const { rows: r, ctx, cleanup } = await benchImportCalc(size, o.runs, o.log, o.levers?.includes(size) ?? false);
    rows.push(...r);
    try {
      const inputs = aggregatePeriod(ctx.store.db, '2026-03').map((d) => d.inputs);
      rows.push(...(await benchEvaluator(size, inputs, o.runs)));
      if (o.screen) rows.push(...(await benchResultsScreen(size, ctx, '2026-03', o.runs)));
      for (const extra of o.extras ?? []) rows.push(...(await extra(size, ctx)));
    } finally {
      ctx.store.close();
      cleanup();
    }
  }
  if (o.exports && o.exports.distributors > 0) {
    o.log?.(`[exports] ${o.exports.distributors} distributors × ${o.exports.formulas} formulas`);
    rows.push(...(await benchExports(o.exports.distributors, o.exports.formulas)));
  }
  if (o.team) {
    o.log?.(`[team] server load (${o.team})`);
    rows.push(...(await benchTeamLoad({ ...(o.team === 'full' ? TEAM_LOAD : TEAM_LOAD_TINY), ...o.teamOptions, ...(o.log ? { log: o.log } : {}) })));
  }
  mkdirSync(o.outDir, { recursive: true });
  const file = path.join(o.outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, rows }, null, 2));
  return { rows, file };
}


/** `--team-distributors N` etc.: a team load of another size than team.md's (state it when reporting). */
function teamOverrides(): Partial<TeamLoadOptions> {
  const o: Partial<TeamLoadOptions> = {};
  const n = (name: string): number | undefined => {
    const v = cliArg(name);
    if (v === undefined) return undefined;
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} needs a positive whole number, not ${v}`);
    return x;
  };
  const map: [string, keyof TeamLoadOptions][] = [
    ['team-distributors', 'distributors'],
    ['team-month-rows', 'monthRows'],
    ['team-import-rows', 'importRows'],
    ['team-readers', 'readers'],
    ['team-adjusters', 'adjusters'],
    ['team-seconds', 'seconds'],
    ['team-think-ms', 'thinkMs'],
  ];
  for (const [flag, key] of map) {
    const v = n(flag);
    if (v !== undefined) (o as Record<string, number>)[key] = v;
  }
  return o;
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--import-child');
  if (child >= 0) {
    await importChild(process.argv[child + 1] ?? '', process.argv[child + 2] ?? '');
    return;
  }
  const exporting = process.argv.indexOf('--export-child');
  if (exporting >= 0) {
    await exportChild(process.argv[exporting + 1] ?? '', process.argv[exporting + 2] ?? '', process.argv[exporting + 3] ?? '');
    return;
  }
  if (process.argv.includes('--team-server-child')) {
    teamServerChild();
    return;
  }
  const teamOnly = process.argv.includes('--team-only');
  const team = process.argv.includes('--team') || teamOnly ? ((cliArg('team-size') ?? 'full') as 'full' | 'tiny') : undefined;
  const sizes = teamOnly ? [] : ((cliArg('sizes') ?? 'S,M,L').split(',').filter(Boolean) as WorkloadName[]);
  const runs = Number(cliArg('runs') ?? 3);
  const exportsSize = Number(cliArg('exports') ?? 10_000);
  const { rows, file } = await runBench({
    sizes,
    runs,
    outDir: path.resolve(cliArg('out') ?? 'bench/results'),
    log: (s) => process.stderr.write(`${s}\n`),
    exports: { distributors: teamOnly ? 0 : exportsSize, formulas: 30 },
    screen: cliArg('screen') !== 'off',
    start: !teamOnly && cliArg('start') !== 'off',
    // the import's safeguards costed at M by default (`--levers L`, `--levers off`)
    levers: cliArg('levers') === 'off' ? [] : ((cliArg('levers') ?? 'M').split(',').filter(Boolean) as WorkloadName[]),
    ...(team ? { team, teamOptions: { ...teamOverrides(), serverProcess: 'child' as const, ...(process.argv[1] ? { childScript: process.argv[1] } : {}) } } : {}),
  });
  process.stdout.write(`\n${formatTable(rows)}\n\nwritten to ${file}\n`);
}

if (process.argv[1] && /run\.m?js$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
