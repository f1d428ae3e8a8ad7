import type { approvalOperations } from '../../../contract/ops/approvals';
import { approvalStatus, decide, inbox, setChain, showChain, submit } from '../../services/approvals';
import { waitForPeriod } from '../../services/holds';
import type { HandlersFor } from '../handler-types';

export const approvalHandlers: HandlersFor<typeof approvalOperations> = {
  'chain.get': (ctx) => showChain(ctx),
  'chain.set': (ctx, input) => setChain(ctx, input),
  'approval.submit': async (ctx, input) => {
    await waitForPeriod(ctx, input.period);
    return submit(ctx, input);
  },
  'approval.approve': async (ctx, input) => {
    await waitForPeriod(ctx, input.period);
    return decide(ctx, { ...input, decision: 'approve' });
  },
  'approval.reject': async (ctx, input) => {
    await waitForPeriod(ctx, input.period);
    return decide(ctx, { ...input, decision: 'reject' });
  },
  'approval.status': (ctx, input) => approvalStatus(ctx, input.period),
  'approval.inbox': (ctx) => inbox(ctx),
};
