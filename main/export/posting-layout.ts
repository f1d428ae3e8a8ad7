import type { PostingLayout } from '../../contract/ops/exports';
import type { Lang } from '../../contract/roles';
import { labels } from './labels';

/**
 * The layout until an administrator sets one: a voucher's entries, two per distributor —
 * 借 销售费用 (6601) / 贷 其他应付款 (2241) — dated the last day of the period.
 */
export function defaultPostingLayout(lang: Lang): PostingLayout {
  const { headers: h, summary } = labels(lang).posting;
  const sources = ['voucher_date', 'summary', 'account', 'direction', 'distributor_code', 'distributor_name', 'debit', 'credit', 'batch_hash'] as const;
  return {
    mode: 'pair',
    skip_zero: true,
    params: { debit_account: '6601', credit_account: '2241', summary, voucher_date: 'period_end' },
    columns: sources.map((source, i) => ({ header: h[i] ?? source, source })),
  };
}
