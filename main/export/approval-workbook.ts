import type { ApprovalStatusView } from '../../contract/ops/approvals';
import type { ReconcileView } from '../../contract/ops/batches';
import type { Lang } from '../../contract/roles';
import { detailsSheet, detailsTitle } from './approval-details';
import { exceptionsSheet, formulasSheet, reconciliationSheet } from './approval-sheets';
import { draftMark, summarySheet } from './approval-summary';
import { summarize, type ExportBatch } from './batch-data';
import { fill, labels, type ExportLabels } from './labels';
import { writeWorkbook, type PreparedSheet } from './xlsx-writer';
import { centsToMoney } from '../../domain';

export function pageFooter(x: ExportBatch, l: ExportLabels): string {
  return fill(l.pageFooter, { period: x.batch.period, batch: x.batch.id, status: x.batch.status === 'approved' ? l.status.approved : l.unapproved[x.batch.status] });
}

/** Every sheet's title line names the company and carries the draft mark, as printed pages travel alone. */
function marked(sheet: PreparedSheet, company: string, mark: string): PreparedSheet {
  const [first, ...rest] = sheet.preamble ?? [];
  return first === undefined ? sheet : { ...sheet, preamble: [`${company}${first}${mark}`, ...rest] };
}

/** What the approval workbook is made of, read by the service layer. */
export interface ApprovalWorkbookInput {
  x: ExportBatch;
  status: ApprovalStatusView;
  recon: ReconcileView;
  lang: Lang;
  /** ISO time printed as 生成时间 */
  generatedAt: string;
  /** the audit log's newest entry when the workbook is made (printed on 汇总, checkable with `audit verify --head`) */
  auditHead?: { id: number; hash: string } | null;
}

/** What a written batch file adds up to, for the caller's answer. */
export interface WrittenBatch {
  distributors: number;
  final: bigint;
}

/** The approval workbook (exports.md): 汇总, 明细, 公式, 对账, 异常 — values only, streamed. */
export async function buildApprovalWorkbook({ x, status, recon, lang, generatedAt, auditHead }: ApprovalWorkbookInput, file: string): Promise<WrittenBatch> {
  const period = x.batch.period;
  const l = labels(lang);
  const s = await summarize(x);
  if (s.final !== BigInt(x.batch.total_cents)) throw new Error(`batch total ${centsToMoney(BigInt(x.batch.total_cents))} differs from the sum of its rows ${centsToMoney(s.final)}`);
  const footer = pageFooter(x, l);
  const mark = draftMark(x, l);
  const company = x.company ? `${x.company} ` : '';
  const statusLine = `${l.field.batch} ${x.batch.id} · ${l.status[x.batch.status]} · ${l.field.hash} ${x.batch.content_hash}`;
  await writeWorkbook(file, [
    summarySheet({ x, s, status, recon, l, lang, generatedAt, pageFooter: footer, auditHead: auditHead ?? null }),
    detailsSheet(x, s, l, [`${company}${detailsTitle(l, period)}${mark}`, statusLine], footer),
    ...[formulasSheet(x, l, footer), reconciliationSheet(x, recon, l, footer), exceptionsSheet(x, s, recon, l, footer)].map((sheet) => marked(sheet, `${company}`, mark)),
  ]);
  return { distributors: s.count, final: s.final };
}
