import { z } from 'zod';
import { def } from '../op-def';
import { type DistributorFields, type IssuePlace, type Kind, KINDS, PERIOD_PATTERN } from '../../domain';

/** The import kinds are the kernel's data kinds (names kept: the CLI and renderer use them). */
export const KIND_NAMES = KINDS;
export type ImportKind = Kind;

const period = z.string().regex(PERIOD_PATTERN, 'period');
const fieldName = z.string().regex(/^[a-z_]+$/).max(40);

export const importRequest = z
  .object({
    kind: z.enum(KIND_NAMES),
    period: period.optional(),
    files: z.array(z.object({ path: z.string().min(1).max(4096), name: z.string().max(260).optional() }).strict()).min(1).max(100),
    sheets: z.array(z.string().max(100)).max(100).optional(),
    replace: z.boolean().optional(),
    dryRun: z.boolean().optional(),
    overrides: z
      .record(
        z.string().regex(/^\d+$/),
        z
          .object({
            headerRow: z.number().int().min(1).max(1000).optional(),
            headerRowSpan: z.union([z.literal(1), z.literal(2)]).optional(),
            columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), fieldName.nullable()).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** One problem of an import, where it is and its message in the caller's language. */
export interface IssueView extends IssuePlace {
  file: string;
  key: string;
  message: string;
}

export interface SheetMappingView {
  sheet: string;
  header_row: number;
  header_row_span: 1 | 2;
  signature: string;
  columns: { column: string; field: string; header: string }[];
  ignored: { column: string; header: string }[];
}

/** A file's outcome in an import report (what the service and the view share). */
export interface ImportFileSummary {
  file: string;
  sha256: string;
  status: 'imported' | 'unchanged' | 'rejected';
  sheets: { name: string; header_row: number | null; rows: number; skipped?: string }[];
  rows: number;
  total: string;
}

export interface ImportFileView extends ImportFileSummary {
  /** each read sheet's header and column mapping (for the 识别与映射 step) */
  mappings?: SheetMappingView[];
  /** the file's first records as they will be stored */
  preview?: { kind: string; record: object }[];
  /** what was inferred (the report's 识别说明): currency qualifiers ignored, the amount column chosen and why, rows filled down, distributors found by name */
  inferred?: IssueView[];
}

/** An import's report: the service's files (`F`) carry the pipeline's own mapping and record types. */
export interface ImportReportOf<F extends ImportFileSummary> {
  status: 'imported' | 'rejected' | 'unchanged' | 'valid' | 'cancelled';
  kind: ImportKind;
  period: string | null;
  import_id: number | null;
  message: string;
  files: F[];
  rows: number;
  errors: IssueView[];
  warnings: IssueView[];
  error_count: number;
  warning_count: number;
}

export type ImportReportView = ImportReportOf<ImportFileView>;

/** How far a running import is: which file of how many, rows read, the sheet being read. */
export interface ImportProgressView {
  file: string;
  fileIndex: number;
  files: number;
  rows: number;
  sheet: string | null;
}

export interface ImportJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgressView | null;
  /** one per kind of the import, master data first */
  reports: ImportReportView[] | null;
  error: string | null;
}

export interface ImportHistoryView {
  importId: number;
  kind: ImportKind;
  period: string | null;
  mode: 'add' | 'replace';
  createdBy: string;
  createdAt: string;
  fileName: string;
  sha256: string;
  rows: number;
  total: string;
  replaced: boolean;
}

export interface DistributorView extends DistributorFields {
  updatedAt: string;
  history: { effective_from: string; region: string; grade: string; province: string | null }[];
}

export interface DetectedSheet {
  name: string;
  hidden: boolean;
  kind: ImportKind | null;
  score: number;
  headerRow: number | null;
}

export interface DetectedFile {
  file: string;
  kind: ImportKind | null;
  sheets: DetectedSheet[];
  error: string | null;
}

export interface KindView {
  kind: ImportKind;
  label: string;
  fields: { field: string; label: string; required: boolean }[];
}

export const importOperations = {
  'import.kinds': def<KindView[]>()(z.object({}).strict(), 'signed_in'),
  'import.run': def<ImportReportView>()(importRequest, 'preparer'),
  /** several kinds as one import (one transaction), followed by polling `import.job` */
  'import.start': def<{ jobId: string }>()(z.object({ imports: z.array(importRequest).min(1).max(KINDS.length) }).strict(), 'preparer'),
  'import.job': def<ImportJobView>()(z.object({ jobId: z.string().min(1).max(64) }).strict(), 'preparer'),
  'import.cancel': def<null>()(z.object({ jobId: z.string().min(1).max(64) }).strict(), 'preparer'),
  'import.detect': def<DetectedFile[]>()(
    z.object({ files: z.array(z.object({ path: z.string().min(1).max(4096), name: z.string().max(260).optional() }).strict()).min(1).max(100) }).strict(),
    'preparer',
  ),
  'import.history': def<ImportHistoryView[]>()(z.object({ period: period.optional() }).strict(), 'signed_in'),
  'import.errorWorkbook': def<{ downloadId: string; fileName: string }>()(z.object({ jobId: z.string().min(1).max(64) }).strict(), 'preparer'),
  'distributors.list': def<DistributorView[]>()(z.object({}).strict(), 'signed_in'),
} as const;
