import { z } from 'zod';
import { def } from '../op-def';
import { type BatchStatus, PERIOD_PATTERN } from '../../domain';

export type { BatchStatus };

const period = z.string().regex(PERIOD_PATTERN, 'period');

export interface CalcDiffView {
  first: boolean;
  added: string[];
  removed: string[];
  up: number;
  down: number;
  unchanged: number;
  previous_total: string;
  total_delta: string;
}

export interface CalcResultView {
  batch: number;
  period: string;
  status: 'draft';
  distributors: number;
  exceptions: number;
  rebate_total: string;
  adjustment_total: string;
  total: string;
  content_hash: string;
  diff: CalcDiffView;
  dropped_adjustments: { code: string; amount: string; reason: string }[];
}

export interface ResultRowView {
  code: string;
  name: string;
  region: string;
  province: string | null;
  grade: string;
  status: string;
  policy: string | null;
  policy_version: number | null;
  inputs: Record<string, string>;
  values: Record<string, string>;
  rebate: string | null;
  adjustment: string;
  adjustment_reason: string | null;
  /** the adjustment's note for the distributor (printed on its statement instead of the reason) */
  adjustment_note: string | null;
  final: string | null;
  exception: string | null;
}

/** What every whole-batch view starts with: which batch, its state and its totals. */
export interface BatchHeadView {
  period: string;
  batch: number;
  status: BatchStatus;
  content_hash: string;
  total: string;
  rebate_total: string;
  adjustment_total: string;
  distributors: number;
  calculated_by: string;
  calculated_at: string;
}

export interface BatchResultsView extends BatchHeadView {
  /** the policy versions used: formulas and parameters with their labels (the code when unlabelled), parameter values as text */
  policies: { code: string; version: number; labels: Record<string, string>; formulas: { name: string; label: string; expr: string }[]; parameters: LabelledParameter[] }[];
  rows: ResultRowView[];
  exceptions: { code: string; reason: string; kind: string }[];
  /** what the last recalculation changed; null before the second calculation */
  last_diff: CalcDiffView | null;
}

/** Result-page sort keys: a fixed column, or a formula value / input by name (`values.返利`, `inputs.net_sales`). */
export const RESULT_SORT_COLUMNS = ['code', 'name', 'region', 'province', 'grade', 'status', 'policy', 'rebate', 'adjustment', 'final', 'exception', 'adjustment_reason'] as const;
export type ResultSortColumn = (typeof RESULT_SORT_COLUMNS)[number];

/**
 * One page of a batch's results (`batch.resultsPage`): the rows the filter matches, sorted, from
 * `offset`; `matched` and `filtered` are of every matching row, not just this page's.
 */
export interface ResultsPageView {
  period: string;
  batch: number;
  status: BatchStatus;
  content_hash: string;
  calculated_at: string;
  /** the whole batch: rows and totals */
  distributors: number;
  total: string;
  rebate_total: string;
  adjustment_total: string;
  offset: number;
  limit: number;
  /** rows the filter matches (all pages) */
  matched: number;
  /** totals of the rows the filter matches (all pages) */
  filtered: { rebate_total: string; adjustment_total: string; total: string; exceptions: number };
  rows: ResultRowView[];
  policies: BatchResultsView['policies'];
  /** the batch's regions and grades with their row counts (filter choices) */
  facets: { regions: { value: string; rows: number }[]; grades: { value: string; rows: number }[] };
  /** the inputs purchase, returns and net of the rows the filter matches, each row rounded to the cent and summed (the totals row) */
  inputs_total: { purchase: string; returns: string; net: string };
}

/** Totals of one region or grade (`batch.summary`), exact decimal strings. */
export interface GroupTotalView {
  key: string;
  distributors: number;
  exceptions: number;
  rebate: string;
  adjustment: string;
  final: string;
}

/** A distributor whose final amount changed against the month before (from or to 0 when new or gone). */
export interface FinalChangeView {
  code: string;
  name: string;
  previous: string;
  current: string;
  difference: string;
}

/**
 * What the approval screen and the month's charts show of a batch (`batch.summary`), computed on the
 * server from the kept view: the totals, the totals by region and by grade (biggest first), every
 * manually adjusted row, every exception with the distributor's name, and the largest changes
 * against the previous month's batch — never every row (the rows come a page at a time from
 * `batch.resultsPage`).
 */
export interface BatchSummaryView extends BatchHeadView {
  /** rows of the batch (what `batch.resultsPage` pages through) */
  rows: number;
  policies: { code: string; version: number }[];
  /** the batch's distributor codes (a reconciliation finding opens a trace only for these) */
  codes: string[];
  exceptions: { code: string; name: string; region: string; kind: string; reason: string }[];
  groups: { region: GroupTotalView[]; grade: GroupTotalView[] };
  /** rows with a manual adjustment (not 0), in code order */
  adjusted: Pick<ResultRowView, 'code' | 'name' | 'region' | 'rebate' | 'adjustment' | 'adjustment_reason' | 'final'>[];
  /** the largest changes of the final amount against the previous month's batch (null: it has none), by size, at most `changes` of the input */
  changes: { period: string; rows: FinalChangeView[] } | null;
  last_diff: CalcDiffView | null;
}

const textCondition = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(200).nullish(),
  })
  .strict();
const numberCondition = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
    filter: z.number().finite().nullish(),
    filterTo: z.number().finite().nullish(),
  })
  .strict();
