import { z } from 'zod';
import { def } from '../op-def';
import { type BatchStatus, PERIOD_PATTERN } from '../../domain';

const period = z.string().regex(PERIOD_PATTERN, 'period');
const hash = z.string().regex(/^[0-9a-f]{64}$/).optional();

export interface ChainLevelView {
  position: number;
  name: string;
  approvers: { name: string; display_name: string }[];
  min_total: string | null;
}

export interface ApprovalStatusView {
  period: string;
  status: BatchStatus;
  content_hash: string;
  total: string;
  submissions: {
    id: number;
    submitted_by: string;
    submitted_at: string;
    content_hash: string;
    total: string;
    comment: string | null;
    status: 'pending' | 'approved' | 'rejected';
    levels: {
      position: number;
      name: string;
      min_total: string | null;
      approvers: { name: string; display_name: string }[];
      decision: { user: string; decision: 'approve' | 'reject'; comment: string | null; at: string; content_hash: string } | null;
    }[];
  }[];
  next: { position: number; name: string; can_sign: boolean; reason: string | null } | null;
}

export interface InboxItemView {
  period: string;
  total: string;
  level: number;
  level_name: string;
  submitted_by: string;
  submitted_at: string;
  waiting_since: string;
}

export const chainInput = z
  .object({
    levels: z
      .array(
        z
          .object({
            name: z.string().min(1).max(60),
            approvers: z.array(z.string().min(1).max(64)).min(1).max(50),
            min_total: z.union([z.number().min(0), z.string().max(20), z.null()]).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict();

export const approvalOperations = {
  'chain.get': def<ChainLevelView[]>()(z.object({}).strict(), 'signed_in'),
  'chain.set': def<ChainLevelView[]>()(chainInput, 'admin'),
  'approval.submit': def<ApprovalStatusView>()(z.object({ period, comment: z.string().max(1000).optional() }).strict(), 'preparer'),
  'approval.approve': def<ApprovalStatusView>()(z.object({ period, comment: z.string().max(1000).optional(), hash }).strict(), 'approver'),
  'approval.reject': def<ApprovalStatusView>()(z.object({ period, comment: z.string().max(1000), hash }).strict(), 'approver'),
  'approval.status': def<ApprovalStatusView>()(z.object({ period }).strict(), 'signed_in'),
  'approval.inbox': def<InboxItemView[]>()(z.object({}).strict(), 'signed_in'),
} as const;
