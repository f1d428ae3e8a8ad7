import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../contract/roles';
import type { ImportFileSummary, ImportProgressView, ImportReportOf } from '../../contract/ops/imports';
import type { Db } from '../db/database';
import {
  distributorWriters,
  findActiveFile,
  finishFile,
  insertFile,
  insertImport,
  latestApprovedPeriod,
  periodLocked,
  masterData,
  putTemplate,
  replacePeriodKind,
  setImportRows,
  allTemplates,
  balancePeriods,
  closedFrom,
  replaceBalances,
  type AnyKind,
} from '../db/import-repo';
import { attachStaging, Staging, stagedSpan, storedDuplicates, storeStagedFile, suspendPeriodLock, type StoredDuplicate } from '../db/staging';
import type { MappingOverride, MappingTemplate } from '../import/headers';
import type { Kind } from '../import/kinds';
import type { FileImportResult, SheetMapping } from '../import/pipeline';
import type { FileSummary, ImportIssue, ImportRecord } from '../import/records';
import { ParseFailure, ParsePool, poolSize } from '../import/run-worker';
import { FILE_COLUMN, STORE_COLUMNS, storeTable, type StoreTable } from '../import/store-rows';
import { appendAudit } from './audit';
import { create as backup } from './backups';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { fileIssue, issueOut, type IssueOut } from './import-report';
import { formatCount, isPeriod, isPeriodKind, KINDS, moneyToCents, nextPeriod } from '../../domain';
import { acquireHold, MASTER_SCOPE } from './holds';
import { syncAnchor } from './anchor';

export interface ImportRequest {
  kind: Kind;
  period?: string | undefined;
  files: { path: string; name?: string | undefined }[];
  sheets?: string[] | undefined;
  replace?: boolean | undefined;
  /** validate everything (duplicates against the database included) and store nothing */
  dryRun?: boolean | undefined;
  /** per file index: the user's column choices */
  overrides?: Record<number, MappingOverride> | undefined;
}

export type ImportProgress = ImportProgressView;

/** A file's outcome with the pipeline's own mapping and record types (the contract's view is their JSON). */
export interface ImportFileReport extends ImportFileSummary {
  mappings?: SheetMapping[];
  preview?: ImportRecord[];
  /** what was inferred rather than read as written (qualifiers, amount choice, fill-down, names) */
  inferred?: IssueOut[];
}

export type ImportReport = ImportReportOf<ImportFileReport>;

const MAX_REPORTED = 5000;
/** The final store's page cache (negative: KiB), 64 MB: the L month's indexes stay in memory while they grow. */
const IMPORT_CACHE_KB = -65_536;
/**
 * Staged rows per statement of the final store and of the check against stored rows (~30–60 ms
 * each); the event loop answers other requests between them.
 */
