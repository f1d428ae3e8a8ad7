import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ExportView } from '../../contract/ops/exports';
import { labels } from '../export/labels';
import { zipFolder } from '../export/statements';
import { throwIfCancelled, watchRows, writeApprovalWorkbook, writePosting, writeStatements, type ExportControl } from './exports';
import type { ServiceContext } from './context';
import { rejected } from '../../domain';
import { t } from '../i18n/messages';
import type { LedgerExportView } from '../../contract/ops/ledger';
import { writeLedgerWorkbook } from '../export/ledger-workbook';
import { ledgerOf } from './ledger';

/**
 * Where an export goes: the command line names a path (`--out`); every other caller gets a file in
 * the downloads folder to save through the native dialog or the browser — a window or web page
 * never chooses a path on disk to write.
 */
export function target(ctx: ServiceContext, out: string | undefined, fileName: string): { file: string; out: string | null } {
  if (out !== undefined) {
    if (ctx.host !== 'cli' && ctx.host !== 'test') throw rejected('export.out_not_allowed');
    return { file: path.resolve(out), out: path.resolve(out) };
  }
  return { file: ctx.store.downloads.newPath(fileName), out: null };
}

export function finish(ctx: ServiceContext, where: { file: string; out: string | null }, fileName: string): Pick<ExportView, 'download_id' | 'out' | 'file_name'> {
  if (where.out !== null) return { download_id: null, out: where.out, file_name: path.basename(where.out) };
  const d = ctx.store.downloads.add(ctx.session.user?.id ?? 0, where.file, fileName);
  return { download_id: d.id, out: null, file_name: fileName };
}

/** The approval workbook into a download (or `out`), for `export.approval` and the export job. */
export async function approvalExport(ctx: ServiceContext, input: { period: string; out?: string }, control?: ExportControl): Promise<ExportView> {
  const fileName = `${labels(ctx.lang).title}-${input.period}.xlsx`;
  const where = target(ctx, input.out, fileName);
  const r = await writeApprovalWorkbook(ctx, input.period, where.file, control);
  return { ...r, ...finish(ctx, where, fileName) };
}

/** The statements into a download (a zip of a folder, or one workbook) or `out`. */
export async function statementsExport(ctx: ServiceContext, input: { period: string; mode: 'files' | 'workbook'; out?: string }, control?: ExportControl): Promise<ExportView> {
  const base = `${labels(ctx.lang).statement.folder}-${input.period}`;
  if (input.out !== undefined) {
    const where = target(ctx, input.out, base);
    const r = await writeStatements(ctx, input.period, input.mode, where.file, control);
    return { ...r, file_name: path.basename(where.file), download_id: null, out: where.file };
  }
  if (input.mode === 'workbook') {
    const fileName = `${base}.xlsx`;
    const where = target(ctx, undefined, fileName);
    const r = await writeStatements(ctx, input.period, 'workbook', where.file, control);
    return { ...r, ...finish(ctx, where, fileName) };
  }
  // one workbook per distributor: a folder, handed to the UI as one zip
  const fileName = `${base}.zip`;
  const where = target(ctx, undefined, fileName);
  const dir = mkdtempSync(`${where.file}-dir-`);
  try {
    const r = await writeStatements(ctx, input.period, 'files', dir, control);
    throwIfCancelled(control, input.period);
    await zipFolder(dir, where.file);
    return { ...r, ...finish(ctx, where, fileName) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ERP posting file into a download or `out`. */
export async function postingExport(ctx: ServiceContext, input: { period: string; format: 'xlsx' | 'csv'; out?: string }, control?: ExportControl): Promise<ExportView> {
  const fileName = `${t('file.posting', {}, ctx.lang)}-${input.period}.${input.format}`;
  const where = target(ctx, input.out, fileName);
  const r = await writePosting(ctx, input.period, input.format, where.file, control);
  return { ...r, ...finish(ctx, where, fileName) };
}

/** The ledger workbook into a download or `out`, for `export.ledger` and the export job. */
export async function ledgerExport(ctx: ServiceContext, input: { period: string; out?: string }, control?: ExportControl): Promise<LedgerExportView> {
  const fileName = `${t('file.ledger', {}, ctx.lang)}-${input.period}.xlsx`;
  const where = target(ctx, input.out, fileName);
  const view = ledgerOf(ctx, input.period);
  throwIfCancelled(control, input.period);
  await writeLedgerWorkbook(view, ctx.lang, where.file, control ? watchRows(() => view.rows, view.rows.length, 1, input.period, control)() : view.rows);
  return { period: view.period, final: view.final, rows: view.rows.length, closing: view.totals.closing, ...finish(ctx, where, fileName) };
}
