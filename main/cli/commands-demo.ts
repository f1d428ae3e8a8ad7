import path from 'node:path';
import { generateDemo } from '../demo/generate';
import { formatCount, rejected } from '../../domain';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command } from './command';
import { isPeriod, previousMonth } from '../../domain';

function positiveInt(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw rejected('cli.bad_number', { option: name, value: v });
  return n;
}

export const demoCommands: Command[] = [
  {
    name: 'demo',
    usage: 'demo --out DIR [--period YYYY-MM] [--distributors N] [--purchase-rows N] [--seed N]',
    summary: { 'zh-CN': '生成一个逼真的演示月份（各种真实导出格式）', en: 'write a realistic demo month in the messy shapes real exports have' },
    options: { out: { value: true }, period: { value: true }, distributors: { value: true }, 'purchase-rows': { value: true }, seed: { value: true }, files: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const period = opt(c.args, 'period') ?? previousMonth(new Date());
      if (!isPeriod(period)) throw rejected('import.period_invalid', { period });
      const s = await generateDemo({
        out: path.resolve(required(c.args, 'out')),
        period,
        distributors: positiveInt(opt(c.args, 'distributors'), 2000, '--distributors'),
        purchaseRows: positiveInt(opt(c.args, 'purchase-rows'), 150_000, '--purchase-rows'),
        seed: positiveInt(opt(c.args, 'seed'), 20260101, '--seed'),
        purchaseFiles: positiveInt(opt(c.args, 'files'), 4, '--files'),
      });
      const json = {
        status: 'ok',
        out: s.out,
        period: s.period,
        files: s.files.map((f) => path.basename(f)),
        distributors: s.distributors,
        purchase_rows: s.purchaseRows,
        return_rows: s.returnRows,
        promotion_rows: s.promotionRows,
        claim_rows: s.claimRows,
        deliberate_differences: s.deliberateDifferences,
        balance_rows: s.balanceRows,
        settlement_rows: s.settlementRows,
      };
      const counts = { out: s.out, period: s.period, distributors: formatCount(s.distributors), purchases: formatCount(s.purchaseRows), returns: formatCount(s.returnRows), promotions: formatCount(s.promotionRows), claims: formatCount(s.claimRows), off: s.deliberateDifferences.length, balances: formatCount(s.balanceRows), settlements: formatCount(s.settlementRows) };
      const text = `${t('cli.demo.written', counts, c.lang)}\n${s.files.map((f) => `  ${path.basename(f)}`).join('\n')}`;
      return { json, text };
    },
  },
];
