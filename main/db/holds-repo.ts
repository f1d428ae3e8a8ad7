import type { Db } from './database';

export interface HoldRow {
  scope: string;
  job: 'import' | 'calc';
  user_name: string;
  display_name: string;
  started_at: string;
  pid: number;
  host: string;
  token: string;
}

/** Rows this connection changed in period_holds: bookkeeping, not data (the backup before a calculation discounts them). */
const holdWrites = new WeakMap<Db, number>();

function counted(db: Db, changes: number): void {
  holdWrites.set(db, (holdWrites.get(db) ?? 0) + changes);
}

export function holdChanges(db: Db): number {
  return holdWrites.get(db) ?? 0;
}

export function holdsOn(db: Db, scopes: readonly string[]): HoldRow[] {
  if (scopes.length === 0) return [];
  return db.prepare(`SELECT * FROM period_holds WHERE scope IN (${scopes.map(() => '?').join(', ')})`).all(...scopes) as HoldRow[];
}

export function allHolds(db: Db): HoldRow[] {
  return db.prepare('SELECT * FROM period_holds ORDER BY started_at').all() as HoldRow[];
}

export function putHold(db: Db, h: HoldRow): void {
  db.prepare(
    `INSERT INTO period_holds (scope, job, user_name, display_name, started_at, pid, host, token)
     VALUES (@scope, @job, @user_name, @display_name, @started_at, @pid, @host, @token)
     ON CONFLICT(scope) DO UPDATE SET job = excluded.job, user_name = excluded.user_name, display_name = excluded.display_name,
       started_at = excluded.started_at, pid = excluded.pid, host = excluded.host, token = excluded.token`,
  ).run(h);
  counted(db, 1);
}

export function dropHolds(db: Db, token: string): void {
  counted(db, db.prepare('DELETE FROM period_holds WHERE token = ?').run(token).changes);
}

export function dropHold(db: Db, scope: string, token: string): void {
  counted(db, db.prepare('DELETE FROM period_holds WHERE scope = ? AND token = ?').run(scope, token).changes);
}
