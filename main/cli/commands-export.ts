import path from 'node:path';
import type { ExportView } from '../../contract/ops/exports';
import { batchStatusLabel, formatCount, formatMoney, rejected } from '../../domain';
import type { Lang } from '../../contract/roles';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command, CommandResult } from './command';

/** `{status, out, …}`: the batch's own state is `batch_status` (status is the command's outcome). */
function done(kind: string, r: ExportView, lang: Lang, extra: Record<string, unknown> = {}): CommandResult {
  const out = r.out ?? '';
  const json = { status: 'ok', kind, out, period: r.period, batch: r.batch, batch_status: r.status, content_hash: r.content_hash, distributors: r.distributors, total: r.total, ...extra };
  const draft = r.status === 'approved' ? '' : t('cli.export.draft', { status: batchStatusLabel(r.status, lang) }, lang);
  const text = t('cli.export.written', { file: out, period: r.period, distributors: formatCount(r.distributors), total: formatMoney(r.total), draft }, lang);
  return { json, text };
}

function extension(file: string, allowed: string[]): string {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (!allowed.includes(ext)) throw rejected('export.bad_extension', { file, expected: allowed.map((e) => `.${e}`).join(' / ') });
  return ext;
}

export const exportCommands: Command[] = [
  {
    name: 'export approval',
    usage: 'export approval --period YYYY-MM --out FILE.xlsx',
    summary: { 'zh-CN': '审批表（汇总、明细、公式、对账、异常）', en: 'the approval workbook (summary, details, formulas, reconciliation, exceptions)' },
    options: { period: { value: true }, out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const out = required(c.args, 'out');
      extension(out, ['xlsx']);
      const r = await c.call('export.approval', { period: required(c.args, 'period'), out });
      return done('approval', r, c.lang);
    },
  },
  {
    name: 'export statements',
    usage: 'export statements --period YYYY-MM --out DIR [--one-workbook]',
    summary: { 'zh-CN': '经销商对账单：每家一个工作簿（或 --one-workbook 每家一个工作表）', en: 'distributor statements: a workbook each (or --one-workbook: a sheet each)' },
    options: { period: { value: true }, out: { value: true }, 'one-workbook': { value: false } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const dir = required(c.args, 'out');
      const period = required(c.args, 'period');
      // --out FILE.xlsx means one workbook too; with --one-workbook and a folder, the workbook goes into it
      const asFile = path.extname(dir).toLowerCase() === '.xlsx';
      const one = asFile || opt(c.args, 'one-workbook') !== undefined;
      const out = one && !asFile ? path.join(dir, `${t('cli.export.statements_file', {}, c.lang)}-${period}.xlsx`) : dir;
      const r = await c.call('export.statements', { period, mode: one ? 'workbook' : 'files', out });
      return done('statements', r, c.lang, { mode: one ? 'workbook' : 'files', statements: r.statements ?? 0, skipped: r.skipped ?? [] });
    },
  },
  {
    name: 'export posting',
    usage: 'export posting --period YYYY-MM --out FILE.xlsx|FILE.csv',
    summary: { 'zh-CN': 'ERP 凭证导入文件（仅限已审批批次；按扩展名输出 xlsx 或 csv）', en: 'ERP posting file (approved batches only; xlsx or csv by extension)' },
    options: { period: { value: true }, out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const out = required(c.args, 'out');
      const format = extension(out, ['xlsx', 'csv']) as 'xlsx' | 'csv';
      const r = await c.call('export.posting', { period: required(c.args, 'period'), format, out });
      return done('posting', r, c.lang, { format, rows: r.rows ?? 0 });
    },
  },
];
