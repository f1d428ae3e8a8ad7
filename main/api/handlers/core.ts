import type { coreOperations } from '../../../contract/ops/core';
import { listAudit, verifyAudit } from '../../services/audit';
import { checkAnchor, checkApprovals, checkPrintedHead } from '../../services/tamper-check';
import type { AuditVerifyResult } from '../../../contract/types';
import * as backups from '../../services/backups';
import { getSettings, updateSettings } from '../../services/settings';
import * as users from '../../services/users';
import { signInFromNetwork, signOut, unlock } from '../../services/signin';
import { rejected } from '../../../domain';
import { startTeamHost, stopTeamHost, teamHostStatus } from '../../web/team-host';
import { APP_VERSION } from '../../version';
import { messageText, t } from '../../i18n/messages';

import type { HandlersFor } from '../handler-types';

export const coreHandlers: HandlersFor<typeof coreOperations> = {
  'app.info': (ctx) => ({
    version: APP_VERSION,
    // team mode: users see the server's address, never a path on the server's disk
    dbPath: ctx.team ? '' : ctx.store.path,
    team: ctx.team ?? null,
    schemaVersion: backups.schemaVersion(),
    hasUsers: users.hasUsers(ctx),
    user: users.currentUser(ctx),
    host: ctx.host,
    defaultLang: ctx.lang,
  }),
  'auth.setupAdmin': (ctx, input) => users.setupAdmin(ctx, input),
  'auth.signIn': (ctx, input) => signInFromNetwork(ctx, input.name, input.password),
  'auth.signOut': (ctx) => signOut(ctx),
  'auth.changePassword': (ctx, input) => users.changePassword(ctx, input),
  'users.list': (ctx) => users.listUsers(ctx),
  'users.add': (ctx, input) => users.addUser(ctx, input),
  'users.setActive': (ctx, input) => users.setActive(ctx, input),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input),
  'users.unlock': (ctx, input) => unlock(ctx, input.name),
  'team.host.status': (ctx) => teamHostStatus(ctx.store),
  'team.host.start': async (ctx, input) => {
    if (ctx.host !== 'electron' || !ctx.rendererDir) throw rejected('team.host_desktop_only');
    try {
      return await startTeamHost(ctx.store, { port: input.port, rendererDir: ctx.rendererDir, lang: ctx.lang });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw rejected('serve.listen_failed', { listen: `0.0.0.0:${input.port}`, reason: code });
      throw e;
    }
  },
  'team.host.stop': (ctx) => stopTeamHost(ctx.store),
  'audit.list': (ctx, input) => listAudit(ctx.store.db, input),
  'audit.verify': (ctx, input) => {
    const db = ctx.store.db;
    const r = verifyAudit(db);
    if (!r.ok) return { ...r, message: t(`audit.broken.${r.reason}`, { id: r.brokenId }, ctx.lang) };
    // then its anchor outside the database, what was approved (workflow.md), and a printed head
    const found = checkAnchor(db, r.entries) ?? checkApprovals(db) ?? (input.head ? checkPrintedHead(db, input.head) : null);
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
  },
  'backup.list': (ctx) => backups.list(ctx),
  'backup.create': (ctx, input) => backups.create(ctx, input.reason ?? 'manual'),
  'backup.restore': (ctx, input) => backups.restore(ctx, input.id),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
};
