import type { CalcJobView } from '../../contract/ops/batches';
import { rejected } from '../../domain';
import { calculate, type CalcProgress, type CalcResult } from './calc';
import type { ServiceContext } from './context';
import { failureText, ownerId } from './job-runs';

/** `batch.calculateStart`: the calculation as a job the UI follows (progress, cancel). */
export function startCalculation(ctx: ServiceContext, period: string): { jobId: string } {
  const job = ctx.store.jobs.start<CalcProgress, CalcResult>(
    ownerId(ctx),
    (j) => calculate(ctx, period, (p) => (j.progress = p), j.abort.signal),
    (e) => failureText(e, ctx),
  );
  return { jobId: job.id };
}

export function calculationJob(ctx: ServiceContext, jobId: string): CalcJobView {
  const job = ctx.store.jobs.get<CalcProgress, CalcResult>(jobId, ownerId(ctx));
  if (!job) throw rejected('calc.job_not_found');
  return { id: job.id, status: job.status, progress: job.progress, result: job.result, error: job.error };
}

export function cancelCalculation(ctx: ServiceContext, jobId: string): null {
  ctx.store.jobs.get(jobId, ownerId(ctx))?.abort.abort();
  return null;
}
