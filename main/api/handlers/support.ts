import type { HandlersFor } from '../handler-types';
import type { supportOperations } from '../../../contract/ops/support';
import { about, writeDiagnostics } from '../../services/diagnostics';

export const supportHandlers: HandlersFor<typeof supportOperations> = {
  'support.about': (ctx) => about(ctx),
  'support.diagnostics': (ctx) => writeDiagnostics(ctx, ctx.session.user?.id ?? 0),
};
