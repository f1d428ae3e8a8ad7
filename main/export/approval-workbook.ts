import { rmSync } from 'node:fs';
import { batchOf } from '../db/batches-repo';
import { approvalStatus } from '../services/approvals';
import type { ServiceContext } from '../services/context';
import { rejected } from '../../domain';
import { reconcile } from '../services/reconcile';
import { detailsSheet, detailsTitle } from './approval-details';
import { exceptionsSheet, formulasSheet, reconciliationSheet } from './approval-sheets';
import { draftMark, summarySheet } from './approval-summary';
import { loadExportBatch, summarize, type ExportBatch } from './batch-data';
import { fill, labels, type ExportLabels } from './labels';
import { writeWorkbook, type PreparedSheet } from './xlsx-writer';
import { type BatchStatus, centsToMoney } from '../../domain';

export interface ExportResult {
  status: BatchStatus;
  period: string;
  batch: number;
  content_hash: string;
  distributors: number;
  total: string;
}

export function pageFooter(x: ExportBatch, l: ExportLabels): string {
  return fill(l.pageFooter, { period: x.batch.period, batch: x.batch.id, status: x.batch.status === 'approved' ? l.status.approved : l.unapproved[x.batch.status] });
}

/**
 * Refuses a workbook whose batch was recalculated or adjusted while it was being written (the rows
 * are read page by page): what is printed must be one version of the batch, the one its hash names.
 */
export function checkUnchanged(ctx: ServiceContext, x: ExportBatch, written: string[]): void {
  const now = batchOf(ctx.store.db, x.batch.period);
  if (now?.content_hash !== x.batch.content_hash || now.status !== x.batch.status) {
    for (const f of written) rmSync(f, { force: true });
    throw rejected('export.batch_changed', { period: x.batch.period });
  }
}

/** Every sheet's title line names the company and carries the draft mark, as printed pages travel alone. */
function marked(sheet: PreparedSheet, company: string, mark: string): PreparedSheet {
  const [first, ...rest] = sheet.preamble ?? [];
  return first === undefined ? sheet : { ...sheet, preamble: [`${company}${first}${mark}`, ...rest] };
}

/** The approval workbook (exports.md): 汇总, 明细, 公式, 对账, 异常 — values only, streamed. */
export async function writeApprovalWorkbook(ctx: ServiceContext, period: string, file: string): Promise<ExportResult> {
  const x = loadExportBatch(ctx, period);
  const l = labels(ctx.lang);
  const s = await summarize(ctx, x.batch.id);
  if (s.final !== BigInt(x.batch.total_cents)) throw new Error(`batch total ${centsToMoney(BigInt(x.batch.total_cents))} differs from the sum of its rows ${centsToMoney(s.final)}`);
  const status = approvalStatus(ctx, period);
  const recon = reconcile(ctx, period);
  const footer = pageFooter(x, l);
  const mark = draftMark(x, l);
  const company = x.company ? `${x.company} ` : '';
  const statusLine = `${l.field.batch} ${x.batch.id} · ${l.status[x.batch.status]} · ${l.field.hash} ${x.batch.content_hash}`;
  await writeWorkbook(file, [
    summarySheet({ x, s, status, recon, l, generatedAt: ctx.now().toISOString(), pageFooter: footer }),
    detailsSheet(ctx, x, s, l, [`${company}${detailsTitle(l, period)}${mark}`, statusLine], footer),
    ...[formulasSheet(x, l, footer), reconciliationSheet(x, recon, l, footer), exceptionsSheet(x, s, recon, l, footer)].map((sheet) => marked(sheet, `${company}`, mark)),
  ]);
  checkUnchanged(ctx, x, [file]);
  return { status: x.batch.status, period, batch: x.batch.id, content_hash: x.batch.content_hash, distributors: s.count, total: centsToMoney(s.final) };
}
