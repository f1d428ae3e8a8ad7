import { auditHead } from '../db/audit-repo';
import { rmSync } from 'node:fs';
import { adjustmentsOf, batchOf } from '../db/batches-repo';
import { displayNames, pagedBatchLines } from '../db/export-repo';
import { policyVersion } from '../db/policies-repo';
import { buildApprovalWorkbook } from '../export/approval-workbook';
import { exportBatch, type ExportBatch, type ExportRow, type UsedPolicy } from '../export/batch-data';
import { buildPosting } from '../export/posting';
import type { StatementApproval } from '../export/statement-sheet';
import { buildStatements, type StatementsMode } from '../export/statements';
import { approvalStatus } from './approvals';
import { exceptionText, requireBatch } from './batches';
import type { ServiceContext } from './context';
import { ledgerOf } from './ledger';
import { fileOfRow } from './policy-file';
import { postingLayout } from './posting-layout';
import { reconcile } from './reconcile';
import { getSettings } from './settings';
import { centsToMoney, rejected } from '../../domain';
import type { ExportSummary } from '../../contract/ops/exports';

export type { StatementsMode };

/**
 * The exports as the service layer runs them: read what a file needs (batch, policies, company,
 * people, approval, reconciliation, ledger), hand it to the pure builder in export/, and check
 * afterwards that the batch did not move while its rows were written page by page.
 */
export type ExportResult = ExportSummary;

export interface StatementsResult extends ExportResult {
  mode: StatementsMode;
  out: string;
  statements: number;
  /** distributors without a computed rebate (exceptions): nothing to tell them yet */
  skipped: string[];
}

export interface PostingResult extends ExportResult {
  format: 'xlsx' | 'csv';
  rows: number;
}

