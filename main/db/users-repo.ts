import type { Role } from '../../contract/roles';
import { cached } from './statements';
import type { Db } from './database';

/** A user's row as stored. */
interface UserBase {
  id: number;
  name: string;
  display_name: string;
  password_hash: string;
  active: number;
  created_at: string;
  session_epoch: number;
  must_change_password: number;
}

export interface UserRecord extends UserBase {
  roles: Role[];
}

function rolesOf(db: Db, userId: number): Role[] {
  return (cached(db, 'SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(userId) as { role: Role }[]).map(
    (r) => r.role,
  );
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function findUserByName(db: Db, name: string): UserRecord | undefined {
  const u = cached(db, 'SELECT * FROM users WHERE name = ?').get(name) as UserBase | undefined;
  return u ? { ...u, roles: rolesOf(db, u.id) } : undefined;
}

export function findUserById(db: Db, id: number): UserRecord | undefined {
  const u = cached(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserBase | undefined;
  return u ? { ...u, roles: rolesOf(db, u.id) } : undefined;
}

export function listUsers(db: Db): UserRecord[] {
  const all = db.prepare('SELECT * FROM users ORDER BY name').all() as UserBase[];
  return all.map((u) => ({ ...u, roles: rolesOf(db, u.id) }));
}

export function insertUser(
  db: Db,
  u: { name: string; displayName: string; passwordHash: string; roles: readonly Role[]; createdAt: string },
): number {
  const info = db
    .prepare('INSERT INTO users (name, display_name, password_hash, active, created_at) VALUES (?, ?, ?, 1, ?)')
    .run(u.name, u.displayName, u.passwordHash, u.createdAt);
  const id = Number(info.lastInsertRowid);
  const addRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of new Set(u.roles)) addRole.run(id, role);
  return id;
}

export function setUserActive(db: Db, id: number, active: boolean): void {
  db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
}

export function setUserPassword(db: Db, id: number, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

export function countActiveAdmins(db: Db): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE r.role = 'admin' AND u.active = 1`,
      )
      .get() as { n: number }
  ).n;
}

/** Ends every session of the user signed in before now (password change, reset, disable). */
export function bumpSessionEpoch(db: Db, id: number): void {
  db.prepare('UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?').run(id);
}

export function setMustChangePassword(db: Db, id: number, must: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(must ? 1 : 0, id);
}
