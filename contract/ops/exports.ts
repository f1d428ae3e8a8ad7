import { z } from 'zod';
import { def } from '../op-def';
import type { LedgerExportView } from './ledger';
import { type BatchStatus, DATE_PATTERN, PERIOD_PATTERN } from '../../domain';

const period = z.string().regex(PERIOD_PATTERN, 'period');
/** a file or folder to write to: only the command line may name one (the UI saves a download) */
const out = z.string().min(1).max(4096).optional();

/**
 * What a posting-file column shows. `account` is the row's account (debit account on the debit
 * line, credit account on the credit line); `debit`/`credit` the amount on that side; `amount` the
 * final rebate; `constant` the column's `value`.
 */
export const POSTING_SOURCES = [
  'voucher_date',
  'period',
  'summary',
  'account',
  'debit_account',
  'credit_account',
  'direction',
  'debit',
  'credit',
  'amount',
  'distributor_code',
  'distributor_name',
  'region',
  'province',
  'grade',
  'line_no',
  'batch_id',
  'batch_hash',
  'constant',
] as const;
export type PostingSource = (typeof POSTING_SOURCES)[number];

export const postingLayoutSchema = z
  .object({
    /** `pair`: a debit line and a credit line per distributor (a voucher's entries); `single`: one row each */
    mode: z.enum(['pair', 'single']),
    /** leave out distributors whose final rebate is 0.00 */
    skip_zero: z.boolean(),
    params: z
      .object({
        debit_account: z.string().trim().min(1).max(40),
        credit_account: z.string().trim().min(1).max(40),
        /** `{period}`, `{code}`, `{name}`, `{region}` are filled in */
        summary: z.string().trim().min(1).max(200),
        /** `period_end` (the last day of the period), `export_day`, or a fixed YYYY-MM-DD */
        voucher_date: z.union([z.literal('period_end'), z.literal('export_day'), z.string().regex(DATE_PATTERN, 'date')]),
      })
      .strict(),
    columns: z
      .array(z.object({ header: z.string().trim().min(1).max(60), source: z.enum(POSTING_SOURCES), value: z.string().max(200).optional() }).strict())
      .min(1)
      .max(40),
  })
  .strict()
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.columns.forEach((c, i) => {
      if (seen.has(c.header)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'header'], message: `duplicate header "${c.header}"` });
      seen.add(c.header);
      if (c.source === 'constant' && c.value === undefined) ctx.addIssue({ code: 'custom', path: ['columns', i, 'value'], message: 'a constant column needs a value' });
    });
  });

export type PostingLayout = z.output<typeof postingLayoutSchema>;

export interface PostingLayoutView {
  layout: PostingLayout;
  /** true until an administrator saves a layout */
  is_default: boolean;
  default_layout: PostingLayout;
}

/** What was exported: the batch (and its content hash at the time) and the exact total. */
export interface ExportSummary {
  status: BatchStatus;
  period: string;
  batch: number;
  content_hash: string;
  distributors: number;
  /** sum of the exported final amounts, exact */
  total: string;
}

export interface ExportView extends ExportSummary {
  file_name: string;
  /** for the UI: save it with saveDownload; null when written to `out` */
  download_id: string | null;
  /** where the command line wrote it */
  out: string | null;
  statements?: number;
  skipped?: string[];
  rows?: number;
  format?: 'xlsx' | 'csv';
}

/** An export run as a job (the UI's): what to write. The command line uses the single calls with `out`. */
export const exportJobRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approval'), period }).strict(),
  z.object({ kind: z.literal('statements'), period, mode: z.enum(['files', 'workbook']) }).strict(),
  z.object({ kind: z.literal('posting'), period, format: z.enum(['xlsx', 'csv']) }).strict(),
  z.object({ kind: z.literal('ledger'), period }).strict(),
]);
export type ExportJobRequest = z.output<typeof exportJobRequestSchema>;

/** An export followed by polling: progress, cancel, result (like `batch.calculateJob`). */
export interface ExportJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** true once cancelled: nothing was left at the target path */
  cancelled: boolean;
  /** rows written so far of all the rows the file needs (a batch export reads the batch once per pass); null before the first */
  progress: { done: number; total: number } | null;
  /** `export.ledger`'s answer for kind `ledger`, else the batch export's */
  result: ExportView | LedgerExportView | null;
  error: string | null;
}

const jobId = z.string().min(1).max(64);

/** Every export as a job (the UI's): `export.job` follows it, `export.cancel` stops it (no file, no partial file). */
export const exportJobOperations = {
  'export.start': def<{ jobId: string }>()(z.object({ request: exportJobRequestSchema }).strict(), 'signed_in'),
  'export.job': def<ExportJobView>()(z.object({ jobId }).strict(), 'signed_in'),
  'export.cancel': def<null>()(z.object({ jobId }).strict(), 'signed_in'),
} as const;

export const exportOperations = {
  'export.approval': def<ExportView>()(z.object({ period, out }).strict(), 'signed_in'),
  'export.statements': def<ExportView>()(z.object({ period, mode: z.enum(['files', 'workbook']), out }).strict(), 'signed_in'),
  'export.posting': def<ExportView>()(z.object({ period, format: z.enum(['xlsx', 'csv']), out }).strict(), 'signed_in'),
  'export.postingLayout.get': def<PostingLayoutView>()(z.object({}).strict(), 'signed_in'),
  'export.postingLayout.set': def<PostingLayoutView>()(z.object({ layout: postingLayoutSchema.nullable() }).strict(), 'admin'),
} as const;
