import type { Db } from './database';

/** Failed sign-ins and sign-in locks (team.md). Times are ms since the epoch. */

export function recordSigninFailure(db: Db, name: string, address: string, atMs: number): void {
  db.prepare('INSERT INTO signin_failures (name, address, at_ms) VALUES (?, ?, ?)').run(name, address, atMs);
}

export function countFailuresOfNameAt(db: Db, name: string, address: string, sinceMs: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM signin_failures WHERE name = ? AND address = ? AND at_ms > ?').get(name, address, sinceMs) as { n: number }).n;
}

export function countFailuresOfName(db: Db, name: string, sinceMs: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM signin_failures WHERE name = ? AND at_ms > ?').get(name, sinceMs) as { n: number }).n;
}

export function countFailuresAt(db: Db, address: string, sinceMs: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM signin_failures WHERE address = ? AND at_ms > ?').get(address, sinceMs) as { n: number }).n;
}

export function clearFailuresOfNameAt(db: Db, name: string, address: string): void {
  db.prepare('DELETE FROM signin_failures WHERE name = ? AND address = ?').run(name, address);
}

export function setSigninLock(db: Db, name: string, address: string, untilMs: number): void {
  db.prepare('INSERT INTO signin_locks (name, address, until_ms) VALUES (?, ?, ?) ON CONFLICT (name, address) DO UPDATE SET until_ms = excluded.until_ms').run(name, address, untilMs);
}

/** The end of the lock on this name from this address (or on the whole address), if any is in force. */
export function activeSigninLock(db: Db, name: string, address: string, nowMs: number): number | undefined {
  const r = db.prepare('SELECT MAX(until_ms) AS until_ms FROM signin_locks WHERE name = ? AND address = ? AND until_ms > ?').get(name, address, nowMs) as { until_ms: number | null };
  return r.until_ms ?? undefined;
}

/** Names locked now, with the lock's end and the addresses (for 设置 → 用户). */
export function activeSigninLocks(db: Db, nowMs: number): { name: string; address: string; until_ms: number }[] {
  return db.prepare('SELECT name, address, until_ms FROM signin_locks WHERE until_ms > ? ORDER BY name, address').all(nowMs) as { name: string; address: string; until_ms: number }[];
}

/** Lifts every lock on the name and forgets its failures; returns how many locks were lifted. */
export function unlockName(db: Db, name: string, nowMs: number): number {
  const lifted = (db.prepare('SELECT COUNT(*) AS n FROM signin_locks WHERE name = ? AND until_ms > ?').get(name, nowMs) as { n: number }).n;
  db.prepare('DELETE FROM signin_locks WHERE name = ?').run(name);
  db.prepare('DELETE FROM signin_failures WHERE name = ?').run(name);
  return lifted;
}

/** Forgets failures and locks older than a day. */
export function pruneSigninRecords(db: Db, beforeMs: number): void {
  db.prepare('DELETE FROM signin_failures WHERE at_ms < ?').run(beforeMs);
  db.prepare('DELETE FROM signin_locks WHERE until_ms < ?').run(beforeMs);
}