/** How far an export is: rows written of the rows it needs. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** What a job hands an export (the UI's): where to report progress, and its cancel. */
export interface ExportControl {
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

/** Rows between two reports of progress, and between two turns given to the event loop (polls, other callers). */
const REPORT_EVERY = 100;
const YIELD_EVERY = 250;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Counts the rows an export reads (`passes` reads of `count` rows make 100%), reports them, gives
 * the event loop a turn now and then, and stops the export with `export.cancelled` once the job is
 * cancelled — the writers then remove their temporary file, so nothing is left at the target.
 */
export function watchRows<T>(rows: () => AsyncIterable<T> | Iterable<T>, count: number, passes: number, period: string, control: ExportControl | undefined): () => AsyncIterable<T> {
  const total = Math.max(1, count * passes);
  let done = 0;
  return async function* watched(): AsyncGenerator<T> {
    for await (const row of rows()) {
      if (control?.signal?.aborted) throw rejected('export.cancelled', { period });
      yield row;
      done++;
      if (done % REPORT_EVERY === 0) control?.onProgress?.({ done: Math.min(done, total), total });
      if (done % YIELD_EVERY === 0) await turn();
    }
    control?.onProgress?.({ done: Math.min(done, total), total });
    if (control?.signal?.aborted) throw rejected('export.cancelled', { period });
  };
}

/** Stops an export that was cancelled before its file is written (between its steps). */
export function throwIfCancelled(control: ExportControl | undefined, period: string): void {
  if (control?.signal?.aborted) throw rejected('export.cancelled', { period });
}

/** The batch of `period` as every batch export reads it: its rows come page by page on each read. */
export function loadExportBatch(ctx: ServiceContext, period: string, control?: ExportControl, passes = 1): ExportBatch {
  const db = ctx.store.db;
  const batch = requireBatch(ctx, period);
  const used = JSON.parse(batch.policies_json) as { code: string; version: number }[];
  const policies: UsedPolicy[] = [];
  for (const u of used) {
    const row = policyVersion(db, u.code, u.version);
    if (row) policies.push({ code: u.code, version: u.version, file: fileOfRow(row) });
  }
  async function* rows(): AsyncGenerator<ExportRow> {
    // adjustments are few (typed by hand), so their reasons are read up front
    const adjustments = new Map(adjustmentsOf(db, period).map((a) => [a.code, a]));
    for await (const line of pagedBatchLines(db, batch.id)) yield { line, reason: adjustments.get(line.code)?.reason ?? null, note: adjustments.get(line.code)?.note ?? null, exceptionText: line.exception ? exceptionText(line, ctx.lang) : null };
  }
  const settings = getSettings(ctx);
  const companyInfo = { address: settings.companyAddress.trim(), contact: settings.companyContact.trim(), bank: settings.companyBank.trim() };
  return exportBatch({ batch, company: settings.companyName.trim(), companyInfo, policies, users: displayNames(db), rows: control ? watchRows(rows, batch.distributors, passes, period, control) : rows });
}

/**
 * Refuses a file whose batch was recalculated or adjusted while it was being written (the rows
 * are read page by page): what is printed must be one version of the batch, the one its hash names.
 */
export function checkUnchanged(ctx: ServiceContext, x: ExportBatch, written: string[]): void {
  const now = batchOf(ctx.store.db, x.batch.period);
  if (now?.content_hash !== x.batch.content_hash || now.status !== x.batch.status) {
    for (const f of written) rmSync(f, { force: true });
    throw rejected('export.batch_changed', { period: x.batch.period });
  }
}

function result(x: ExportBatch, distributors: number, final: bigint): ExportResult {
  return { status: x.batch.status, period: x.batch.period, batch: x.batch.id, content_hash: x.batch.content_hash, distributors, total: centsToMoney(final) };
}

/** A local calendar day (YYYY-MM-DD) of this computer. */
function localDay(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The approval workbook (exports.md): 汇总, 明细, 公式, 对账, 异常. */
export async function writeApprovalWorkbook(ctx: ServiceContext, period: string, file: string, control?: ExportControl): Promise<ExportResult> {
  // two reads of the rows: the summary's totals, then 明细
  const x = loadExportBatch(ctx, period, control, 2);
  const head = auditHead(ctx.store.db);
  const w = await buildApprovalWorkbook(
    { x, status: approvalStatus(ctx, period), recon: reconcile(ctx, period), lang: ctx.lang, generatedAt: ctx.now().toISOString(), auditHead: head ? { id: head.last_id, hash: head.last_hash } : null },
    file,
  );
  checkUnchanged(ctx, x, [file]);
  return result(x, w.distributors, w.final);
}

/** The day the batch's last level signed, on this computer's calendar. */
function statementApproval(ctx: ServiceContext, period: string): StatementApproval {
  const latest = approvalStatus(ctx, period).submissions.filter((s) => s.status === 'approved').pop();
  const at = latest?.levels[latest.levels.length - 1]?.decision?.at;
  return { approvedAt: at ? localDay(new Date(at)) : null };
}

/** Distributor statements (经销商对账单): a folder of workbooks, or one workbook with a sheet each. */
export async function writeStatements(ctx: ServiceContext, period: string, mode: StatementsMode, out: string, control?: ExportControl): Promise<StatementsResult> {
  const x = loadExportBatch(ctx, period, control);
  const w = await buildStatements({ x, lang: ctx.lang, approval: statementApproval(ctx, period), ledger: ledgerOf(ctx, period) }, mode, out, control?.signal);
  checkUnchanged(ctx, x, w.written);
  return { ...result(x, w.statements + w.skipped.length, w.final), mode, out, statements: w.statements, skipped: w.skipped };
}

/** The ERP posting file (凭证导入): approved batches only, in the configured layout. */
export async function writePosting(ctx: ServiceContext, period: string, format: 'xlsx' | 'csv', file: string, control?: ExportControl): Promise<PostingResult> {
  const x = loadExportBatch(ctx, period, control);
  if (x.batch.status !== 'approved') throw rejected('export.posting_not_approved', { period, status: x.batch.status });
  const w = await buildPosting({ x, layout: postingLayout(ctx).layout, lang: ctx.lang, today: localDay(ctx.now()) }, format, file);
  checkUnchanged(ctx, x, [file]);
  return { ...result(x, w.distributors, w.final), format, rows: w.rows };
}
