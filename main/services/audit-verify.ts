import type { AuditVerifyResult } from '../../contract/types';
import { messageText, t } from '../i18n/messages';
import { verifyAudit } from './audit';
import type { ServiceContext } from './context';
import { checkAnchor, checkApprovals, checkPrintedHead } from './tamper-check';

/**
 * `audit verify`: the hash chain, then its anchor outside the database, what was approved
 * (workflow.md) and, when given, a printed head; the first thing found broken, in the user's words.
 */
export function verifyAuditLog(ctx: ServiceContext, head: string | undefined): AuditVerifyResult {
  const db = ctx.store.db;
  const r = verifyAudit(db);
  if (!r.ok) return { ...r, message: t(`audit.broken.${r.reason}`, { id: r.brokenId }, ctx.lang) };
  const found = checkAnchor(db, r.entries) ?? checkApprovals(db) ?? (head ? checkPrintedHead(db, head) : null);
  if (!found) return r;
  const params = { ...found.params, ...(found.params['rule'] ? { rule: messageText(`audit.rule.${String(found.params['rule'])}`, found.params, ctx.lang) } : {}) };
  const period = typeof found.params['period'] === 'string' ? found.params['period'] : undefined;
  return {
    ok: false as const,
    entries: r.entries,
    brokenId: typeof found.params['id'] === 'number' ? found.params['id'] : 0,
    reason: found.reason as Extract<AuditVerifyResult, { ok: false }>['reason'],
    message: messageText(`audit.broken.${found.reason}`, params, ctx.lang),
    ...(period ? { period } : {}),
  };
}
