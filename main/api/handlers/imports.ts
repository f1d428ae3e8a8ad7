import path from 'node:path';
import type { importOperations, ImportJobView, ImportReportView } from '../../../contract/ops/imports';
import { distributors, history } from '../../services/import-history';
import { detectFile } from '../../import/detect-file';
import type { MappingOverride } from '../../import/headers';
import { FIELDS, isFieldName, KIND_DEFS, KINDS, type FieldName } from '../../import/kinds';
import type { ServiceContext } from '../../services/context';
import { AppError, rejected } from '../../../domain';
import { writeImportErrorWorkbook } from '../../services/import-errors-workbook';
import { runImport, runImports, type ImportProgress, type ImportReport, type ImportRequest } from '../../services/imports';
import { messageText, t } from '../../i18n/messages';
import { explainFailure } from '../../services/failures';
import type { HandlersFor } from '../handler-types';

type Input = Omit<ImportRequest, 'overrides'> & {
  overrides?: Record<string, { headerRow?: number | undefined; headerRowSpan?: 1 | 2 | undefined; columns?: Record<string, string | null> | undefined }> | undefined;
};

/** In the web host only uploaded files may be imported: a browser page must not read the disk. */
function checkPaths(ctx: ServiceContext, files: { path: string }[]): void {
  if (!ctx.stagingDir) return;
  const root = path.resolve(ctx.stagingDir) + path.sep;
  for (const f of files) if (!path.resolve(f.path).startsWith(root)) throw rejected('import.file_outside_staging');
}

/** The payload's column choices, with field names checked against the known fields. */
function request(input: Input): ImportRequest {
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

function owner(ctx: ServiceContext): number {
  return ctx.session.user?.id ?? 0;
}

export const importHandlers: HandlersFor<typeof importOperations> = {
  'import.kinds': (ctx) =>
    KINDS.map((kind) => ({
      kind,
      label: KIND_DEFS[kind].label[ctx.lang],
      fields: KIND_DEFS[kind].fields.map((f) => ({ field: f.field, label: FIELDS[f.field].label[ctx.lang], required: f.required })),
    })),
  'import.run': async (ctx, input) => {
    checkPaths(ctx, input.files);
    return (await runImport(ctx, request(input))) satisfies ImportReportView;
  },
  'import.start': (ctx, input) => {
    for (const r of input.imports) checkPaths(ctx, r.files);
    const job = ctx.store.jobs.start<ImportProgress, ImportReport[]>(
      owner(ctx),
      (j) => runImports(ctx, input.imports.map(request), (p) => (j.progress = p), j.abort.signal),
      (raw) => {
        const e = explainFailure(raw, ctx.lang, ctx.store.db);
        return e instanceof AppError ? messageText(e.key, e.params, ctx.lang) : t('internal', { detail: e instanceof Error ? e.message : String(e) }, ctx.lang);
      },
    );
    return { jobId: job.id };
  },
  'import.job': (ctx, input) => {
    const job = ctx.store.jobs.get<ImportProgress, ImportReport[]>(input.jobId, owner(ctx));
    if (!job) throw rejected('import.job_not_found');
    return { id: job.id, status: job.status, progress: job.progress, reports: job.result, error: job.error } satisfies ImportJobView;
  },
  'import.cancel': (ctx, input) => {
    ctx.store.jobs.get(input.jobId, owner(ctx))?.abort.abort();
    return null;
  },
  'import.detect': async (ctx, input) => {
    checkPaths(ctx, input.files);
    const out = [];
    for (const f of input.files) {
      const name = f.name ?? path.basename(f.path);
      const g = await detectFile(f.path, name);
      out.push(
        g.ok
          ? { file: name, kind: g.kind, sheets: g.sheets, error: null }
          : { file: name, kind: null, sheets: [], error: messageText(`import.file.${g.problem}`, { file: name, detail: g.detail ?? '' }, ctx.lang) },
      );
    }
    return out;
  },
  'import.history': (ctx, input) => history(ctx, input.period ?? null),
  'import.errorWorkbook': async (ctx, input) => {
    const job = ctx.store.jobs.get<ImportProgress, ImportReport[]>(input.jobId, owner(ctx));
    const reports = job?.result;
    if (!reports) throw rejected('import.job_not_found');
    const period = reports.find((r) => r.period)?.period;
    const fileName = `${t('file.import_problems', {}, ctx.lang)}${period ? `-${period}` : ''}.xlsx`;
    const file = ctx.store.downloads.newPath(fileName);
    const title = reports.map((r) => `${r.message} (${r.files.map((f) => f.file).join(', ')})`).join(' ');
    await writeImportErrorWorkbook(file, reports.flatMap((r) => r.errors), reports.flatMap((r) => r.warnings), ctx.lang, title);
    const d = ctx.store.downloads.add(owner(ctx), file, fileName);
    return { downloadId: d.id, fileName };
  },
  'distributors.list': (ctx) => distributors(ctx),
};
