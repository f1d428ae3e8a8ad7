import type { ReliabilityCase } from '../kit';
import { concurrency } from './concurrency';
import { webFuzz } from './fuzz';
import { hostileFiles } from './hostile';
import { tampering } from './tamper';
import { killApprove, killCalc, killExports, killImport } from './kill';

/**
 * Every case of `npm run test:reliability`, in the order of the table. To plug a case in, write it
 * as a `ReliabilityCase` (see ../kit.ts) and add it here.
 */
export const CASES: ReliabilityCase[] = [killImport, killCalc, killApprove, ...killExports, concurrency, hostileFiles, tampering, webFuzz];
