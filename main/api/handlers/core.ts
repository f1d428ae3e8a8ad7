import type { coreOperations } from '../../../contract/ops/core';
import { listAudit } from '../../services/audit';
import { verifyAuditLog } from '../../services/audit-verify';
import * as backups from '../../services/backups';
import { getSettings, updateSettings } from '../../services/settings';
import * as users from '../../services/users';
import { signInFromNetwork, signOut, unlock } from '../../services/signin';
import { rejected } from '../../../domain';
import { startTeamHost, stopTeamHost, teamHostStatus } from '../../web/team-host';
import { appInfo } from '../../services/app-info';

import type { HandlersFor } from '../handler-types';

export const coreHandlers: HandlersFor<typeof coreOperations> = {
  'app.info': (ctx) => appInfo(ctx),
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
  'audit.verify': (ctx, input) => verifyAuditLog(ctx, input.head),
  'backup.list': (ctx) => backups.list(ctx),
  'backup.create': (ctx, input) => backups.create(ctx, input.reason ?? 'manual'),
  'backup.restore': (ctx, input) => backups.restore(ctx, input.id),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
};
