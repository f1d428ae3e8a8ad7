import type { batchOperations } from '../../../contract/ops/batches';
import { adjust, results, trace } from '../../services/batches';
import { calculate } from '../../services/calc';
import { calculationJob, cancelCalculation, startCalculation } from '../../services/calc-jobs';
import { periodsOverview } from '../../services/periods';
import { resultsPage } from '../../services/results-page';
import { batchSummary } from '../../services/batch-summary';
import { reconcile } from '../../services/reconcile';
import { setReconcileNote } from '../../services/reconcile-notes';
import { waitForPeriod } from '../../services/holds';
import type { HandlersFor } from '../handler-types';

export const batchHandlers: HandlersFor<typeof batchOperations> = {
  'batch.calculate': (ctx, input) => calculate(ctx, input.period),
  'batch.calculateStart': (ctx, input) => startCalculation(ctx, input.period),
  'batch.calculateJob': (ctx, input) => calculationJob(ctx, input.jobId),
  'batch.calculateCancel': (ctx, input) => cancelCalculation(ctx, input.jobId),
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
