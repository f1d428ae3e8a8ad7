/**
 * What the row pipeline (pipeline.ts) hands to storage: one typed record per data row, and issues
 * with their exact place. Money is a decimal string rounded to the cent ("1234.50"), quantities and
 * rates exact decimal strings, dates YYYY-MM-DD, codes normalised.
 */
import type { Kind, SettlementMethod } from './kinds';
import type { MessageKey, MessageParams } from './messages';
import type { IssuePlace } from './issue-log';
import type { DistributorFields, DocumentHead, RowPlace } from '../../domain';

type Place = RowPlace;

export interface DistributorRecord extends Place, DistributorFields {}

export interface LineRecord extends Place, DocumentHead {
  sku_code: string | null;
  sku_name: string | null;
  quantity: string | null;
  unit_price: string | null;
  /** purchases: as in the file (negative is an error); returns: the positive magnitude */
  amount: string;
  /** returns only */
  original_doc_no?: string | null;
  reason?: string | null;
}

export interface PromotionRecord extends Place {
  distributor_code: string;
  promotion_code: string | null;
  promotion_name: string | null;
  target_amount: string | null;
  actual_amount: string | null;
  achievement_rate: string | null;
}

export interface ClaimRecord extends Place {
  distributor_code: string;
  claimed_rebate: string;
}

export interface SettlementRecord extends Place, DocumentHead {
  /** as in the file: negative is a reversal */
  amount: string;
  method: SettlementMethod;
  note: string | null;
}

export interface BalanceRecord extends Place {
  distributor_code: string;
  opening_balance: string;
}

export type ImportRecord =
  | { kind: 'distributors'; record: DistributorRecord }
  | { kind: 'purchases'; record: LineRecord }
  | { kind: 'returns'; record: LineRecord }
  | { kind: 'promotions'; record: PromotionRecord }
  | { kind: 'claims'; record: ClaimRecord }
  | { kind: 'settlements'; record: SettlementRecord }
  | { kind: 'balances'; record: BalanceRecord };

/** One problem, where it is, and its message key (translated when shown). */
export interface ImportIssue extends IssuePlace {
  file: string;
  key: MessageKey | string;
  params: MessageParams;
}

export interface SheetSummary {
  name: string;
  /** the (last) header row, 1-based; null when the sheet was skipped */
  header_row: number | null;
  /** data rows stored from this sheet */
  rows: number;
  /** why the sheet was not read: hidden, no header, not selected */
  skipped?: 'hidden' | 'no_header' | 'not_selected';
}

export interface FileSummary {
  file: string;
  kind: Kind;
  sheets: SheetSummary[];
  rows: number;
  /** the sum of the money field of the kind over the records (amount, claimed_rebate, actual_amount) */
  total: string;
}
