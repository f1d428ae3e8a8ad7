import type { PostingLayout } from '../../contract/ops/exports';
import type { Lang } from '../../contract/roles';

/**
 * The layout until an administrator sets one: a voucher's entries, two per distributor —
 * 借 销售费用 (6601) / 贷 其他应付款 (2241) — dated the last day of the period.
 */
export function defaultPostingLayout(lang: Lang): PostingLayout {
  const zh = lang === 'zh-CN';
  const h = zh
    ? ['凭证日期', '摘要', '科目编码', '借贷方向', '客户编码', '客户名称', '借方金额', '贷方金额', '批次哈希']
    : ['Voucher date', 'Summary', 'Account', 'Side', 'Customer code', 'Customer name', 'Debit', 'Credit', 'Batch hash'];
  const sources = ['voucher_date', 'summary', 'account', 'direction', 'distributor_code', 'distributor_name', 'debit', 'credit', 'batch_hash'] as const;
  return {
    mode: 'pair',
    skip_zero: true,
    params: { debit_account: '6601', credit_account: '2241', summary: zh ? '{period} 经销商返利 {name}' : '{period} distributor rebate {name}', voucher_date: 'period_end' },
    columns: sources.map((source, i) => ({ header: h[i] ?? source, source })),
  };
}
