import type { batchOperations } from '../../../contract/ops/batches';
import { adjust, results, trace } from '../../services/batches';
import { calculate } from '../../services/calc';
import { periodsOverview } from '../../services/periods';
import { reconcile } from '../../services/reconcile';
import { setReconcileNote } from '../../services/reconcile-notes';
import { waitForPeriod } from '../../services/holds';
import type { HandlersFor } from '../handler-types';

export const batchHandlers: HandlersFor<typeof batchOperations> = {
  'batch.calculate': (ctx, input) => calculate(ctx, input.period),
  'batch.results': (ctx, input) => results(ctx, input.period),
  'batch.trace': (ctx, input) => trace(ctx, input.period, input.code),
  'batch.adjust': async (ctx, input) => {
    await waitForPeriod(ctx, input.period);
    return adjust(ctx, input);
  },
  'batch.reconcile': (ctx, input) => reconcile(ctx, input.period),
  'reconcile.note': (ctx, input) => setReconcileNote(ctx, input),
  'periods.overview': (ctx, input) => periodsOverview(ctx, input.year),
};
