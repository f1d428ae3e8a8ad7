import type { SessionUser } from '../../contract/types';
import {
  activeSigninLock,
  clearFailuresOfNameAt,
  countFailuresAt,
  countFailuresOfName,
  countFailuresOfNameAt,
  pruneSigninRecords,
  recordSigninFailure,
  setSigninLock,
  unlockName,
} from '../db/security-repo';
import { findUserByName } from '../db/users-repo';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { AppError, rejected } from '../../domain';
import { checkPassword, signIn, startSession } from './users';

/** team.md: five wrong passwords for a name from one address within 15 minutes lock it there for 15 minutes. */
export const NAME_FAILURES = 5;
export const NAME_WINDOW_MS = 15 * 60_000;
export const NAME_LOCK_MS = 15 * 60_000;
/** failed sign-ins per address: 20 within 5 minutes block the address's sign-ins for 5 minutes */
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 5 * 60_000;
export const ADDRESS_LOCK_MS = 5 * 60_000;
/** failures of one name from many addresses slow its sign-ins down: 250 ms doubling, at most 8 s */
export const DELAY_BASE_MS = 250;
export const DELAY_MAX_MS = 8_000;

const ALL_NAMES = '*';

function minutesLeft(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 60_000));
}

/** The delay before checking a name that failed `n` times (any address) within the window. */
export function signInDelayMs(n: number): number {
  return n < NAME_FAILURES ? 0 : Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** (n - NAME_FAILURES));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Sign-in over the network (the web host sets `remoteAddress`): locks, the per-address limit, the
 * growing delay, and the security events in the audit log. The refusal never tells whether the name
 * exists: an unknown name is counted and locked like a known one.
 */
export async function signInFromNetwork(ctx: ServiceContext, rawName: string, password: string): Promise<SessionUser> {
  const address = ctx.remoteAddress;
  if (address === undefined) return signIn(ctx, rawName, password);
  const name = rawName.trim();
  const db = ctx.store.db;
  const nowMs = ctx.now().getTime();
  const at = ctx.now();
  const event = (action: string, after: Record<string, unknown>): void => appendAudit(db, { actor: name, action, entity: 'security', entityId: name, after: { address, ...after } }, at);

  /** The refusal while a lock holds (checked before the hash, and again after it). */
  const lockedOut = (atMs: number): AppError | undefined => {
    const addressLock = activeSigninLock(db, ALL_NAMES, address, atMs);
    if (addressLock !== undefined) return new AppError('unauthenticated', 'auth.address_blocked', { minutes: minutesLeft(addressLock, atMs) });
    const nameLock = activeSigninLock(db, name, address, atMs);
    if (nameLock !== undefined) return new AppError('unauthenticated', 'auth.locked', { minutes: minutesLeft(nameLock, atMs) });
    return undefined;
  };
  const refuse = (e: AppError): never => {
    db.transaction(() => event('security.signin_refused', { reason: e.key === 'auth.locked' ? 'locked' : 'address_blocked' }))();
    throw e;
  };
  const before = lockedOut(nowMs);
  if (before) refuse(before);
  const delay = signInDelayMs(countFailuresOfName(db, name, nowMs - NAME_WINDOW_MS));
  if (delay > 0) await sleep(delay);

  let checked: Awaited<ReturnType<typeof checkPassword>> | undefined;
  let failure: unknown;
  try {
    checked = await checkPassword(ctx, name, password);
  } catch (e) {
    failure = e;
  }
  // what follows writes: after an import's store, if one runs now
  await ctx.store.writable();
  // The hash ran off the event loop, so other sign-ins of this name and address may have ended
  // meanwhile: their locks count as if they had come first (at most five tries, as one at a time).
  const after = lockedOut(ctx.now().getTime());
  if (after) refuse(after);

  if (checked) {
    const user = startSession(ctx, checked);
    db.transaction(() => {
      clearFailuresOfNameAt(db, name, address);
      event('security.signin', {});
      pruneSigninRecords(db, nowMs - 24 * 3_600_000);
    })();
    return user;
  }
  const e = failure;
  if (!(e instanceof AppError) || e.key !== 'auth.bad_credentials') {
    if (e instanceof AppError && e.key === 'auth.inactive') db.transaction(() => event('security.signin_refused', { reason: 'inactive' }))();
    throw e;
  }
  let locked: AppError | undefined;
  db.transaction(() => {
    recordSigninFailure(db, name, address, nowMs);
    event('security.signin_failed', {});
    if (countFailuresOfNameAt(db, name, address, nowMs - NAME_WINDOW_MS) >= NAME_FAILURES) {
      setSigninLock(db, name, address, nowMs + NAME_LOCK_MS);
      event('security.lockout', { minutes: NAME_LOCK_MS / 60_000 });
      locked = new AppError('unauthenticated', 'auth.locked', { minutes: NAME_LOCK_MS / 60_000 });
    }
    if (countFailuresAt(db, address, nowMs - ADDRESS_WINDOW_MS) >= ADDRESS_FAILURES) {
      setSigninLock(db, ALL_NAMES, address, nowMs + ADDRESS_LOCK_MS);
      event('security.address_blocked', { minutes: ADDRESS_LOCK_MS / 60_000 });
      locked = new AppError('unauthenticated', 'auth.address_blocked', { minutes: ADDRESS_LOCK_MS / 60_000 });
    }
  })();
  throw locked ?? e;
}

/** Sign-out, recorded as a security event when it comes over the network. */
export function signOut(ctx: ServiceContext): null {
  const user = ctx.session.user;
  if (user && ctx.remoteAddress !== undefined) {
    const db = ctx.store.db;
    db.transaction(() => appendAudit(db, { actor: user.name, action: 'security.signout', entity: 'security', entityId: user.name, after: { address: ctx.remoteAddress } }, ctx.now()))();
  }
  ctx.session.user = null;
  delete ctx.session.epoch;
  return null;
}

/** An admin lifts every sign-in lock on a name at once. */
export function unlock(ctx: ServiceContext, rawName: string): { name: string; lifted: number } {
  const name = rawName.trim();
  const db = ctx.store.db;
  const nowMs = ctx.now().getTime();
  return db.transaction(() => {
    const u = findUserByName(db, name);
    if (!u) throw rejected('users.not_found', { name });
    const lifted = unlockName(db, u.name, nowMs);
    appendAudit(db, { actor: actorName(ctx), action: 'security.unlock', entity: 'security', entityId: u.name, after: { lifted } }, ctx.now());
    return { name: u.name, lifted };
  })();
}
