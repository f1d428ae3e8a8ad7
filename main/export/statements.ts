import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { removeLeftovers, writeAtomically } from '../util/partial-files';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { LedgerView } from '../../contract/ops/ledger';
import type { Lang } from '../../contract/roles';
import type { ExportBatch, ExportLine } from './batch-data';
import { labels, type ExportLabels } from './labels';
import { ledgerLabels } from './ledger-labels';
import { statementLedgerRows } from './statement-ledger';
import { SPAN, statementSheet, type StatementApproval } from './statement-sheet';
import { writeFormFiles, writeFormWorkbook } from './form-xlsx';
import { sheetName, type FormSheet } from './xlsx-writer';

export type StatementsMode = 'files' | 'workbook';

/** What the statements are made of, read by the service layer. */
export interface StatementsInput {
  x: ExportBatch;
  lang: Lang;
  /** the batch's approval as statements print it (the day the last level signed) */
  approval: StatementApproval;
  /** the period's rebate ledger (its balance section) */
  ledger: LedgerView;
}

export interface WrittenStatements {
  statements: number;
  final: bigint;
  /** distributors without a computed rebate (exceptions): nothing to tell them yet */
  skipped: string[];
  /** every file written, for the caller to remove if the batch moved meanwhile */
  written: string[];
}

/** Longest file name we write: Windows paths stay under 260 characters, and a name under 255 bytes (Linux). */
const MAX_NAME_CHARS = 120;
const MAX_NAME_BYTES = 180;
/** Windows' MAX_PATH less the terminating NUL, and room for the temporary suffix of an atomic write. */
const MAX_PATH_CHARS = 259;
const TEMP_SUFFIX_CHARS = '.4294967295-00000000.partial'.length;

/**
 * A file name Windows accepts: no reserved characters, no trailing dot or space, and short enough —
 * at most 120 characters and 180 UTF-8 bytes, and (given its folder and extension) a full path under
 * 260 characters even while it is written under a temporary name. The end is cut, so what identifies
 * a statement (title, period, code) stays.
 */
export function safeFileName(name: string, folder = '', extension = ''): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '_');
  const room = folder ? MAX_PATH_CHARS - path.resolve(folder).length - 1 - extension.length - TEMP_SUFFIX_CHARS : MAX_NAME_CHARS;
  const chars = Math.max(8, Math.min(MAX_NAME_CHARS, room));
  let out = '';
  let bytes = 0;
  for (const ch of cleaned) {
    const b = Buffer.byteLength(ch);
    if (out.length + ch.length > chars || bytes + b > MAX_NAME_BYTES) break;
    out += ch;
    bytes += b;
  }
  return out.replace(/[. ]+$/, '') || '_';
}

interface Each {
  line: ExportLine;
  note: string | null;
}

async function* statementLines(x: ExportBatch, skipped: string[]): AsyncGenerator<Each> {
  for await (const { line, note } of x.rows()) {
    if (line.final_cents === null) skipped.push(line.code);
    else yield { line, note: note ?? null };
  }
}

/**
 * Distributor statements (经销商对账单): one workbook per distributor in a folder, or one workbook
 * with a sheet per distributor. Rows are read page by page and each statement written as it comes.
 */
export async function buildStatements({ x, lang, approval: signed, ledger }: StatementsInput, mode: StatementsMode, out: string, signal?: AbortSignal): Promise<WrittenStatements> {
  const period = x.batch.period;
  const l: ExportLabels = labels(lang);
  const skipped: string[] = [];
  const written: string[] = [];
  // ledger.md: the balance section, figures only once the period is approved
  const ledgerRows = new Map(ledger.rows.map((r) => [r.code, r]));
  const ll = ledgerLabels(lang);
  let count = 0;
  let total = 0n;
  const sheetOf = (e: Each, name: string): FormSheet => {
    count++;
    total += BigInt(e.line.final_cents ?? 0);
    return statementSheet(x, e.line, e.note, signed, l, name, statementLedgerRows(ledgerRows.get(e.line.code) ?? null, ledger.final, ll, SPAN));
  };
  if (mode === 'files') {
    mkdirSync(out, { recursive: true });
    const items = async function* (): AsyncGenerator<{ file: string; sheet: FormSheet }> {
      for await (const e of statementLines(x, skipped)) {
        const file = path.join(out, `${safeFileName(`${l.statement.title}-${period}-${e.line.code}-${e.line.name}`, out, '.xlsx')}.xlsx`);
        written.push(file);
        yield { file, sheet: sheetOf(e, e.line.code) };
      }
    };
    removeLeftovers(out);
    try {
      await writeFormFiles(items(), signal);
    } catch (e) {
      // a cancelled run leaves none of its statements behind: the folder is as it was
      if (signal?.aborted) for (const f of written) rmSync(f, { force: true });
      throw e;
    }
  } else {
    mkdirSync(path.dirname(out), { recursive: true });
    const used = new Set<string>();
    const named = async function* (): AsyncGenerator<FormSheet> {
      for await (const e of statementLines(x, skipped)) {
        // the code names the sheet (unique in the batch); the name is added while it fits
        let name = sheetName(`${e.line.code} ${e.line.name}`);
        if (used.has(name)) name = sheetName(e.line.code);
        for (let i = 2; used.has(name); i++) name = sheetName(`${e.line.code.slice(0, 26)}~${i}`);
        used.add(name);
        yield sheetOf(e, name);
      }
    };
    written.push(out);
    await writeFormWorkbook(out, named(), signal);
  }
  return { statements: count, final: total, skipped, written };
}

/** The folder of statements as one zip, for a browser or a save dialog that takes one file. */
export async function zipFolder(dir: string, file: string): Promise<void> {
  const zip = new JSZip();
  // workbooks are zips already: store them, and stream each file from disk rather than reading it
  for (const name of readdirSync(dir).sort()) if (!name.endsWith('.partial')) zip.file(name, createReadStream(path.join(dir, name)), { binary: true });
  await writeAtomically(file, (tmp) => pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }), createWriteStream(tmp)));
}
