import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CASES } from './cases/index';
import { makeHostileCorpus } from './cases/hostile';
import { makeSharedMonth } from './cases/kill';
import { childResult, ROOT, tempDir, type CaseReport } from './kit';

/**
 * `npm run test:reliability [-- --quick] [-- --scale N] [-- --only TEXT] [-- --keep]`: runs every
 * case (kill -9 loops, hostile files, tampering, concurrency, …) and prints one table: test, tried,
 * held, failed. The default is the counts (about 2½ minutes on the 2-core build machine; it
 * is part of `npm test`); `--quick` (or REBATE_RELIABILITY=quick) a smaller set for development,
 * `--scale N` (REBATE_RELIABILITY_SCALE) multiplies either. `--full` is accepted (the default).
 * Exits 1 when any attempt failed.
 */
const argv = process.argv.slice(2);
process.env['REBATE_IMPORT_WORKER'] ??= path.join(ROOT, 'out', 'node', 'import-worker.mjs');
// The runner's children (kit builtInChild): what they build is not counted in the runner's memory.
if (argv[0] === '--make-hostile' || argv[0] === '--make-month') {
  const dir = argv[1] ?? '.';
  const built = argv[0] === '--make-hostile' ? makeHostileCorpus(dir, argv[2] === 'full') : await makeSharedMonth(dir);
  writeFileSync(childResult(argv[0], dir), JSON.stringify(built));
  process.exit(0);
}
const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const full = !(argv.includes('--quick') || process.env['REBATE_RELIABILITY'] === 'quick');
const scale = Math.max(1, Math.min(100, Number(option('--scale') ?? process.env['REBATE_RELIABILITY_SCALE'] ?? 1) || 1));
const keep = argv.includes('--keep');
const only = option('--only') ?? '';

const base = tempDir('run');
process.env['REBATE_CONFIG_DIR'] ??= path.join(base, 'config');
const rows: { name: string; report: CaseReport; ms: number }[] = [];
const started = Date.now();
let n = 0;
for (const c of CASES) {
  if (only && !c.name.includes(only)) continue;
  const dir = path.join(base, `case-${++n}`);
  mkdirSync(dir, { recursive: true });
  const report: CaseReport = { tried: 0, held: 0, failed: 0, notes: [] };
  const t0 = Date.now();
  process.stdout.write(`… ${c.name}\n`);
  try {
    await c.run({
      tries: Math.round((full ? c.tries.full : c.tries.quick) * scale),
      full,
      dir,
      root: ROOT,
      attempt(failure) {
        report.tried++;
        if (failure) {
          report.failed++;
          if (report.notes.length < 5) report.notes.push(failure);
        } else report.held++;
      },
      log: (msg) => process.stdout.write(`    ${msg}\n`),
    });
  } catch (e) {
    report.tried++;
    report.failed++;
    report.notes.push(`the case itself failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  rows.push({ name: c.name, report, ms: Date.now() - t0 });
  for (const note of report.notes) process.stdout.write(`    ✗ ${note}\n`);
}

const head = ['test', 'tried', 'held', 'failed', 'seconds'];
const cells = rows.map((r) => [r.name, String(r.report.tried), String(r.report.held), String(r.report.failed), (r.ms / 1000).toFixed(1)]);
const total = rows.reduce((a, r) => ({ tried: a.tried + r.report.tried, held: a.held + r.report.held, failed: a.failed + r.report.failed }), { tried: 0, held: 0, failed: 0 });
cells.push(['total', String(total.tried), String(total.held), String(total.failed), ((Date.now() - started) / 1000).toFixed(1)]);
const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
const line = (c: string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(width[i] ?? 0) : x.padStart(width[i] ?? 0))).join('  ');
process.stdout.write(`\n${[line(head), line(width.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`);
if (!keep) rmSync(base, { recursive: true, force: true });
else process.stdout.write(`kept: ${base}\n`);
process.exit(total.failed > 0 || total.tried === 0 ? 1 : 0);
