import { KIND_NAMES, type ImportKind, type ImportReportView } from '../../contract/ops/imports';
import { formatCount, formatMoney, rejected, type MessageParams } from '../../domain';
import type { Lang } from '../../contract/roles';
import { t, type MessageKey } from '../i18n/messages';
import { opt, optAll } from './args';
import type { Command } from './command';
import path from 'node:path';

/** Kinds whose files have amounts to total (cli.md: `total` is absent for the others). */
function hasAmounts(kind: ImportKind): boolean {
  return kind !== 'distributors';
}

function text(r: ImportReportView, lang: Lang): string {
  const m = (key: MessageKey, params: MessageParams = {}): string => t(key, params, lang);
  const lines = [r.message];
  for (const f of r.files) {
    const sheets = f.sheets.map((s) => (s.skipped ? m('cli.import.skipped', { sheet: s.name, reason: s.skipped }) : m('cli.import.sheet', { sheet: s.name, header: s.header_row ?? '-', rows: formatCount(s.rows) }))).join(t('cli.semicolon', {}, lang));
    const total = hasAmounts(r.kind) ? m('cli.import.total', { total: formatMoney(f.total) }) : '';
    lines.push(m('cli.import.file', { file: f.file, status: f.status, rows: formatCount(f.rows), total, sheets: sheets ? `  [${sheets}]` : '' }));
    for (const i of f.inferred ?? []) {
      const where = [i.sheet, i.column ? m('cli.import.column', { column: i.column }) : null].filter(Boolean).join(' ');
      lines.push(m('cli.import.inferred', { where: where ? `${where}${t('cli.colon', {}, lang)}` : '', message: i.message }));
    }
  }
  const place = (i: ImportReportView['errors'][number]): string =>
    [i.file, i.sheet, i.row !== null ? m('cli.import.row', { row: i.row }) : null, i.column ? m('cli.import.column', { column: i.column }) : null, i.header ? `“${i.header}”` : null].filter(Boolean).join(' ');
  const colon = t('cli.colon', {}, lang);
  if (r.error_count) lines.push(m('cli.import.errors', { n: formatCount(r.error_count) }), ...r.errors.slice(0, 200).map((i) => `  ${place(i)}${colon}${i.message}`));
  if (r.error_count > 200) lines.push(m('cli.import.more_errors', { n: formatCount(r.error_count - 200) }));
  if (r.warning_count) lines.push(m('cli.import.warnings', { n: formatCount(r.warning_count) }), ...r.warnings.slice(0, 50).map((i) => `  ${place(i)}${colon}${i.message}`));
  return lines.join('\n');
}

export const importCommands: Command[] = [
  {
    name: 'import',
    usage: 'import KIND FILE… [--period YYYY-MM] [--sheet NAME]… [--replace] [--dry-run]',
    summary: { 'zh-CN': '导入经销商档案、进货、退货、促销达成、申报、返利兑付或期初余额（一次导入为一个事务）', en: 'import distributors, purchases, returns, promotions, claims, settlements or balances (one import = one transaction)' },
    options: { period: { value: true }, sheet: { value: true, repeat: true }, replace: { value: false }, 'dry-run': { value: false } },
    positionals: { min: 2, max: 1000, names: ['KIND', 'FILE'] },
    async run(c) {
      const [kind, ...files] = c.positionals;
      if (!(KIND_NAMES as readonly string[]).includes(kind ?? '')) throw rejected('import.bad_kind', { kind: kind ?? '' });
      const sheets = optAll(c.args, 'sheet');
      const report = await c.call('import.run', {
        kind: kind as ImportKind,
        period: opt(c.args, 'period'),
        files: files.map((f) => ({ path: path.resolve(f), name: path.basename(f) })),
        ...(sheets.length ? { sheets } : {}),
        replace: opt(c.args, 'replace') !== undefined,
        dryRun: opt(c.args, 'dry-run') !== undefined,
      });
      const json = {
        status: report.status,
        kind: report.kind,
        period: report.period,
        import_id: report.import_id,
        message: report.message,
        files: report.files.map((f) => ({
          file: f.file,
          sha256: f.sha256,
          status: f.status,
          sheets: f.sheets,
          rows: f.rows,
          // cli.md: the sum of the stored amounts; absent for kinds without amounts (distributors)
          ...(hasAmounts(report.kind) ? { total: f.total } : {}),
          inferred: (f.inferred ?? []).map(({ key: _key, ...rest }) => rest),
        })),
        rows: report.rows,
        errors: report.errors.map(({ key: _key, ...rest }) => rest),
        warnings: report.warnings.map(({ key: _key, ...rest }) => rest),
        error_count: report.error_count,
        warning_count: report.warning_count,
      };
      return { json, text: text(report, c.lang), exitCode: report.status === 'rejected' || report.status === 'cancelled' ? 2 : 0 };
    },
  },
];
