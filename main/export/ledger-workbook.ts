import type { LedgerRowView, LedgerView } from '../../contract/ops/ledger';
import type { Lang } from '../../contract/roles';
import { labels } from './labels';
import { ledgerLabels } from './ledger-labels';
import { table, writeWorkbook, type Rows, type TableColumn } from './xlsx-writer';

/**
 * The ledger workbook (exports.md 返利台账): one row per distributor with opening, accrued, used by
 * method, adjusted, closing and findings; a totals row to the cent; a findings sheet. Values only.
 */
export async function writeLedgerWorkbook(view: LedgerView, lang: Lang, file: string, rows: Rows<LedgerRowView> = view.rows): Promise<void> {
  const l = ledgerLabels(lang);
  const c = l.columns;
  const money = (header: string, value: (r: LedgerRowView) => string): TableColumn<LedgerRowView> => ({ header, type: 'money', width: 16, value });
  const columns: TableColumn<LedgerRowView>[] = [
    { header: c.code, type: 'text', width: 14, value: (r) => r.code },
    { header: c.name, type: 'text', width: 24, value: (r) => r.name },
    { header: c.region, type: 'text', width: 10, value: (r) => r.region },
    { header: c.grade, type: 'text', width: 8, value: (r) => r.grade },
    money(c.opening, (r) => r.opening),
    money(c.accrued, (r) => r.accrued),
    money(c.used, (r) => r.used),
    money(c.invoice, (r) => r.used_by_method.invoice),
    money(c.goods, (r) => r.used_by_method.goods),
    money(c.offset, (r) => r.used_by_method.offset),
    money(c.cash, (r) => r.used_by_method.cash),
    money(c.adjusted, (r) => r.adjusted),
    money(c.closing, (r) => r.closing),
    { header: c.findings, type: 'text', width: 18, value: (r) => r.findings.map((f) => l.check[f]).join(labels(lang).list.item) },
  ];
  const t = view.totals;
  const title = l.title.replace('{period}', view.period);
  const preamble = view.final ? [title] : [title, l.provisional];
  await writeWorkbook(file, [
    table({
      name: l.sheet,
      preamble,
      columns,
      rows,
      freezeColumns: 2,
      footer: () => [l.total, null, null, null, t.opening, t.accrued, t.used, t.used_by_method.invoice, t.used_by_method.goods, t.used_by_method.offset, t.used_by_method.cash, t.adjusted, t.closing, null],
    }),
    table({
      name: l.findingsSheet,
      columns: [
        { header: c.code, type: 'text', width: 14, value: (f: LedgerView['findings'][number]) => f.code },
        { header: c.name, type: 'text', width: 24, value: (f) => f.name },
        { header: c.findings, type: 'text', width: 18, value: (f) => l.check[f.check] },
        { header: l.detail, type: 'text', width: 60, value: (f) => f.detail },
      ],
      rows: view.findings,
    }),
  ]);
}
