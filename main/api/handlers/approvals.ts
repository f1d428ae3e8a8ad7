import type { approvalOperations } from '../../../contract/ops/approvals';
import { approvalStatus, decide, inbox, setChain, showChain, submit } from '../../services/approvals';
import type { HandlersFor } from '../handler-types';

export const approvalHandlers: HandlersFor<typeof approvalOperations> = {
  'chain.get': (ctx) => showChain(ctx),
  'chain.set': (ctx, input) => setChain(ctx, input),
  'approval.submit': (ctx, input) => submit(ctx, input),
  'approval.approve': (ctx, input) => decide(ctx, { ...input, decision: 'approve' }),
  'approval.reject': (ctx, input) => decide(ctx, { ...input, decision: 'reject' }),
  'approval.status': (ctx, input) => approvalStatus(ctx, input.period),
  'approval.inbox': (ctx) => inbox(ctx),
};
