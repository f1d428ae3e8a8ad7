import { postingLayoutSchema, type PostingLayout, type PostingLayoutView } from '../../contract/ops/exports';
import type { Lang } from '../../contract/roles';
import { deleteSetting } from '../db/export-repo';
import { getSetting, putSetting } from '../db/settings-repo';
import { appendAudit } from '../services/audit';
import { actorName, type ServiceContext } from '../services/context';

const KEY = 'posting_layout';

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

/** The stored layout, or the default when none is stored (or the stored one no longer validates). */
export function postingLayout(ctx: ServiceContext): PostingLayoutView {
  const fallback = defaultPostingLayout(ctx.lang);
  const raw = getSetting(ctx.store.db, KEY);
  if (raw !== undefined) {
    try {
      const parsed = postingLayoutSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return { layout: parsed.data, is_default: false, default_layout: fallback };
    } catch {
      // a hand-edited, unreadable value: the default applies until an administrator saves again
    }
  }
  return { layout: fallback, is_default: true, default_layout: fallback };
}

/** Saves (or with null, removes) the layout; audited like every settings change. */
export function setPostingLayout(ctx: ServiceContext, layout: PostingLayout | null): PostingLayoutView {
  const db = ctx.store.db;
  const before = postingLayout(ctx);
  db.transaction(() => {
    if (layout === null) deleteSetting(db, KEY);
    else putSetting(db, KEY, JSON.stringify(postingLayoutSchema.parse(layout)));
    appendAudit(db, { actor: actorName(ctx), action: 'settings.posting_layout', entity: 'settings', entityId: KEY, before: before.is_default ? null : before.layout, after: layout }, ctx.now());
  })();
  return postingLayout(ctx);
}
