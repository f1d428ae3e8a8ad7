import type { LedgerExportView, ledgerOperations } from '../../../contract/ops/ledger';
import type { ServiceContext } from '../../services/context';
import { throwIfCancelled, watchRows, type ExportControl } from '../../services/exports';
import { writeLedgerWorkbook } from '../../export/ledger-workbook';
import { adjustLedger, ledgerDetail, ledgerHistory, ledgerOf } from '../../services/ledger';
import type { HandlersFor } from '../handler-types';
import { finish, target } from './exports';
import { t } from '../../i18n/messages';

/** The ledger workbook into a download or `out`, for `export.ledger` and the export job. */
export async function ledgerExport(ctx: ServiceContext, input: { period: string; out?: string }, control?: ExportControl): Promise<LedgerExportView> {
  const fileName = `${t('file.ledger', {}, ctx.lang)}-${input.period}.xlsx`;
  const where = target(ctx, input.out, fileName);
  const view = ledgerOf(ctx, input.period);
  throwIfCancelled(control, input.period);
  await writeLedgerWorkbook(view, ctx.lang, where.file, control ? watchRows(() => view.rows, view.rows.length, 1, input.period, control)() : view.rows);
  return { period: view.period, final: view.final, rows: view.rows.length, closing: view.totals.closing, ...finish(ctx, where, fileName) };
}

export const ledgerHandlers: HandlersFor<typeof ledgerOperations> = {
  'ledger.show': (ctx, input) => ledgerOf(ctx, input.period),
  'ledger.detail': (ctx, input) => ledgerDetail(ctx, input.period, input.code),
  'ledger.history': (ctx, input) => ledgerHistory(ctx, input.code, input.to),
  'ledger.adjust': (ctx, input) => adjustLedger(ctx, input),
  'export.ledger': (ctx, input) => ledgerExport(ctx, input),
};
