import type { AppInfo } from '../../contract/types';
import { APP_VERSION } from '../version';
import { schemaVersion } from './backups';
import type { ServiceContext } from './context';
import { currentUser, hasUsers } from './users';

/** `app.info`: what the first screen needs before and after sign-in. */
export function appInfo(ctx: ServiceContext): AppInfo {
  return {
    version: APP_VERSION,
    // team mode: users see the server's address, never a path on the server's disk
    dbPath: ctx.team ? '' : ctx.store.path,
    team: ctx.team ?? null,
    schemaVersion: schemaVersion(),
    hasUsers: hasUsers(ctx),
    user: currentUser(ctx),
    host: ctx.host,
    defaultLang: ctx.lang,
  };
}
