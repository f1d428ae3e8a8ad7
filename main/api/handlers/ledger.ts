import type { ledgerOperations } from '../../../contract/ops/ledger';
import { writeLedgerWorkbook } from '../../export/ledger-workbook';
import { adjustLedger, ledgerDetail, ledgerHistory, ledgerOf } from '../../services/ledger';
import type { HandlersFor } from '../handler-types';
import { finish, target } from './exports';

export const ledgerHandlers: HandlersFor<typeof ledgerOperations> = {
  'ledger.show': (ctx, input) => ledgerOf(ctx, input.period),
  'ledger.detail': (ctx, input) => ledgerDetail(ctx, input.period, input.code),
  'ledger.history': (ctx, input) => ledgerHistory(ctx, input.code, input.to),
  'ledger.adjust': (ctx, input) => adjustLedger(ctx, input),
  'export.ledger': async (ctx, input) => {
    const fileName = `${ctx.lang === 'zh-CN' ? '返利台账' : 'rebate-ledger'}-${input.period}.xlsx`;
    const where = target(ctx, input.out, fileName);
    const view = ledgerOf(ctx, input.period);
    await writeLedgerWorkbook(view, ctx.lang, where.file);
    return { period: view.period, final: view.final, rows: view.rows.length, closing: view.totals.closing, ...finish(ctx, where, fileName) };
  },
};
