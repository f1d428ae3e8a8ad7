import type { exportJobOperations } from '../../../contract/ops/exports';
import { cancelExport, exportJob, startExport } from '../../services/export-runs';
import type { HandlersFor } from '../handler-types';

/** Every export as a job for the UI: see services/export-runs. */
export const exportJobHandlers: HandlersFor<typeof exportJobOperations> = {
  'export.start': (ctx, input) => startExport(ctx, input.request),
  'export.job': (ctx, input) => exportJob(ctx, input.jobId),
  'export.cancel': (ctx, input) => cancelExport(ctx, input.jobId),
};
