import { readFileSync } from 'node:fs';

/** Wall time and peak resident memory of a piece of work, sampled every 10 ms (threads included). */
export async function measure<T>(fn: () => Promise<T> | T): Promise<{ ms: number; peakRssMb: number; result: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const start = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, peakRssMb: peak / 1024 / 1024, result };
  } finally {
    clearInterval(timer);
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface BenchRow {
  workload: string;
  measure: string;
  value: number;
  unit: string;
  peakRssMb: number | null;
  runs: number;
  target?: string;
  note?: string;
}

export function formatTable(rows: BenchRow[]): string {
  const head = ['workload', 'measure', 'value', 'unit', 'peak RSS MB', 'runs', 'target', 'note'];
  const cells = rows.map((r) => [r.workload, r.measure, r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2), r.unit, r.peakRssMb === null ? '' : r.peakRssMb.toFixed(0), String(r.runs), r.target ?? '', r.note ?? '']);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(width[i] ?? 0)).join('  ');
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * The peak resident memory of this process so far (Linux: VmHWM, threads included, exact even while
 * the main thread is busy in a synchronous step), or null where /proc is not there.
 */
export function peakRssSoFarMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
