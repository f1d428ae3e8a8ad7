import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { median, type BenchRow } from './measure';

const GNU_TIME = '/usr/bin/time';

/**
 * How long a process of ours takes to start: `rebate --help` (the CLI loads every command, the
 * services and the formula language, then prints) in a fresh Node process each run: wall time, and
 * its own peak resident memory where GNU time is there to report it.
 */
export function benchStart(runs: number): BenchRow[] {
  const cli = path.resolve('bin', 'rebate.mjs');
  const timed = existsSync(GNU_TIME);
  const times: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    const start = performance.now();
    const r = timed
      ? spawnSync(GNU_TIME, ['-f', '%M', process.execPath, cli, '--help'], { encoding: 'utf8', timeout: 60_000 })
      : spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', timeout: 60_000 });
    times.push(performance.now() - start);
    if (r.error || r.status !== 0) throw new Error(`rebate --help failed: ${r.error?.message ?? r.stderr}`);
    const kb = timed ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : NaN;
    if (Number.isFinite(kb)) peaks.push(kb / 1024);
  }
  return [
    {
      workload: 'start',
      measure: 'CLI start: rebate --help in a fresh process',
      value: median(times),
      unit: 'ms',
      peakRssMb: peaks.length ? median(peaks) : null,
      runs: times.length,
      note: 'loads every command, the services and the formula language',
    },
  ];
}
