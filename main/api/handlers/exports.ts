import type { exportOperations } from '../../../contract/ops/exports';
import { approvalExport, postingExport, statementsExport } from '../../services/export-files';
import { postingLayout, setPostingLayout } from '../../services/posting-layout';
import type { HandlersFor } from '../handler-types';

export const exportHandlers: HandlersFor<typeof exportOperations> = {
  'export.approval': (ctx, input) => approvalExport(ctx, input),
  'export.statements': (ctx, input) => statementsExport(ctx, input),
  'export.posting': (ctx, input) => postingExport(ctx, input),
  'export.postingLayout.get': (ctx) => postingLayout(ctx),
  'export.postingLayout.set': (ctx, input) => setPostingLayout(ctx, input.layout),
};
