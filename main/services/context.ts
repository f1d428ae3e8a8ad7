import type { Lang } from '../../contract/roles';
import type { AppInfo, SessionUser } from '../../contract/types';
import type { Store } from './store';

/** Where the signed-in user of one caller (window, browser tab, CLI run) is kept. */
export interface Session {
  user: SessionUser | null;
  /** the user's session epoch at sign-in: a password change, reset or disable raises it and ends the session */
  epoch?: number;
}

/** Everything a service call needs to know about who is calling, and from where. */
export interface ServiceContext {
  store: Store;
  session: Session;
  lang: Lang;
  host: AppInfo['host'];
  now: () => Date;
  /** set by the web host: the only folder whose files may be imported (uploads) */
  stagingDir?: string;
  /** set by the web host: the caller's network address (sign-in limits, security events) */
  remoteAddress?: string;
  /** set by the team server (HTTPS): its URL as this caller reached it and its certificate fingerprint */
  team?: { url: string; fingerprint: string };
  /** set by the desktop shell: the built UI, for 设置 → 团队 → 在本机开启团队服务 */
  rendererDir?: string;
}

/** The name written to the audit log for an action. */
export function actorName(ctx: ServiceContext): string {
  return ctx.session.user?.name ?? 'system';
}
