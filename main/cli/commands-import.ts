import { KIND_NAMES, type ImportKind, type ImportReportView } from '../../contract/ops/imports';
import { rejected } from '../../domain';
import { opt, optAll } from './args';
import type { Command } from './command';
import path from 'node:path';

/** Kinds whose files have amounts to total (cli.md: `total` is absent for the others). */
function hasAmounts(kind: ImportKind): boolean {
  return kind !== 'distributors';
}

function text(r: ImportReportView, zh: boolean): string {
  const lines = [r.message];
  for (const f of r.files) {
    const sheets = f.sheets.map((s) => (s.skipped ? `${s.name}(${zh ? '跳过' : 'skipped'}: ${s.skipped})` : `${s.name}: ${zh ? '表头第' : 'header row '}${s.header_row}${zh ? '行' : ''}, ${s.rows}`)).join('; ');
    const total = hasAmounts(r.kind) ? `  ${zh ? '合计' : 'total'} ${f.total}` : '';
    lines.push(`  ${f.file}  ${f.status}  ${f.rows} ${zh ? '行' : 'rows'}${total}${sheets ? `  [${sheets}]` : ''}`);
    for (const i of f.inferred ?? []) lines.push(`    ${zh ? '识别说明' : 'inferred'}: ${[i.sheet, i.column ? (zh ? `${i.column}列` : `col ${i.column}`) : null].filter(Boolean).join(' ')}${i.sheet || i.column ? ': ' : ''}${i.message}`);
  }
  const place = (i: ImportReportView['errors'][number]): string =>
    [i.file, i.sheet, i.row !== null ? (zh ? `第${i.row}行` : `row ${i.row}`) : null, i.column ? (zh ? `${i.column}列` : `col ${i.column}`) : null, i.header ? `“${i.header}”` : null].filter(Boolean).join(' ');
  if (r.error_count) lines.push(zh ? `错误（${r.error_count}）：` : `Errors (${r.error_count}):`, ...r.errors.slice(0, 200).map((i) => `  ${place(i)}: ${i.message}`));
  if (r.error_count > 200) lines.push(zh ? `  …… 其余 ${r.error_count - 200} 个错误请用 --json 查看` : `  … ${r.error_count - 200} more (use --json)`);
  if (r.warning_count) lines.push(zh ? `警告（${r.warning_count}）：` : `Warnings (${r.warning_count}):`, ...r.warnings.slice(0, 50).map((i) => `  ${place(i)}: ${i.message}`));
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
      return { json, text: text(report, c.lang === 'zh-CN'), exitCode: report.status === 'rejected' || report.status === 'cancelled' ? 2 : 0 };
    },
  },
];
