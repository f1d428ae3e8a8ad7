import { z } from 'zod';
import { def } from '../op-def';
import { type BatchStatus, PERIOD_PATTERN } from '../../domain';

const period = z.string().regex(PERIOD_PATTERN, 'period');
const code = z.string().min(1).max(64);

/** ledger.md's settlement methods by canonical key, as decimal strings. */
export interface MethodAmounts {
  invoice: string;
  goods: string;
  offset: string;
  cash: string;
}

export type LedgerCheck = 'overdrawn' | 'dormant_balance';

export interface LedgerFinding {
  code: string;
  name: string | null;
  check: LedgerCheck;
  detail: string;
}

export interface LedgerRowView {
  code: string;
  name: string;
  region: string;
  grade: string;
  opening: string;
  accrued: string;
  used: string;
  used_by_method: MethodAmounts;
  adjusted: string;
  closing: string;
  findings: LedgerCheck[];
}

export interface LedgerView {
  period: string;
  /** the ledger's first period; null without any data */
  start: string | null;
  balances_period: string | null;
  batch_status: BatchStatus | null;
  /** the period's batch is approved: its ledger rows are final (otherwise provisional) */
  final: boolean;
  dormant_periods: number;
  rows: LedgerRowView[];
  totals: { opening: string; accrued: string; used: string; used_by_method: MethodAmounts; adjusted: string; closing: string };
  findings: LedgerFinding[];
}

export interface LedgerDetailView {
  period: string;
  code: string;
  name: string;
  opening: string;
  /** where the opening comes from: the imported balance (file, sheet, row) or the previous period's closing */
  opening_source: { kind: 'balance' | 'previous'; file: string | null; sheet: string | null; row: number | null; period: string };
  accrued: string;
  /** the distributor's row in the period's batch (accrued counts it only when approved) */
  batch: { status: BatchStatus; policy: string | null; rebate: string | null; adjustment: string; final: string | null } | null;
  used: string;
  used_by_method: MethodAmounts;
  settlements: { doc_no: string; line_no: string | null; date: string; amount: string; method: keyof MethodAmounts; note: string | null; file: string; sheet: string; row: number }[];
  adjusted: string;
  adjustments: { id: number; amount: string; reason: string; created_by: string; created_at: string }[];
  closing: string;
}

export interface LedgerHistoryView {
  code: string;
  name: string;
  rows: { period: string; final: boolean; opening: string; accrued: string; used: string; used_by_method: MethodAmounts; adjusted: string; closing: string }[];
}

export interface LedgerExportView {
  period: string;
  final: boolean;
  rows: number;
  closing: string;
  file_name: string;
  /** for the UI: save it with saveDownload; null when written to `out` */
  download_id: string | null;
  /** where the command line wrote it */
  out: string | null;
}

/** a file to write to: only the command line may name one (the UI saves a download) */
const out = z.string().min(1).max(4096).optional();

export const ledgerOperations = {
  'export.ledger': def<LedgerExportView>()(z.object({ period, out }).strict(), 'signed_in'),
  'ledger.show': def<LedgerView>()(z.object({ period }).strict(), 'signed_in'),
  'ledger.detail': def<LedgerDetailView>()(z.object({ period, code }).strict(), 'signed_in'),
  'ledger.history': def<LedgerHistoryView>()(z.object({ code, to: period.optional() }).strict(), 'signed_in'),
  'ledger.adjust': def<LedgerDetailView>()(
    z
      .object({
        period,
        code,
        amount: z.string().min(1).max(32),
        reason: z.string().min(1).max(500),
      })
      .strict(),
    'preparer',
  ),
} as const;
