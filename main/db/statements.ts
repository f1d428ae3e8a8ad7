import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const kept = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement kept per connection, for the queries every request runs (the team server
 * answers many small reads a second; compiling their SQL each time cost more than running it). Only
 * for fixed SQL run with `.get`, `.all` or `.run` — never `.iterate`, `.pluck`, `.raw` or `.expand`,
 * which change or occupy the shared statement. A restore opens a new connection, and with it new statements.
 */
export function cached(db: Db, sql: string): Statement {
  let m = kept.get(db);
  if (!m) kept.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
