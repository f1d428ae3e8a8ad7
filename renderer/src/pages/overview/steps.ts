import type { PeriodOverviewView } from '../../../../contract/ops/batches';

export const STEP_KEYS = ['import', 'calculate', 'reconcile', 'approval', 'export'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** Which of the five steps the period's next action belongs to. */
const CURRENT: Record<PeriodOverviewView['next'], number> = { import: 0, calculate: 1, review: 2, submit: 3, approval: 3, export: 4 };

export function currentStep(p: PeriodOverviewView): number {
  return CURRENT[p.next];
}

/** Each step's state from the period's data and batch: done before the current one, then waiting. */
export function stepStatus(p: PeriodOverviewView, key: StepKey): StepStatus {
  const index = STEP_KEYS.indexOf(key);
  const current = currentStep(p);
  if (key === 'calculate' && p.batch?.stale) return 'error';
  if (key === 'approval' && p.batch?.status === 'rejected') return 'error';
  if (index < current) return 'finish';
  if (index === current) return 'process';
  return 'wait';
}

/** The data kinds of a period that feed the calculation (claims only feed reconciliation). */
export function dataKinds(p: PeriodOverviewView): PeriodOverviewView['kinds'] {
  return p.kinds.filter((k) => k.kind !== 'claims' && k.rows > 0);
}

export function claimsKind(p: PeriodOverviewView): PeriodOverviewView['kinds'][number] | undefined {
  return p.kinds.find((k) => k.kind === 'claims' && k.rows > 0);
}
