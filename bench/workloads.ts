import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DemoOptions } from '../main/demo/generate';
import type { ServiceContext } from '../main/services/context';
import type { ImportRequest } from '../main/services/imports';
import type { Store } from '../main/services/store';

export type WorkloadName = 'tiny' | 'S' | 'M' | 'L' | 'XL';

/** The sizes of issue 8 (XL: issue 3's million lines): S 500/20k, M 2,000/150k, L 5,000/500k over 10 workbooks, 50k returns, 8k promotions, 5k claims. */
export const WORKLOADS: Record<WorkloadName, Omit<DemoOptions, 'out' | 'period' | 'seed'>> = {
  tiny: { distributors: 40, purchaseRows: 600, purchaseFiles: 2 },
  S: { distributors: 500, purchaseRows: 20_000, purchaseFiles: 2 },
  M: { distributors: 2_000, purchaseRows: 150_000, purchaseFiles: 4 },
  L: { distributors: 5_000, purchaseRows: 500_000, purchaseFiles: 10, returnRows: 50_000, promotionRows: 8_000, claimShare: 1 },
  /** the import issue's 1,000,000 purchase lines (not in the default run: `--sizes XL`) */
  XL: { distributors: 8_000, purchaseRows: 1_000_000, purchaseFiles: 10, returnRows: 50_000, promotionRows: 8_000, claimShare: 1 },
};

/** The month the bench's workloads are generated for. */
export const BENCH_PERIOD = '2026-03';

/** The import of a generated month's folder: master data, then each period kind's files (file names sorted). */
export function monthImports(dir: string, period = BENCH_PERIOD): ImportRequest[] {
  const files = readdirSync(dir).sort();
  const of = (prefix: string) => files.filter((f) => f.startsWith(prefix)).map((f) => ({ path: path.join(dir, f), name: f }));
  return [
    { kind: 'distributors', files: of('distributors') },
    { kind: 'purchases', period, files: of('purchases') },
    { kind: 'returns', period, files: of('returns') },
    { kind: 'promotions', period, files: of('promotions') },
    { kind: 'claims', period, files: of('claims') },
  ];
}

/** A bench's service context over a store: no session, Chinese, the clock now. */
export function benchContext(store: Store): ServiceContext {
  return { store, session: { user: null }, lang: 'zh-CN', host: 'test', now: () => new Date() };
}

/** `--name VALUE` of this process's arguments. */
export function cliArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
