import type { ledgerOperations } from '../../../contract/ops/ledger';
import { ledgerExport } from '../../services/export-files';
import { adjustLedger, ledgerDetail, ledgerHistory, ledgerOf } from '../../services/ledger';
import type { HandlersFor } from '../handler-types';

export const ledgerHandlers: HandlersFor<typeof ledgerOperations> = {
  'ledger.show': (ctx, input) => ledgerOf(ctx, input.period),
  'ledger.detail': (ctx, input) => ledgerDetail(ctx, input.period, input.code),
  'ledger.history': (ctx, input) => ledgerHistory(ctx, input.code, input.to),
  'ledger.adjust': (ctx, input) => adjustLedger(ctx, input),
  'export.ledger': (ctx, input) => ledgerExport(ctx, input),
};
