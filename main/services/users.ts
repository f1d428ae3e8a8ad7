import { hasRole, ROLES, type Role } from '../../contract/roles';
import type { SessionUser, UserRow } from '../../contract/types';
import {
  countActiveAdmins,
  countUsers,
  findUserById,
  findUserByName,
  insertUser,
  listUsers as listUserRecords,
  bumpSessionEpoch,
  setMustChangePassword,
  setUserActive,
  setUserPassword,
  type UserRecord,
} from '../db/users-repo';
import { activeSigninLocks } from '../db/security-repo';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { AppError, rejected } from '../../domain';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, name: u.name, displayName: u.display_name, roles: u.roles, ...(u.must_change_password === 1 ? { mustChangePassword: true } : {}) };
}

function toUserRow(u: UserRecord): UserRow {
  return { ...toSessionUser(u), active: u.active === 1, createdAt: u.created_at };
}

/**
 * The user record behind a name and password; the same error for an unknown user and a wrong password.
 * The hash runs off the event loop; the record is read again after it, so a password changed, or a
 * user disabled, while it ran counts as it is now.
 */
export async function checkPassword(ctx: ServiceContext, name: string, password: string): Promise<UserRecord> {
  const found = findUserByName(ctx.store.db, name.trim());
  if (!found) {
    await verifyPassword(password, await dummyHash());
    throw new AppError('unauthenticated', 'auth.bad_credentials');
  }
  const right = await verifyPassword(password, found.password_hash);
  const u = findUserById(ctx.store.db, found.id);
  if (!right || !u || u.password_hash !== found.password_hash) throw new AppError('unauthenticated', 'auth.bad_credentials');
  if (u.active !== 1) throw new AppError('unauthenticated', 'auth.inactive', { name: u.name });
  return u;
}

export function hasUsers(ctx: ServiceContext): boolean {
  return countUsers(ctx.store.db) > 0;
}

/** Checks a name and password; the same error for an unknown user and a wrong password. */
export async function authenticate(ctx: ServiceContext, name: string, password: string): Promise<SessionUser> {
  return toSessionUser(await checkPassword(ctx, name, password));
}

/** Makes the session this user's (after `checkPassword`). */
export function startSession(ctx: ServiceContext, u: UserRecord): SessionUser {
  ctx.session.user = toSessionUser(u);
  ctx.session.epoch = u.session_epoch;
  return ctx.session.user;
}

export async function signIn(ctx: ServiceContext, name: string, password: string): Promise<SessionUser> {
  return startSession(ctx, await checkPassword(ctx, name, password));
}

/** Refreshes the session's user from the database (roles or active state may have changed). */
export function currentUser(ctx: ServiceContext): SessionUser | null {
  const s = ctx.session.user;
  if (!s) return null;
  const u = findUserById(ctx.store.db, s.id);
  // disabled, or the password changed since this session signed in: the session is over
  if (!u || u.active !== 1 || (ctx.session.epoch !== undefined && ctx.session.epoch !== u.session_epoch)) {
    ctx.session.user = null;
    return null;
  }
  ctx.session.user = toSessionUser(u);
  return ctx.session.user;
}

export function requireRole(ctx: ServiceContext, role: Role | 'signed_in'): SessionUser {
  const user = currentUser(ctx);
  if (!user) throw new AppError('unauthenticated', 'auth.required');
  if (role !== 'signed_in' && !hasRole(user.roles, role)) {
    throw new AppError('forbidden', 'auth.forbidden', { name: user.name, role });
  }
  return user;
}

async function insertAudited(ctx: ServiceContext, input: { name: string; password: string; displayName?: string | undefined; roles: readonly Role[] }, action: string): Promise<UserRecord> {
  const db = ctx.store.db;
  for (const r of input.roles) if (!ROLES.includes(r)) throw rejected('users.bad_role', { role: r, roles: ROLES.join(', ') });
  const passwordHash = await hashPassword(input.password);
  await ctx.store.writable();
  return db.transaction(() => {
    // checked again after the hash: another request may have created the first admin meanwhile
    if (action === 'user.setup_admin' && hasUsers(ctx)) throw rejected('auth.setup_done');
    if (findUserByName(db, input.name)) throw rejected('users.exists', { name: input.name });
    const id = insertUser(db, {
      name: input.name,
      displayName: input.displayName?.trim() || input.name,
      passwordHash,
      roles: input.roles,
      createdAt: ctx.now().toISOString(),
    });
    const created = findUserById(db, id);
    if (!created) throw new Error('user vanished after insert');
    appendAudit(db, {
      actor: action === 'user.setup_admin' ? created.name : actorName(ctx),
      action,
      entity: 'user',
      entityId: created.name,
      after: { name: created.name, displayName: created.display_name, roles: created.roles },
    }, ctx.now());
    return created;
  })();
}