const STORE_SLICE = 5_000;
const yieldLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The staged rowid spans lo..hi of at most STORE_SLICE rows covering `span`. */
function slices(span: readonly [number, number] | null): [number, number][] {
  const out: [number, number][] = [];
  if (span) for (let lo = span[0]; lo <= span[1]; lo += STORE_SLICE) out.push([lo, Math.min(span[1], lo + STORE_SLICE - 1)]);
  return out;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

export { dupKey, settlementDupKey } from '../import/store-rows';

class IssueList {
  readonly items: ImportIssue[] = [];
  count = 0;
  add(i: ImportIssue): void {
    this.count++;
    if (this.items.length < MAX_REPORTED) this.items.push(i);
  }
  addAll(list: ImportIssue[], total: number): void {
    for (const i of list) if (this.items.length < MAX_REPORTED) this.items.push(i);
    this.count += total;
  }
}

function parseFailureIssue(file: string, e: ParseFailure): ImportIssue {
  return fileIssue(file, `import.file.${e.problem}`, { file, detail: e.detail });
}

interface Prepared {
  req: ImportRequest;
  report: ImportReport;
  errors: IssueList;
  warnings: IssueList;
  todo: { index: number; path: string; name: string; sha: string; bytes: number }[];
  period: string | null;
  effectiveFrom: string | null;
  newTemplates: MappingTemplate[];
  /** per file (as todo): its job-wide index in the staging file, and its summary once parsed */
  fileIdx: number[];
  summaries: (FileSummary | undefined)[];
}

/**
 * ledger.md: opening balances are one set, at the start of one period, imported or replaced only
 * while no batch of that period or later is submitted or approved.
 */
function checkBalancesOpen(db: Db, period: string, replace: boolean): void {
  const stored = balancePeriods(db);
  const other = stored.find((p) => p !== period);
  if (other && !replace) throw rejected('ledger.balances_other_period', { period, stored: other });
  const from = [period, ...(replace ? stored : [])].sort()[0] ?? period;
  const closed = closedFrom(db, from);
  if (closed) throw rejected('ledger.balances_closed', { period: closed.period });
}

/** Checks a request and finds which files are new (by SHA-256); touches nothing. */
async function prepare(ctx: ServiceContext, req: ImportRequest): Promise<Prepared> {
  const kind = req.kind;
  const isMaster = kind === 'distributors';
  const db: Db = ctx.store.db;
  if (!isMaster && !req.period) throw rejected('import.period_required');
  if (req.period !== undefined && !isPeriod(req.period)) throw rejected('import.period_invalid', { period: req.period });
  if (req.files.length === 0) throw rejected('import.no_files');
  for (const f of req.files) {
    if (!existsSync(f.path) || !statSync(f.path).isFile()) throw rejected('import.file_missing', { file: f.name ?? f.path });
  }
  const period = isMaster ? null : (req.period ?? null);
  if (kind === 'balances' && period) checkBalancesOpen(db, period, req.replace === true);
  if (period && periodLocked(db, period)) throw rejected('import.period_locked', { period });
  // Master-data changes take effect from --period, else after the latest approved period, else always.
  const latest = latestApprovedPeriod(db);
  const effectiveFrom = isMaster ? (req.period ?? (latest ? nextPeriod(latest) : '0000-00')) : null;
  const report: ImportReport = { status: 'imported', kind, period, import_id: null, message: '', files: [], rows: 0, errors: [], warnings: [], error_count: 0, warning_count: 0 };
  const prepared: Prepared = { req, report, errors: new IssueList(), warnings: new IssueList(), todo: [], period, effectiveFrom, newTemplates: [], fileIdx: [], summaries: [] };
  const seenSha = new Set<string>();
  for (const [index, f] of req.files.entries()) {
    const name = f.name ?? path.basename(f.path);
    const sha = await sha256(f.path);
    const already = !req.replace && (seenSha.has(sha) || findActiveFile(db, kind, period, sha));
    seenSha.add(sha);
    if (already) {
      report.files.push({ file: name, sha256: sha, status: 'unchanged', sheets: [], rows: 0, total: '0.00' });
      prepared.warnings.add(fileIssue(name, 'import.file.unchanged', { file: name }));
      continue;
    }
    prepared.todo.push({ index, path: f.path, name, sha, bytes: statSync(f.path).size });
  }
  return prepared;
}

type DistributorRecord = Extract<ImportRecord, { kind: 'distributors' }>['record'];

/** What one import job parsed, kept outside the database until the final store. */
interface Staged {
  stage: Staging;
  /** master-data rows of the job, in file order (a few thousand at most) */
  distributors: DistributorRecord[];
  /** codes and names of distributors staged by this job (usable by its period data) */
  codes: Map<string, string>;
  /** every file of the job, by its job-wide index */
  files: { name: string; prepared: Prepared; n: number }[];
  /** the job's parsing workers (one pool for every kind) */
  pool: ParsePool;
}

/**
 * Parses and validates one request's files (in a worker) and stages their records — in memory for
 * master data, in the job's staging file for period data. The database is only read.
 */
async function stageFiles(ctx: ServiceContext, p: Prepared, staged: Staged, onProgress: (p: ImportProgress) => void, signal: AbortSignal | undefined): Promise<void> {
  const { req, report, errors, warnings, period } = p;
  const kind = req.kind;
  const db: Db = ctx.store.db;
  let master: { codes: string[]; names: [string, string][] } | null = null;
  if (kind !== 'distributors') {
    const m = masterData(db);
    const known = new Set(m.codes);
    for (const [code, name] of staged.codes) {
      if (known.has(code)) continue;
      m.codes.push(code);
      m.names.push([code, name]);
    }
    master = m;
  }
  const templates = allTemplates(db, kind as AnyKind).map((j) => JSON.parse(j) as MappingTemplate);
  const seenCodes = new Map<string, { file: string; sheet: string; row: number }>();
  const fileIdx = p.todo.map((f, n) => {
    staged.files.push({ name: f.name, prepared: p, n });
    return staged.files.length - 1;
  });
  p.fileIdx = fileIdx;

  const write = (n: number, rec: ImportRecord): void => {
    const f = p.todo[n];
    const idx = fileIdx[n];
    if (!f || idx === undefined) return;
    if (rec.kind === 'distributors') {
      const d = rec.record;
      const earlier = seenCodes.get(d.code);
      if (earlier) {
        errors.add({ file: f.name, sheet: d.sheet, row: d.row, column: null, header: null, field: 'code', value: d.code, key: 'import.duplicate_distributor', params: { code: d.code, file: earlier.file, sheet: earlier.sheet, row: earlier.row } });
        return;
      }
      seenCodes.set(d.code, { file: f.name, sheet: d.sheet, row: d.row });
      staged.distributors.push(d);
      staged.codes.set(d.code, d.name);
      return;
    }
  };

  // Period data arrives as flat stored rows (store-rows.ts), staged in bulk; a row repeating one
  // staged before (this file or an earlier one of the job) is a duplicate, reported at its row.
  const table = storeTable(kind);
  const columns = table ? STORE_COLUMNS[table] : [];
  const at = (values: unknown[], i: number, column: string): unknown => values[i * columns.length + columns.indexOf(column)];
  const duplicate = (t: StoreTable, file: string, values: unknown[], i: number): void => {
    const sheet = String(at(values, i, 'sheet'));
    const row = Number(at(values, i, 'row_no'));
    const first = staged.stage.firstOf(t, Staging.uniqueColumns(t).map((c) => at(values, i, c)));
    const where = { file: first ? (staged.files[first.file_id]?.name ?? '?') : '?', sheet: first?.sheet ?? '?', row: first?.row_no ?? 0 };
    if (t === 'balances') {
      const code = String(at(values, i, 'distributor_code'));
      errors.add({ file, sheet, row, column: null, header: null, field: 'distributor_code', value: code, key: 'import.duplicate_balance', params: { code, ...where } });
      return;
    }
    const doc = String(at(values, i, 'doc_no') ?? '');
    const lineNo = at(values, i, 'line_no') as string | null;
    const value = lineNo ? `${doc} / ${lineNo}` : doc;
    if (t === 'settlements') errors.add({ file, sheet, row, column: null, header: null, field: 'doc_no', value, key: 'import.duplicate_settlement', params: { doc, ...where, period: period ?? '' } });
    else errors.add({ file, sheet, row, column: null, header: null, field: 'doc_no', value, key: 'import.duplicate_line', params: { doc, ...where } });
  };
  const stageRows = (n: number, count: number, values: unknown[]): void => {
    const f = p.todo[n];
    const idx = fileIdx[n];
    if (!f || idx === undefined || !table || !period) return;
    for (let i = 0; i < count; i++) values[i * columns.length + FILE_COLUMN] = idx;
    staged.stage.rows(table, values, (i) => duplicate(table, f.name, values, i));
  };

  const outcomes: ({ ok: true; result: FileImportResult } | { ok: false; failure: ParseFailure } | undefined)[] = [];
  try {
    await staged.pool.run<FileImportResult>(
      p.todo.map((f, n) => ({
        file: n,
        path: f.path,
        options: { file: f.name, kind, period, masterCodes: master ? master.codes : null, sheets: req.sheets, templates, override: req.overrides?.[f.index] },
        masterNames: master ? master.names : [],
      })),
      {
        onRecords: (n, records) => {
          for (const r of records) write(n, r);
        },
        onRows: stageRows,
        onProgress: (n, rows, sheet) => onProgress({ file: p.todo[n]?.name ?? '', fileIndex: n, files: p.todo.length, rows, sheet }),
        onFileDone: (n, result) => (outcomes[n] = { ok: true, result }),
        onFileFailed: (n, failure) => (outcomes[n] = { ok: false, failure }),
      },
      signal,
    );
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    if (e.problem === 'cancelled') {
      report.status = 'cancelled';
      return;
    }
    // The worker itself failed (a stall, out of memory): the file it was on, and any after it, fail.
    p.todo.forEach((_, n) => (outcomes[n] ??= { ok: false, failure: e }));
  }
  for (const [n, f] of p.todo.entries()) {
    const outcome = outcomes[n];
    if (!outcome || !outcome.ok) {
      errors.add(parseFailureIssue(f.name, outcome && !outcome.ok ? outcome.failure : new ParseFailure('unreadable', '')));
      report.files.push({ file: f.name, sha256: f.sha, status: 'rejected', sheets: [], rows: 0, total: '0.00' });
      continue;
    }
    const result = outcome.result;
    errors.addAll(result.errors, result.errorCount);
    // data.md: a file with no data rows (a header alone, a million empty styled rows) is refused — a month may still have no file of a kind.
    if (result.summary.rows === 0 && result.errorCount === 0) errors.add(fileIssue(f.name, 'import.file.no_rows', { file: f.name }));
    warnings.addAll(result.warnings, result.warningCount);
    p.newTemplates.push(...result.templates);
    const summary: FileSummary = result.summary;
    p.summaries[n] = summary;
    report.files.push({
      file: f.name,
      sha256: f.sha,
      status: 'imported',
      sheets: summary.sheets,
      rows: summary.rows,
      total: summary.total,
      mappings: result.mappings,
      preview: result.preview,
      inferred: result.inferred.map((i) => issueOut(i, ctx.lang)),
    });
    report.rows += summary.rows;
  }
}

/**
 * Rows already stored are duplicates: purchase/return lines of the period (a re-export imported
 * twice, data.md); a settlement document in any period, an opening balance per distributor
 * (ledger.md). A replace exempts what it replaces.
 */
async function checkStoredDuplicates(db: Db, p: Prepared, staged: Staged): Promise<void> {
  const kind = p.req.kind;
  const replace = p.req.replace === true;
  if (kind !== 'purchases' && kind !== 'returns' && kind !== 'settlements' && kind !== 'balances') return;
  if (replace && (kind === 'purchases' || kind === 'returns')) return;
  // in slices of the staged rows, in their order: the same first MAX_REPORTED and the same count as one query
  const rows: StoredDuplicate[] = [];
  let count = 0;
  for (const range of slices(stagedSpan(db, kind))) {
    const found = storedDuplicates(db, kind, p.fileIdx, replace, MAX_REPORTED - rows.length, range);
    rows.push(...found.rows);
    count += found.count;
    await yieldLoop();
  }
  for (const d of rows) {
    const file = staged.files[d.file_idx]?.name ?? '?';
    const value = d.line_no ? `${d.doc_no} / ${d.line_no}` : d.doc_no;
    const first = { file: d.first_file, sheet: d.first_sheet, row: d.first_row };
    if (kind === 'balances') p.errors.add({ file, sheet: d.sheet, row: d.row_no, column: null, header: null, field: 'distributor_code', value: d.code, key: 'import.duplicate_balance', params: { code: d.code, ...first } });
    else if (kind === 'settlements') p.errors.add({ file, sheet: d.sheet, row: d.row_no, column: null, header: null, field: 'doc_no', value, key: 'import.duplicate_settlement', params: { doc: d.doc_no, ...first, period: d.first_period } });
    else p.errors.add({ file, sheet: d.sheet, row: d.row_no, column: null, header: null, field: 'doc_no', value, key: 'import.duplicate_line', params: { doc: d.doc_no, ...first } });
  }
  p.errors.count += count - rows.length;
}

/** Stores one request's staged records (inside the final transaction, on the import's own connection `db`). */
async function storePrepared(ctx: ServiceContext, db: Db, p: Prepared, staged: Staged): Promise<void> {
  const { req, report, period, effectiveFrom } = p;
  const kind = req.kind;
  const now = ctx.now().toISOString();
  const importId = insertImport(db, { kind: kind as AnyKind, period, mode: req.replace ? 'replace' : 'add', createdBy: actorName(ctx), createdAt: now });
  report.import_id = importId;
  if (req.replace && kind === 'balances') replaceBalances(db, importId);
  else if (req.replace && period && (isPeriodKind(kind) || kind === 'settlements')) replacePeriodKind(db, kind, period, importId);
  const fileIds = p.todo.map((f) => insertFile(db, { importId, kind: kind as AnyKind, period, fileName: f.name, sha256: f.sha, bytes: f.bytes }));
  if (kind === 'distributors') {
    const distributors = distributorWriters(db);
    for (const d of staged.distributors) {
      const row = { code: d.code, name: d.name, region: d.region, province: d.province, city: d.city, grade: d.grade, status: d.status, updated_at: now, import_id: importId };
      const existing = distributors.get(d.code);
      if (!existing) {
        distributors.insert(row);
        distributors.history({ code: d.code, effective_from: '0000-00', region: d.region, province: d.province, grade: d.grade, import_id: importId });
        continue;
      }
      distributors.update(row);
      const changed = existing.region !== d.region || existing.grade !== d.grade || existing.province !== d.province;
      if (!changed) continue;
      if (effectiveFrom === '0000-00') distributors.clearHistory(d.code);
      distributors.history({ code: d.code, effective_from: effectiveFrom ?? '0000-00', region: d.region, province: d.province, grade: d.grade, import_id: importId });
    }
  } else {
    const table = storeTable(kind);
    if (table) {
      // the period's lock checked once here instead of by its trigger for every row (staging.ts)
      const lock = period ? suspendPeriodLock(db, table, period) : null;
      if (lock?.locked) throw rejected('import.period_locked', { period: period ?? '' });
      for (const [n, idx] of p.fileIdx.entries()) {
        for (const range of slices(stagedSpan(db, table, idx))) {
          storeStagedFile(db, table, STORE_COLUMNS[table], idx, fileIds[n] ?? 0, range);
          await yieldLoop();
        }
      }
      lock?.restore();
    }
  }
  p.todo.forEach((_, n) => {
    const summary = p.summaries[n];
    if (summary) finishFile(db, fileIds[n] ?? 0, { sheetsJson: JSON.stringify(summary.sheets), rows: summary.rows, totalCents: moneyToCents(summary.total) });
  });
}

/** Records a successful import: rows, mapping templates, the audit entry. */
function record(ctx: ServiceContext, db: Db, p: Prepared): void {
  const { report, req } = p;
  if (report.import_id === null) return;
  const now = ctx.now().toISOString();
  setImportRows(db, report.import_id, report.rows);
  for (const tpl of p.newTemplates) putTemplate(db, req.kind, tpl.signature, JSON.stringify(tpl), now);
  appendAudit(
    db,
    {
      actor: actorName(ctx),
      action: req.replace ? 'import.replace' : 'import.add',
      entity: 'import',
      entityId: report.import_id,
      after: { kind: req.kind, period: p.period, files: report.files.filter((f) => f.status === 'imported').map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows, total: f.total })) },
    },
    ctx.now(),
  );
}

