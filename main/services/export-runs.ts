import { rmSync } from 'node:fs';
import type { ExportJobRequest, ExportJobView, ExportView } from '../../contract/ops/exports';
import type { LedgerExportView } from '../../contract/ops/ledger';
import { rejected } from '../../domain';
import { t } from '../i18n/messages';
import type { ServiceContext } from './context';
import { approvalExport, ledgerExport, postingExport, statementsExport } from './export-files';
import { throwIfCancelled, type ExportControl, type ExportProgress } from './exports';
import { failureText, ownerId } from './job-runs';

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
    const d = result.download_id ? ctx.store.downloads.take(result.download_id, ownerId(ctx)) : undefined;
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
export function startExport(ctx: ServiceContext, request: ExportJobRequest): { jobId: string } {
  const job = ctx.store.jobs.start<ExportProgress, ExportJobResult>(
    ownerId(ctx),
    (j) => run(ctx, request, { signal: j.abort.signal, onProgress: (p) => (j.progress = p) }),
    // whatever stopped it (the row source or the writer), a cancelled export says so
    (e): string => (aborted.signal.aborted ? t('export.cancelled', { period: request.period }, ctx.lang) : failureText(e, ctx)),
  );
  const aborted = job.abort;
  return { jobId: job.id };
}

export function exportJob(ctx: ServiceContext, jobId: string): ExportJobView {
  const job = ctx.store.jobs.get<ExportProgress, ExportJobResult>(jobId, ownerId(ctx));
  if (!job) throw rejected('export.job_not_found');
  const cancelled = job.status === 'failed' && job.abort.signal.aborted;
  return { id: job.id, status: job.status, cancelled, progress: job.progress, result: job.result, error: job.error };
}

export function cancelExport(ctx: ServiceContext, jobId: string): null {
  ctx.store.jobs.get(jobId, ownerId(ctx))?.abort.abort();
  return null;
}