/** The first start: creates the administrator, only while there is no user at all. */
export async function setupAdmin(ctx: ServiceContext, input: { name: string; password: string; displayName?: string | undefined }): Promise<SessionUser> {
  if (hasUsers(ctx)) throw rejected('auth.setup_done');
  const created = await insertAudited(ctx, { ...input, roles: ['admin'] }, 'user.setup_admin');
  ctx.session.user = toSessionUser(created);
  return ctx.session.user;
}

export async function addUser(ctx: ServiceContext, input: { name: string; password: string; displayName?: string | undefined; roles: Role[] }): Promise<UserRow> {
  return toUserRow(await insertAudited(ctx, input, 'user.add'));
}

export function listUsers(ctx: ServiceContext): UserRow[] {
  const locks = activeSigninLocks(ctx.store.db, ctx.now().getTime());
  return listUserRecords(ctx.store.db).map((u) => {
    const mine = locks.filter((l) => l.name.toLowerCase() === u.name.toLowerCase());
    return { ...toUserRow(u), ...(mine.length ? { locks: mine.map((l) => ({ address: l.address, until: new Date(l.until_ms).toISOString() })) } : {}) };
  });
}

export function setActive(ctx: ServiceContext, input: { name: string; active: boolean }): UserRow {
  const db = ctx.store.db;
  return db.transaction(() => {
    const u = findUserByName(db, input.name);
    if (!u) throw rejected('users.not_found', { name: input.name });
    if (!input.active && u.roles.includes('admin') && u.active === 1 && countActiveAdmins(db) <= 1) throw rejected('users.last_admin');
    setUserActive(db, u.id, input.active);
    if (!input.active) bumpSessionEpoch(db, u.id);
    appendAudit(db, { actor: actorName(ctx), action: input.active ? 'user.activate' : 'user.deactivate', entity: 'user', entityId: u.name, before: { active: u.active === 1 }, after: { active: input.active } }, ctx.now());
    const after = findUserById(db, u.id);
    if (!after) throw new Error('user vanished');
    return toUserRow(after);
  })();
}

/** The user's own password: ends their other sessions; this one stays signed in. */
export async function changePassword(ctx: ServiceContext, input: { oldPassword: string; newPassword: string }): Promise<null> {
  const name = requireRole(ctx, 'signed_in').name;
  try {
    await checkPassword(ctx, name, input.oldPassword);
  } catch (e) {
    if (e instanceof AppError && e.key === 'auth.bad_credentials') throw new AppError('rejected', 'auth.wrong_current_password');
    throw e;
  }
  if (input.newPassword === input.oldPassword) throw rejected('auth.password_unchanged');
  const hash = await hashPassword(input.newPassword);
  await ctx.store.writable();
  // the session as it is after the hashes (an admin may have reset or disabled the user meanwhile)
  const me = requireRole(ctx, 'signed_in');
  const db = ctx.store.db;
  db.transaction(() => {
    setUserPassword(db, me.id, hash);
    setMustChangePassword(db, me.id, false);
    bumpSessionEpoch(db, me.id);
    appendAudit(db, { actor: me.name, action: 'user.change_password', entity: 'user', entityId: me.name }, ctx.now());
  })();
  const after = findUserById(db, me.id);
  if (after) {
    ctx.session.user = toSessionUser(after);
    ctx.session.epoch = after.session_epoch;
  }
  return null;
}

/** An admin sets a password the user must change at the next sign-in; the user's sessions end. */
export async function resetPassword(ctx: ServiceContext, input: { name: string; password: string }): Promise<UserRow> {
  const hash = await hashPassword(input.password);
  await ctx.store.writable();
  const db = ctx.store.db;
  return db.transaction(() => {
    const u = findUserByName(db, input.name);
    if (!u) throw rejected('users.not_found', { name: input.name });
    setUserPassword(db, u.id, hash);
    setMustChangePassword(db, u.id, true);
    bumpSessionEpoch(db, u.id);
    appendAudit(db, { actor: actorName(ctx), action: 'user.reset_password', entity: 'user', entityId: u.name }, ctx.now());
    const after = findUserById(db, u.id);
    if (!after) throw new Error('user vanished');
    return toUserRow(after);
  })();
}