/**
 * Imports the files of one or more kinds as ONE transaction: everything lands or nothing does
 * (master data first, so the period data of the same import can use new codes). Parsing runs in a
 * worker per file; records are staged as they arrive (in memory or the job's staging file — the
 * database is not written meanwhile); when every file is valid they are stored in one short
 * transaction. An identical file again is a no-op; `replace` swaps the period's rows of a kind. The
 * job holds its periods while it runs.
 */
export async function runImports(
  ctx: ServiceContext,
  requests: ImportRequest[],
  onProgress: (p: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ImportReport[]> {
  const lang: Lang = ctx.lang;
  const db: Db = ctx.store.db;
  const order: readonly string[] = KINDS;
  const sorted = [...requests].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const all: Prepared[] = [];
  for (const req of sorted) all.push(await prepare(ctx, req));
  const dryRun = sorted.some((r) => r.dryRun);

  const work = all.filter((p) => p.todo.length > 0);
  if (work.length > 0) {
    // A long job holds its periods (team.md): a second job on them is refused at once, naming this one.
    const scopes = work.map((p) => p.period ?? MASTER_SCOPE);
    const hold = dryRun ? null : acquireHold(ctx, 'import', scopes);
    // One pool of parsing workers for the whole import, started once.
    const pool = new ParsePool(poolSize(Math.max(...work.map((p) => p.todo.length))));
    const staged: Staged = { stage: new Staging(db.name, STORE_COLUMNS), distributors: [], codes: new Map(), files: [], pool };
    try {
      if (!dryRun) await backup(ctx, `pre-import-${work.map((p) => p.req.kind).join('-')}`);
      for (const p of work) {
        await stageFiles(ctx, p, staged, onProgress, signal);
        if (p.report.status === 'cancelled') break;
      }
      // every file is read: the parsing workers (their heaps) go before the store needs its page cache
      pool.close();
      const cancelled = work.some((p) => p.report.status === 'cancelled');
      let failed = work.some((p) => p.errors.count > 0);
      if (!cancelled && !failed) {
        // The final store: one transaction on a connection of the import's own, in slices between
        // which the event loop answers others — reads through the Store's connection (WAL: they see
        // the last commit, never a part of this one), writes of this process wait for it in
        // Store.writable() (a team server's adjustments, another import's store).
        let stored = false;
        await ctx.store.exclusiveWrite(async (writer) => {
          const detach = attachStaging(writer, staged.stage);
          try {
            for (const p of work) await checkStoredDuplicates(writer, p, staged);
            failed = work.some((p) => p.errors.count > 0);
            if (failed || dryRun) return;
            // A large page cache while the store grows the indexes (random dup keys).
            writer.pragma(`cache_size = ${IMPORT_CACHE_KB}`);
            writer.exec('BEGIN IMMEDIATE');
            try {
              for (const p of work) await storePrepared(ctx, writer, p, staged);
              for (const p of work) record(ctx, writer, p);
              await yieldLoop();
              writer.exec('COMMIT');
              stored = true;
              await yieldLoop();
            } catch (e) {
              if (writer.inTransaction) writer.exec('ROLLBACK');
              throw e;
            }
          } finally {
            detach();
          }
        });
        // The import job ends after its operation answered: move the audit anchor forward here (workflow.md).
        if (stored) {
          await yieldLoop();
          syncAnchor(ctx.store.db);
        }
      }
      if (cancelled || failed || dryRun) {
        for (const p of work) {
          if (cancelled) p.report.status = 'cancelled';
          else p.report.status = p.errors.count > 0 ? 'rejected' : failed ? 'rejected' : 'valid';
          p.report.import_id = null;
          for (const f of p.report.files) if (f.status === 'imported' && (failed || cancelled)) f.status = 'rejected';
        }
      }
    } finally {
      pool.close();
      staged.stage.dispose();
      hold?.release();
    }
  }
  const blocked = work.some((p) => p.errors.count > 0) && !work.some((p) => p.report.status === 'cancelled');
  return all.map((p) => {
    if (p.todo.length === 0) {
      p.report.status = blocked ? 'rejected' : 'unchanged';
    }
    // counts in a sentence read as in the tables: 150,000 行
    const params = { rows: formatCount(p.report.rows), errors: formatCount(p.errors.count) };
    p.report.message = p.report.status === 'rejected' && p.errors.count === 0 ? t(lang, 'import.status.rejected_by_other') : t(lang, `import.status.${p.report.status}`, params);
    return finishReport(p.report, p.errors, p.warnings, lang);
  });
}

/** One kind's files as one import (the CLI's `import`). */
export async function runImport(ctx: ServiceContext, req: ImportRequest, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  const [report] = await runImports(ctx, [req], onProgress, signal);
  if (!report) throw new Error('no report');
  return report;
}

function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return issueOut(fileIssue('', key, params), lang).message;
}

function finishReport(report: ImportReport, errors: IssueList, warnings: IssueList, lang: Lang): ImportReport {
  report.errors = errors.items.map((i) => issueOut(i, lang));
  report.warnings = warnings.items.map((i) => issueOut(i, lang));
  report.error_count = errors.count;
  report.warning_count = warnings.count;
  return report;
}
