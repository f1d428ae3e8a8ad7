import type { ImportJobView, ImportKind } from '../../../../contract/ops/imports';
import { call } from '../../api/client';
import { errorText } from '../../api/use-load';
import { KIND_ORDER, type ImportFileState, type KindRun } from './types';

/** Groups files by kind (master data first, so new codes are known to the period data). */
export function groupByKind(files: ImportFileState[]): { kind: ImportKind; files: number[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, files: files.flatMap((f, i) => (f.kind === kind ? [i] : [])) })).filter((g) => g.files.length > 0);
}

/**
 * Runs all kinds as ONE import (one transaction: everything lands or nothing does), or validates
 * them all without storing (dry run), and returns one run per kind.
 */
export async function runKinds(
  files: ImportFileState[],
  period: string,
  options: { dryRun: boolean; replace: boolean },
  follow: (jobId: string) => Promise<ImportJobView>,
  onRun: (runs: KindRun[]) => void,
): Promise<KindRun[]> {
  const groups = groupByKind(files);
  const runs: KindRun[] = groups.map((g) => ({ ...g, report: null, jobId: null, error: null }));
  onRun([...runs]);
  try {
    const { jobId } = await call('import.start', {
      imports: groups.map((g) => {
        const overrides: Record<string, { columns: Record<string, string | null> }> = {};
        g.files.forEach((fi, n) => {
          const f = files[fi];
          if (f && Object.keys(f.columns).length > 0) overrides[String(n)] = { columns: f.columns };
        });
        return {
          kind: g.kind,
          ...(g.kind === 'distributors' ? {} : { period }),
          files: g.files.map((i) => files[i]!.staged),
          replace: options.replace,
          dryRun: options.dryRun,
          overrides,
        };
      }),
    });
    for (const r of runs) r.jobId = jobId;
    onRun([...runs]);
    const done = await follow(jobId);
    for (const r of runs) {
      r.report = done.reports?.find((x) => x.kind === r.kind) ?? null;
      r.error = done.error;
    }
  } catch (e) {
    const message = errorText(e);
    for (const r of runs) r.error = message;
  }
  onRun([...runs]);
  return runs;
}
