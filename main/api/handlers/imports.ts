import type { importOperations, ImportReportView } from '../../../contract/ops/imports';
import { distributors, history } from '../../services/import-history';
import { cancelImport, detectFiles, importErrorWorkbook, importFiles, importJob, importKinds, startImports } from '../../services/import-jobs';
import type { HandlersFor } from '../handler-types';

export const importHandlers: HandlersFor<typeof importOperations> = {
  'import.kinds': (ctx) => importKinds(ctx),
  'import.run': async (ctx, input) => (await importFiles(ctx, input)) satisfies ImportReportView,
  'import.start': (ctx, input) => startImports(ctx, input.imports),
  'import.job': (ctx, input) => importJob(ctx, input.jobId),
  'import.cancel': (ctx, input) => cancelImport(ctx, input.jobId),
  'import.detect': (ctx, input) => detectFiles(ctx, input.files),
  'import.history': (ctx, input) => history(ctx, input.period ?? null),
  'import.errorWorkbook': (ctx, input) => importErrorWorkbook(ctx, input.jobId),
  'distributors.list': (ctx) => distributors(ctx),
};
