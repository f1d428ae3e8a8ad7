import { createReadStream, createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { adjustmentsOf, type BatchLine } from '../db/batches-repo';
import { pagedBatchLines } from '../db/export-repo';
import { approvalStatus } from '../services/approvals';
import type { ServiceContext } from '../services/context';
import { checkUnchanged, type ExportResult } from './approval-workbook';
import { loadExportBatch, type ExportBatch } from './batch-data';
import { labels, type ExportLabels } from './labels';
import { ledgerOf } from '../services/ledger';
import { ledgerLabels } from './ledger-labels';
import { statementLedgerRows } from './statement-ledger';
import { SPAN, statementSheet, type StatementApproval } from './statement-sheet';
import { writeFormFiles, writeFormWorkbook } from './form-xlsx';
import { sheetName, type FormSheet } from './xlsx-writer';
import { centsToMoney } from '../../domain';

export type StatementsMode = 'files' | 'workbook';

export interface StatementsResult extends ExportResult {
  mode: StatementsMode;
  out: string;
  statements: number;
  /** distributors without a computed rebate (exceptions): nothing to tell them yet */
  skipped: string[];
}

/** The day the batch's last level signed, on this computer's calendar. */
function approval(ctx: ServiceContext, period: string): StatementApproval {
  const latest = approvalStatus(ctx, period).submissions.filter((s) => s.status === 'approved').pop();
  const at = latest?.levels[latest.levels.length - 1]?.decision?.at;
  if (!at) return { approvedAt: null };
  const d = new Date(at);
  return { approvedAt: new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10) };
}

/** A file name Windows accepts: no reserved characters, no trailing dot or space, not too long. */
export function safeFileName(name: string): string {
  return (
    [...name]
      .map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, '_')
      .replace(/[. ]+$/, '')
      .slice(0, 120) || '_'
  );
}

interface Each {
  line: BatchLine;
  reason: string | null;
}

async function* statementLines(ctx: ServiceContext, x: ExportBatch, skipped: string[]): AsyncGenerator<Each> {
  const reasons = new Map(adjustmentsOf(ctx.store.db, x.batch.period).map((a) => [a.code, a.reason]));
  for await (const line of pagedBatchLines(ctx.store.db, x.batch.id)) {
    if (line.final_cents === null) skipped.push(line.code);
    else yield { line, reason: reasons.get(line.code) ?? null };
  }
}

/**
 * Distributor statements (经销商对账单): one workbook per distributor in a folder, or one workbook
 * with a sheet per distributor. Rows are read page by page and each statement written as it comes.
 */
export async function writeStatements(ctx: ServiceContext, period: string, mode: StatementsMode, out: string): Promise<StatementsResult> {
  const x = loadExportBatch(ctx, period);
  const l: ExportLabels = labels(ctx.lang);
  const signed = approval(ctx, period);
  const skipped: string[] = [];
  const written: string[] = [];
  // ledger.md: the balance section, figures only once the period is approved
  const ledger = ledgerOf(ctx, period);
  const ledgerRows = new Map(ledger.rows.map((r) => [r.code, r]));
  const ll = ledgerLabels(ctx.lang);
  let count = 0;
  let total = 0n;
  const sheetOf = (e: Each, name: string): FormSheet => {
    count++;
    total += BigInt(e.line.final_cents ?? 0);
    return statementSheet(x, e.line, e.reason, signed, l, name, statementLedgerRows(ledgerRows.get(e.line.code) ?? null, ledger.final, ll, SPAN));
  };
  if (mode === 'files') {
    mkdirSync(out, { recursive: true });
    const items = async function* (): AsyncGenerator<{ file: string; sheet: FormSheet }> {
      for await (const e of statementLines(ctx, x, skipped)) {
        const file = path.join(out, `${safeFileName(`${l.statement.title}-${period}-${e.line.code}-${e.line.name}`)}.xlsx`);
        written.push(file);
        yield { file, sheet: sheetOf(e, e.line.code) };
      }
    };
    await writeFormFiles(items());
  } else {
    mkdirSync(path.dirname(out), { recursive: true });
    const used = new Set<string>();
    const named = async function* (): AsyncGenerator<FormSheet> {
      for await (const e of statementLines(ctx, x, skipped)) {
        // the code names the sheet (unique in the batch); the name is added while it fits
        let name = sheetName(`${e.line.code} ${e.line.name}`);
        if (used.has(name)) name = sheetName(e.line.code);
        for (let i = 2; used.has(name); i++) name = sheetName(`${e.line.code.slice(0, 26)}~${i}`);
        used.add(name);
        yield sheetOf(e, name);
      }
    };
    written.push(out);
    await writeFormWorkbook(out, named());
  }
  checkUnchanged(ctx, x, written);
  return { status: x.batch.status, period, batch: x.batch.id, content_hash: x.batch.content_hash, distributors: count + skipped.length, total: centsToMoney(total), mode, out, statements: count, skipped };
}

/** The folder of statements as one zip, for a browser or a save dialog that takes one file. */
export async function zipFolder(dir: string, file: string): Promise<void> {
  const zip = new JSZip();
  // workbooks are zips already: store them, and stream each file from disk rather than reading it
  for (const name of readdirSync(dir).sort()) zip.file(name, createReadStream(path.join(dir, name)), { binary: true });
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }), createWriteStream(file));
}
