/**
 * Workflow states (workflow.md): a period's batch moves draft → submitted → approved, or back to
 * rejected (then draft again on the next change); a period's next step is derived from its data and
 * its batch.
 */
import type { Lang, Labels } from './lang';

export const BATCH_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, Labels>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '审批中', en: 'Awaiting approval' },
  approved: { 'zh-CN': '已审批', en: 'Approved' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
};

export function isBatchStatus(value: unknown): value is BatchStatus {
  return typeof value === 'string' && (BATCH_STATUSES as readonly string[]).includes(value);
}

/** A batch that may still change (recalculate, adjust): draft or rejected. */
export function isEditable(status: BatchStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** A batch that is locked against any change of its data: submitted or approved. */
export function isLocked(status: BatchStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

export function batchStatusLabel(status: BatchStatus, lang: Lang): string {
  return BATCH_STATUS_LABELS[status][lang];
}

/** A period's next step on the month-end path. */
export const PERIOD_STEPS = ['import', 'calculate', 'review', 'submit', 'approval', 'export'] as const;
export type PeriodStep = (typeof PERIOD_STEPS)[number];
