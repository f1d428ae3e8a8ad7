import type { ExportJobRequest, ExportJobView, exportJobOperations, ExportView } from '../../../contract/ops/exports';
import type { LedgerExportView } from '../../../contract/ops/ledger';
import type { ServiceContext } from '../../services/context';
import { rmSync } from 'node:fs';
import { throwIfCancelled, type ExportControl, type ExportProgress } from '../../services/exports';
import { AppError, rejected } from '../../../domain';
import { messageText, t } from '../../i18n/messages';
import type { HandlersFor } from '../handler-types';
import { approvalExport, postingExport, statementsExport } from './exports';
import { ledgerExport } from './ledger';

type ExportJobResult = ExportView | LedgerExportView;

function write(ctx: ServiceContext, r: ExportJobRequest, control: ExportControl): Promise<ExportJobResult> {
  switch (r.kind) {
    case 'approval':
      return approvalExport(ctx, { period: r.period }, control);
    case 'statements':
      return statementsExport(ctx, { period: r.period, mode: r.mode }, control);
    case 'posting':
      return postingExport(ctx, { period: r.period, format: r.format }, control);
    case 'ledger':
      return ledgerExport(ctx, { period: r.period }, control);
  }
}

/**
 * Runs one export for a job. It starts on the event loop's next turn (the caller has its job id
 * first), and a cancel that comes while its file is being finished still wins: the finished
 * download is removed, so a job that says cancelled never leaves a file.
 */
async function run(ctx: ServiceContext, r: ExportJobRequest, control: ExportControl & { signal: AbortSignal }): Promise<ExportJobResult> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(control, r.period);
  const result = await write(ctx, r, control);
  if (control.signal.aborted) {
    const d = result.download_id ? ctx.store.downloads.take(result.download_id, owner(ctx)) : undefined;
    if (d) rmSync(d.path, { force: true });
    throwIfCancelled(control, r.period);
  }
  return result;
}

/**
 * Every export as a job for the UI (exports.md): the same files as `export.approval|statements|posting`
 * and `export.ledger`, written into the downloads folder, with progress (rows written) and cancel.
 * A cancelled export stops at its next row; its temporary file is removed, so nothing — not even a
 * partial file — is left at the target path.
 */
export const exportJobHandlers: HandlersFor<typeof exportJobOperations> = {
  'export.start': (ctx, input) => {
    const request = input.request;
    const job = ctx.store.jobs.start<ExportProgress, ExportJobResult>(
      owner(ctx),
      (j) => run(ctx, request, { signal: j.abort.signal, onProgress: (p) => (j.progress = p) }),
      (e) => {
        // whatever stopped it (the row source or the writer), a cancelled export says so
        if (aborted.signal.aborted) return t('export.cancelled', { period: request.period }, ctx.lang);
        return e instanceof AppError ? messageText(e.key, e.params, ctx.lang) : t('internal', { detail: e instanceof Error ? e.message : String(e) }, ctx.lang);
      },
    );
    const aborted = job.abort;
    return { jobId: job.id };
  },
  'export.job': (ctx, input) => {
    const job = ctx.store.jobs.get<ExportProgress, ExportJobResult>(input.jobId, owner(ctx));
    if (!job) throw rejected('export.job_not_found');
    const cancelled = job.status === 'failed' && job.abort.signal.aborted;
    return { id: job.id, status: job.status, cancelled, progress: job.progress, result: job.result, error: job.error } satisfies ExportJobView;
  },
  'export.cancel': (ctx, input) => {
    ctx.store.jobs.get(input.jobId, owner(ctx))?.abort.abort();
    return null;
  },
};

function owner(ctx: ServiceContext): number {
  return ctx.session.user?.id ?? 0;
}
