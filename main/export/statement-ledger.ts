import type { LedgerRowView } from '../../contract/ops/ledger';
import type { LedgerLabels } from './ledger-labels';
import type { FormCell } from './xlsx-writer';

/**
 * The statement's ledger section (exports.md, ledger.md): opening, accrued, used by method,
 * adjusted, closing for an approved period; for a period not yet approved a line saying the balance
 * is updated after approval, never figures that do not add up. `row` is null for a distributor
 * without any ledger figure (all zero).
 */
export function statementLedgerRows(row: LedgerRowView | null, final: boolean, l: LedgerLabels, span: number): FormCell[][] {
  const section: FormCell[] = [{ value: l.statement.section, style: 'section', span }];
  if (!final) return [section, [{ value: l.statement.pending, style: 'note', span }]];
  const c = l.columns;
  const zero = '0.00';
  const m = row?.used_by_method;
  const line = (label: string, value: string, style?: FormCell['style']): FormCell[] => [{ value: label, style: 'label' }, { value, type: 'money', ...(style ? { style } : {}) }];
  return [
    section,
    line(c.opening, row?.opening ?? zero),
    line(c.accrued, row?.accrued ?? zero),
    line(c.used, row?.used ?? zero),
    line(c.invoice, m?.invoice ?? zero),
    line(c.goods, m?.goods ?? zero),
    line(c.offset, m?.offset ?? zero),
    line(c.cash, m?.cash ?? zero),
    line(c.adjusted, row?.adjusted ?? zero),
    line(c.closing, row?.closing ?? zero, 'total'),
  ];
}
