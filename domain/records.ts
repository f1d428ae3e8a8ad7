import type { BatchStatus } from './status';

/**
 * The shapes of data.md's rows shared by every layer: the import pipeline's records, the rows the
 * repositories store and the views the contract returns extend these, so a field is named once.
 */

/** A distributor is active (its data is calculated) or inactive. */
export const DISTRIBUTOR_STATES = ['active', 'inactive'] as const;
export type DistributorState = (typeof DISTRIBUTOR_STATES)[number];

/** A distributor of the master data. */
export interface DistributorFields {
  code: string;
  name: string;
  region: string;
  province: string | null;
  city: string | null;
  grade: string;
  status: DistributorState;
}

/** Where a problem of an imported file is; `null` where it does not apply (a file-level issue has no row). */
export type IssuePlace = {
  sheet: string | null;
  row: number | null;
  /** column letter, e.g. `D` */
  column: string | null;
  /** the header text in the file */
  header: string | null;
  field: string | null;
  value: string | null;
};

/** What a calculation reads of a distributor (the city plays no part in a rebate). */
export type DistributorProfile = Omit<DistributorFields, 'city'>;

/** The head of a document line (purchases, returns, settlements): which document, when, for whom. */
export interface DocumentHead {
  doc_no: string;
  line_no: string | null;
  date: string;
  distributor_code: string;
  distributor_name: string | null;
}

/** Where a row was read: the file's sheet and the row number Excel shows. */
export interface RowPlace {
  sheet: string;
  row: number;
}

/** Why a distributor of a batch has no rebate: no policy covers it, two tie, or a formula failed. */
export const BATCH_EXCEPTIONS = ['no_policy', 'ambiguous', 'evaluation'] as const;
export type BatchException = (typeof BATCH_EXCEPTIONS)[number];

/** A calculated batch: who made it, when, its total and content hash. */
export interface BatchHead {
  id: number;
  period: string;
  status: BatchStatus;
  created_by: string;
  created_at: string;
  calculated_by: string;
  calculated_at: string;
  total_cents: number;
  content_hash: string;
}

/** One distributor's row of a batch as stored: money in integer cents, inputs and formula values as JSON. */
export interface BatchLineFields {
  code: string;
  name: string;
  region: string;
  province: string | null;
  grade: string;
  policy_code: string | null;
  policy_version: number | null;
  inputs_json: string;
  values_json: string | null;
  rebate_cents: number | null;
  adjustment_cents: number;
  final_cents: number | null;
  exception: BatchException | null;
}