const condition = z.union([textCondition, numberCondition]);
/** One column's filter as AG Grid's text and number filters describe it: a condition, or two joined by AND / OR. */
export const resultColumnFilter = z.union([
  condition,
  z.object({ filterType: z.enum(['text', 'number']), operator: z.enum(['AND', 'OR']), conditions: z.array(condition).min(1).max(2) }).strict(),
]);
export type ResultColumnFilter = z.infer<typeof resultColumnFilter>;
/** A results column a filter names: a sort column, or an input / formula value by name. */
const resultKey = z.union([z.enum(RESULT_SORT_COLUMNS), z.string().regex(/^(values|inputs)\.[\p{L}_][\p{L}\p{N}_]{0,63}$/u)]);

/** A policy parameter as shown: its label from the policy file (the code when it has none), the code, the value as text. */
export interface LabelledParameter {
  name: string;
  label: string;
  value: string;
}

export interface TraceViewData {
  period: string;
  row: ResultRowView;
  formulas: { name: string; label: string; expr: string; value: string | null }[];
  /** the parameters of the policy version that computed the row */
  parameters: LabelledParameter[];
  sources: { kind: 'purchases' | 'returns'; file: string; sheet: string; row: number; doc_no: string; date: string; amount: string }[];
  source_limit: number;
}

export interface ReconcileView {
  period: string;
  previous_period: string;
  previous_approved: boolean;
  settings: { tolerance: string; change_percent: number; change_amount: string; return_rate: string };
  claims: { code: string; name: string | null; claimed: string | null; computed: string | null; difference: string | null; status: 'matched' | 'differs' | 'only_claims' | 'only_batch' }[];
  changes: { code: string; name: string; previous: string; current: string; difference: string; percent: string | null }[];
  checks: { code: string; name: string | null; check: 'returns_above_purchases' | 'high_return_rate' | 'unknown_original_doc' | 'inactive_with_activity' | 'overdrawn' | 'dormant_balance'; detail: string }[];
  summary: { matched: number; differs: number; only_claims: number; only_batch: number; changes: number; checks: number; claims_imported: boolean; open: number };
  /** the preparer's explanations and 已确认 marks, by distributor */
  notes: ReconcileNoteView[];
}

/** One distributor's reconciliation note and its 已确认 mark (who, when). */
export interface ReconcileNoteView {
  code: string;
  note: string;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  updated_by: string;
  updated_at: string;
}

export interface PeriodKindView {
  kind: string;
  files: number;
  rows: number;
  total: string;
}

export interface PeriodOverviewView {
  period: string;
  kinds: PeriodKindView[];
  batch: { status: BatchStatus; total: string; distributors: number; exceptions: number; calculated_at: string; content_hash: string; stale: boolean } | null;
  /** the next step for a preparer: import, calculate, reconcile, submit, wait, export */
  next: 'import' | 'calculate' | 'review' | 'submit' | 'approval' | 'export';
}

/** A calculation followed by polling (the UI's): progress, cancel, result. */
export interface CalcJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** distributors evaluated so far; null before the first step */
  progress: { done: number; total: number } | null;
  result: CalcResultView | null;
  error: string | null;
}

const jobId = z.string().min(1).max(64);

export const batchOperations = {
  'batch.calculate': def<CalcResultView>()(z.object({ period }).strict(), 'preparer'),
  /** the same calculation as a job: `batch.calculateJob` follows it, `batch.calculateCancel` stops it (nothing stored) */
  'batch.calculateStart': def<{ jobId: string }>()(z.object({ period }).strict(), 'preparer'),
  'batch.calculateJob': def<CalcJobView>()(z.object({ jobId }).strict(), 'preparer'),
  'batch.calculateCancel': def<null>()(z.object({ jobId }).strict(), 'preparer'),
  'batch.results': def<BatchResultsView>()(z.object({ period }).strict(), 'signed_in'),
  /** a page of the results (default 100 rows), filtered by region / grade / text / exceptions or adjusted rows, sorted by a column or formula value */
  'batch.resultsPage': def<ResultsPageView>()(
    z
      .object({
        period,
        offset: z.number().int().min(0).max(100_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        sort: resultKey.default('code'),
        desc: z.boolean().default(false),
        region: z.string().max(100).optional(),
        grade: z.string().max(100).optional(),
        text: z.string().max(100).optional(),
        only: z.enum(['exceptions', 'adjusted']).optional(),
        /** the screen's search box: every word (split at spaces, any case) is found in one of the row's shown values */
        search: z.string().max(200).optional(),
        /** column filters by result key (AG Grid's filter model); the policy column's text is `CODE vN` as shown */
        filters: z.record(z.string().refine((k) => resultKey.safeParse(k).success, 'column'), resultColumnFilter).optional(),
      })
      .strict(),
    'signed_in',
  ),
  /** what the approval screen and the charts show: totals, groups, adjusted rows, exceptions, the largest changes (`changes`: how many, default 10) */
  'batch.summary': def<BatchSummaryView>()(z.object({ period, changes: z.number().int().min(0).max(100).default(10) }).strict(), 'signed_in'),
  'batch.trace': def<TraceViewData>()(z.object({ period, code: z.string().min(1).max(64) }).strict(), 'signed_in'),
  'batch.adjust': def<ResultRowView>()(
    z
      .object({
        period,
        code: z.string().min(1).max(64),
        amount: z.string().min(1).max(32),
        reason: z.string().max(500),
        note: z.string().max(500).optional(),
        /** the batch's calculated_at as the screen loaded it: refused when it was recalculated since (team.md, stale data) */
        calculatedAt: z.string().max(40).optional(),
      })
      .strict(),
    'preparer',
  ),
  'batch.reconcile': def<ReconcileView>()(z.object({ period }).strict(), 'signed_in'),
  'reconcile.note': def<ReconcileNoteView | null>()(
    z.object({ period, code: z.string().min(1).max(64), note: z.string().max(1000), confirmed: z.boolean() }).strict(),
    'preparer',
  ),
  'periods.overview': def<PeriodOverviewView[]>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(), 'signed_in'),
} as const;
