import type { DemoOptions } from '../main/demo/generate';

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
