import path from 'node:path';
import type { DetectedFile, ImportJobView, KindView } from '../../contract/ops/imports';
import { rejected } from '../../domain';
import { t, messageText } from '../i18n/messages';
import { detectFile } from '../import/detect-file';
import type { MappingOverride } from '../import/headers';
import { FIELDS, isFieldName, KIND_DEFS, KINDS, type FieldName } from '../import/kinds';
import type { ServiceContext } from './context';
import { writeImportErrorWorkbook } from './import-errors-workbook';
import { runImport, runImports, type ImportProgress, type ImportReport, type ImportRequest } from './imports';
import { failureText, ownerId } from './job-runs';

/** An import as the contract sends it: the column choices keyed by the file's index as text. */
export type ImportInput = Omit<ImportRequest, 'overrides'> & {
  overrides?: Record<string, { headerRow?: number | undefined; headerRowSpan?: 1 | 2 | undefined; columns?: Record<string, string | null> | undefined }> | undefined;
};

/** In the web host only uploaded files may be imported: a browser page must not read the disk. */
function checkPaths(ctx: ServiceContext, files: { path: string }[]): void {
  if (!ctx.stagingDir) return;
  const root = path.resolve(ctx.stagingDir) + path.sep;
  for (const f of files) if (!path.resolve(f.path).startsWith(root)) throw rejected('import.file_outside_staging');
}

/** The payload's column choices, with field names checked against the known fields. */
function request(input: ImportInput): ImportRequest {
  const overrides: Record<number, MappingOverride> = {};
  for (const [k, v] of Object.entries(input.overrides ?? {})) {
    const columns: Record<string, FieldName | null> = {};
    for (const [letter, field] of Object.entries(v.columns ?? {})) {
      if (field !== null && !isFieldName(field)) throw rejected('payload.invalid', { detail: `overrides.${k}.columns.${letter}: ${field}` });
      columns[letter] = field;
    }
    overrides[Number(k)] = {
      ...(v.headerRow !== undefined ? { headerRow: v.headerRow } : {}),
      ...(v.headerRowSpan !== undefined ? { headerRowSpan: v.headerRowSpan } : {}),
      columns,
    };
  }
  return { ...input, overrides };
}

/** `import.kinds`: each kind with its fields, labelled in the caller's language. */
export function importKinds(ctx: ServiceContext): KindView[] {
  return KINDS.map((kind) => ({
    kind,
    label: KIND_DEFS[kind].label[ctx.lang],
    fields: KIND_DEFS[kind].fields.map((f) => ({ field: f.field, label: FIELDS[f.field].label[ctx.lang], required: f.required })),
  }));
}

/** `import.run`: one kind's files, checked and stored (or validated only) while the caller waits. */
export function importFiles(ctx: ServiceContext, input: ImportInput): Promise<ImportReport> {
  checkPaths(ctx, input.files);
  return runImport(ctx, request(input));
}

/** `import.start`: several kinds as one job the UI follows (progress, cancel), master data first. */
export function startImports(ctx: ServiceContext, imports: ImportInput[]): { jobId: string } {
  for (const r of imports) checkPaths(ctx, r.files);
  const requests = imports.map(request);
  const job = ctx.store.jobs.start<ImportProgress, ImportReport[]>(
    ownerId(ctx),
    (j) => runImports(ctx, requests, (p) => (j.progress = p), j.abort.signal),
    (e) => failureText(e, ctx),
  );
  return { jobId: job.id };
}

export function importJob(ctx: ServiceContext, jobId: string): ImportJobView {
  const job = ctx.store.jobs.get<ImportProgress, ImportReport[]>(jobId, ownerId(ctx));
  if (!job) throw rejected('import.job_not_found');
  return { id: job.id, status: job.status, progress: job.progress, reports: job.result, error: job.error };
}

export function cancelImport(ctx: ServiceContext, jobId: string): null {
  ctx.store.jobs.get(jobId, ownerId(ctx))?.abort.abort();
  return null;
}

/** `import.detect`: what each file holds (its kind and sheets), or why it cannot be read. */
export async function detectFiles(ctx: ServiceContext, files: { path: string; name?: string | undefined }[]): Promise<DetectedFile[]> {
  checkPaths(ctx, files);
  const out: DetectedFile[] = [];
  for (const f of files) {
    const name = f.name ?? path.basename(f.path);
    const g = await detectFile(f.path, name);
    out.push(g.ok ? { file: name, kind: g.kind, sheets: g.sheets, error: null } : { file: name, kind: null, sheets: [], error: messageText(`import.file.${g.problem}`, { file: name, detail: g.detail ?? '' }, ctx.lang) });
  }
  return out;
}

/** `import.errorWorkbook`: the job's errors and warnings as a workbook to save, named after the period. */
export async function importErrorWorkbook(ctx: ServiceContext, jobId: string): Promise<{ downloadId: string; fileName: string }> {
  const reports = ctx.store.jobs.get<ImportProgress, ImportReport[]>(jobId, ownerId(ctx))?.result;
  if (!reports) throw rejected('import.job_not_found');
  const period = reports.find((r) => r.period)?.period;
  const fileName = `${t('file.import_problems', {}, ctx.lang)}${period ? `-${period}` : ''}.xlsx`;
  const file = ctx.store.downloads.newPath(fileName);
  const title = reports.map((r) => `${r.message} (${r.files.map((f) => f.file).join(', ')})`).join(' ');
  await writeImportErrorWorkbook(file, reports.flatMap((r) => r.errors), reports.flatMap((r) => r.warnings), ctx.lang, title);
  const d = ctx.store.downloads.add(ownerId(ctx), file, fileName);
  return { downloadId: d.id, fileName };
}
