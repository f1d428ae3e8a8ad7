import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LedgerView } from '../../contract/ops/ledger';
import { csvDocument, csvNumber, csvText, type CsvCell } from '../export/csv';
import { formatCount, formatMoney, rejected } from '../../domain';
import type { Lang } from '../../contract/roles';
import { cliCsvHeaders } from '../i18n/cli-messages';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command } from './command';

/** ledger.md's JSON, exactly: {period, rows:[…], totals:{…}, findings:[{code, check, detail}]}. */
export function ledgerJson(r: LedgerView): unknown {
  return {
    period: r.period,
    rows: r.rows.map((x) => ({
      code: x.code,
      name: x.name,
      opening: x.opening,
      accrued: x.accrued,
      used: x.used,
      used_by_method: { invoice: x.used_by_method.invoice, goods: x.used_by_method.goods, offset: x.used_by_method.offset, cash: x.used_by_method.cash },
      adjusted: x.adjusted,
      closing: x.closing,
    })),
    totals: { opening: r.totals.opening, accrued: r.totals.accrued, used: r.totals.used, adjusted: r.totals.adjusted, closing: r.totals.closing },
    findings: r.findings.map((f) => ({ code: f.code, check: f.check, detail: f.detail })),
  };
}

function ledgerCsv(r: LedgerView, lang: Lang): string {
  const head = cliCsvHeaders.ledger[lang];
  const rows: CsvCell[][] = [head.map(csvText)];
  for (const x of r.rows) {
    const m = x.used_by_method;
    rows.push([csvText(x.code), csvText(x.name), ...[x.opening, x.accrued, x.used, m.invoice, m.goods, m.offset, m.cash, x.adjusted, x.closing].map(csvNumber), csvText(x.findings.join(' '))]);
  }
  const tot = r.totals;
  const m = tot.used_by_method;
  rows.push([csvText(t('cli.total', {}, lang)), csvText(''), ...[tot.opening, tot.accrued, tot.used, m.invoice, m.goods, m.offset, m.cash, tot.adjusted, tot.closing].map(csvNumber), csvText('')]);
  return csvDocument(rows);
}

export const ledgerCommands: Command[] = [
  {
    name: 'ledger',
    usage: 'ledger --period YYYY-MM [--format csv|json] [--out FILE]',
    summary: { 'zh-CN': '返利台账：期初、计提、兑付（按方式）、调整、期末（CSV 或 JSON）', en: 'the rebate ledger: opening, accrued, used (by method), adjusted, closing (CSV or JSON)' },
    options: { period: { value: true }, format: { value: true }, out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const format = opt(c.args, 'format') ?? (opt(c.args, 'json') !== undefined ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw rejected('cli.bad_format', { format });
      const r = await c.call('ledger.show', { period: required(c.args, 'period') });
      const content = format === 'json' ? JSON.stringify(ledgerJson(r), null, 2) : ledgerCsv(r, c.lang);
      const out = opt(c.args, 'out');
      if (out) {
        const full = path.resolve(out);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
        return { json: { status: 'ok', out: full, rows: r.rows.length }, text: t('cli.written_rows', { file: full, rows: formatCount(r.rows.length) }, c.lang) };
      }
      return { json: ledgerJson(r), text: content.replace(/^\uFEFF/, '').trimEnd() };
    },
  },
  {
    name: 'ledger adjust',
    usage: 'ledger adjust --period YYYY-MM --distributor CODE --amount X --reason TEXT',
    summary: { 'zh-CN': '台账调整（核销过期余额、更正期初余额）：金额 + 必填原因', en: 'ledger adjustment (write-off, opening correction): amount + mandatory reason' },
    options: { period: { value: true }, distributor: { value: true }, amount: { value: true }, reason: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const reason = opt(c.args, 'reason');
      if (!reason || !reason.trim()) throw rejected('ledger.reason_required');
      const r = await c.call('ledger.adjust', { period: required(c.args, 'period'), code: required(c.args, 'distributor'), amount: required(c.args, 'amount'), reason });
      const text = t('cli.ledger.adjusted', { code: r.code, name: r.name, period: r.period, opening: formatMoney(r.opening), accrued: formatMoney(r.accrued), used: formatMoney(r.used), adjusted: formatMoney(r.adjusted), closing: formatMoney(r.closing) }, c.lang);
      return { json: { period: r.period, code: r.code, adjusted: r.adjusted, closing: r.closing, adjustments: r.adjustments.map((a) => ({ amount: a.amount, reason: a.reason, created_by: a.created_by, created_at: a.created_at })) }, text };
    },
  },
  {
    name: 'export ledger',
    usage: 'export ledger --period YYYY-MM --out FILE.xlsx',
    summary: { 'zh-CN': '返利台账工作簿（每家经销商一行，按兑付方式分列，合计到分，无公式）', en: 'the rebate ledger workbook (a row per distributor, methods, totals to the cent, no formulas)' },
    options: { period: { value: true }, out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const out = required(c.args, 'out');
      if (path.extname(out).toLowerCase() !== '.xlsx') throw rejected('export.bad_extension', { file: out, expected: '.xlsx' });
      const r = await c.call('export.ledger', { period: required(c.args, 'period'), out });
      const draft = r.final ? '' : t('cli.ledger.provisional', {}, c.lang);
      return {
        json: { status: 'ok', kind: 'ledger', out: r.out, period: r.period, final: r.final, rows: r.rows, closing: r.closing },
        text: t('cli.ledger.written', { file: r.out ?? '', period: r.period, rows: formatCount(r.rows), closing: formatMoney(r.closing), draft }, c.lang),
      };
    },
  },
];
