import { postingLayoutSchema, type PostingLayout, type PostingLayoutView } from '../../contract/ops/exports';
import { deleteSetting } from '../db/export-repo';
import { getSetting, putSetting } from '../db/settings-repo';
import { defaultPostingLayout } from '../export/posting-layout';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';

const KEY = 'posting_layout';

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
