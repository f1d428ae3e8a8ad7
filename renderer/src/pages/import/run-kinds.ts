import type { ImportKind } from '../../../../contract/ops/imports';
import { ApiError, call } from '../../api/client';
import { KIND_ORDER, type ImportFileState, type KindRun } from './types';

/** Groups files by kind (master data first, so new codes are known to the period data). */
export function groupByKind(files: ImportFileState[]): { kind: ImportKind; files: number[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, files: files.flatMap((f, i) => (f.kind === kind ? [i] : [])) })).filter((g) => g.files.length > 0);
}

/**
 * Runs one import (or dry run) per kind, one after the other, each its own transaction. Stops at the
 * first rejected kind when storing for real.
 */
export async function runKinds(
  files: ImportFileState[],
  period: string,
  options: { dryRun: boolean; replace: boolean },
  follow: (jobId: string) => Promise<{ status: string; report: KindRun['report']; error: string | null }>,
  onRun: (runs: KindRun[]) => void,
): Promise<KindRun[]> {
  const runs: KindRun[] = groupByKind(files).map((g) => ({ ...g, report: null, jobId: null, error: null }));
  onRun([...runs]);
  for (const run of runs) {
    const overrides: Record<string, { columns: Record<string, string | null> }> = {};
    run.files.forEach((fi, n) => {
      const f = files[fi];
      if (f && Object.keys(f.columns).length > 0) overrides[String(n)] = { columns: f.columns };
    });
    try {
      const { jobId } = await call('import.start', {
        kind: run.kind,
        ...(run.kind === 'distributors' ? {} : { period }),
        files: run.files.map((i) => files[i]!.staged),
        replace: options.replace,
        dryRun: options.dryRun,
        overrides,
      });
      run.jobId = jobId;
      onRun([...runs]);
      const done = await follow(jobId);
      run.report = done.report;
      run.error = done.error;
    } catch (e) {
      run.error = e instanceof ApiError ? e.message : String(e);
    }
    onRun([...runs]);
    if (!options.dryRun && (run.error || run.report?.status === 'rejected' || run.report?.status === 'cancelled')) break;
  }
  return runs;
}
