import type { batchOperations, CalcJobView } from '../../../contract/ops/batches';
import { adjust, results, trace } from '../../services/batches';
import { calculate, type CalcProgress, type CalcResult } from '../../services/calc';
import type { ServiceContext } from '../../services/context';
import { AppError, rejected } from '../../../domain';
import { messageText, t } from '../../i18n/messages';
import { periodsOverview } from '../../services/periods';
import { resultsPage } from '../../services/results-page';
import { batchSummary } from '../../services/batch-summary';
import { reconcile } from '../../services/reconcile';
import { setReconcileNote } from '../../services/reconcile-notes';
import { waitForPeriod } from '../../services/holds';
import type { HandlersFor } from '../handler-types';

export const batchHandlers: HandlersFor<typeof batchOperations> = {
  'batch.calculate': (ctx, input) => calculate(ctx, input.period),
  'batch.calculateStart': (ctx, input) => {
    const job = ctx.store.jobs.start<CalcProgress, CalcResult>(
      owner(ctx),
      (j) => calculate(ctx, input.period, (p) => (j.progress = p), j.abort.signal),
      (e) => (e instanceof AppError ? messageText(e.key, e.params, ctx.lang) : t('internal', { detail: e instanceof Error ? e.message : String(e) }, ctx.lang)),
    );
    return { jobId: job.id };
  },
  'batch.calculateJob': (ctx, input) => {
    const job = ctx.store.jobs.get<CalcProgress, CalcResult>(input.jobId, owner(ctx));
    if (!job) throw rejected('calc.job_not_found');
    return { id: job.id, status: job.status, progress: job.progress, result: job.result, error: job.error } satisfies CalcJobView;
  },
  'batch.calculateCancel': (ctx, input) => {
    ctx.store.jobs.get(input.jobId, owner(ctx))?.abort.abort();
    return null;
  },
  'batch.results': (ctx, input) => results(ctx, input.period),
  'batch.resultsPage': (ctx, input) => resultsPage(ctx, input),
  'batch.summary': (ctx, input) => batchSummary(ctx, input),
  'batch.trace': (ctx, input) => trace(ctx, input.period, input.code),
  'batch.adjust': async (ctx, input) => {
    await waitForPeriod(ctx, input.period);
    return adjust(ctx, input);
  },
  'batch.reconcile': (ctx, input) => reconcile(ctx, input.period),
  'reconcile.note': (ctx, input) => setReconcileNote(ctx, input),
  'periods.overview': (ctx, input) => periodsOverview(ctx, input.year),
};

function owner(ctx: ServiceContext): number {
  return ctx.session.user?.id ?? 0;
}
