import { z } from 'zod';
import type { PolicyFile } from '../../formulas/policy-types';
import type { LabelledParameter } from './batches';
import { def } from '../op-def';
import { PERIOD_PATTERN } from '../../domain';

const period = z.string().regex(PERIOD_PATTERN, 'period');
const code = z.string().min(1).max(40);
const version = z.number().int().min(1);
const comment = z.string().trim().max(500);
/** A policy in its file form (formulas.md), checked by the formula module, not by zod. */
const draft = z.unknown();

export interface PolicyScopeView {
  /** null = every region */
  regions: string[] | null;
  /** null = every grade */
  grades: string[] | null;
}

/** One saved version of a policy: who saved it, when, why, and what it applies to. */
export interface PolicySummaryView {
  id: number;
  code: string;
  name: string;
  version: number;
  priority: number;
  effective_from: string;
  effective_to: string | null;
  scope: PolicyScopeView;
  active: boolean;
  formulas: number;
  parameters: number;
  source: 'import' | 'editor' | 'state';
  saved_by: string;
  saved_at: string;
  comment: string;
  content_hash: string;
}

export interface PolicyListItem extends PolicySummaryView {
  /** how many versions the policy has (the summary is the latest) */
  versions: number;
}

export interface PolicyVersionView extends PolicySummaryView {
  file: PolicyFile;
}

export interface PolicySaveResult {
  status: 'saved' | 'unchanged';
  message: string;
  policy: PolicySummaryView;
}

export interface PolicyExportView {
  fileName: string;
  /** the policy file's text, exactly the form of formulas.md */
  content: string;
}

export type DiffChange = 'added' | 'removed' | 'changed';

export interface PolicyDiffView {
  code: string;
  from: number;
  to: number;
  /** name, priority, effective_from, effective_to, scope.regions, scope.grades, active */
  fields: { field: string; old: string | null; new: string | null }[];
  /** a table parameter is compared key by key: `grade_factor.A` */
  parameters: { name: string; change: DiffChange; old: string | null; new: string | null }[];
  formulas: { name: string; change: DiffChange; old: { label: string | null; expr: string } | null; new: { label: string | null; expr: string } | null }[];
}

export interface PreviewRowView {
  code: string;
  name: string;
  region: string;
  grade: string;
  /** the policies that apply with the saved policies / with the draft */
  policy_before: string | null;
  policy_after: string | null;
  /** the rebate, null for an exception */
  before: string | null;
  after: string | null;
  /** after − before (exceptions count as 0) */
  difference: string;
  exception_before: string | null;
  exception_after: string | null;
}

export interface PolicyPreviewView {
  period: string;
  code: string;
  distributors: number;
  /** distributors to which the draft applies */
  draft_applies: number;
  total_before: string;
  total_after: string;
  difference: string;
  changed: number;
  exceptions_before: number;
  exceptions_after: number;
  /** every distributor, the biggest absolute changes first */
  rows: PreviewRowView[];
}

export interface PolicyTraceView {
  period: string;
  distributor: { code: string; name: string; region: string; province: string | null; grade: string };
  /** the policy that applies with the draft, and whether that is the draft itself */
  policy: string | null;
  draft: boolean;
  /** the built-in variables the formulas read */
  inputs: { name: string; value: string }[];
  steps: { name: string; label: string; expr: string; value: string | null }[];
  /** the parameters of the policy that applies, labelled */
  parameters: LabelledParameter[];
  rebate: string | null;
  before: string | null;
  error: string | null;
}

export const policyOperations = {
  'policy.list': def<PolicyListItem[]>()(z.object({}).strict(), 'signed_in'),
  'policy.get': def<PolicyVersionView>()(z.object({ code, version: version.optional() }).strict(), 'signed_in'),
  'policy.history': def<PolicySummaryView[]>()(z.object({ code }).strict(), 'signed_in'),
  'policy.diff': def<PolicyDiffView>()(z.object({ code, from: version, to: version }).strict(), 'signed_in'),
  'policy.export': def<PolicyExportView>()(z.object({ code, version: version.optional() }).strict(), 'signed_in'),
  'policy.exportDownload': def<{ downloadId: string; fileName: string }>()(z.object({ code, version: version.optional() }).strict(), 'signed_in'),
  'policy.import': def<PolicySaveResult>()(
    z.object({ content: z.string().max(2_000_000), fileName: z.string().max(260).optional(), comment: comment.optional() }).strict(),
    'policy_owner',
  ),
  'policy.save': def<PolicySaveResult>()(
    z.object({ policy: draft, comment: comment.min(1), baseVersion: version.nullable().optional() }).strict(),
    'policy_owner',
  ),
  'policy.setActive': def<PolicySaveResult>()(z.object({ code, active: z.boolean(), comment: comment.min(1) }).strict(), 'policy_owner'),
  'policy.preview': def<PolicyPreviewView>()(z.object({ policy: draft, period }).strict(), 'signed_in'),
  'policy.trace': def<PolicyTraceView>()(z.object({ policy: draft, period, distributor: z.string().min(1).max(64) }).strict(), 'signed_in'),
} as const;
