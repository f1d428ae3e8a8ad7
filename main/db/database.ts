import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { rejected } from '../../domain';
import { removeDatabaseLeftovers } from './backup-files';
import { migrate } from './migrate';
import { networkPathReason, sqliteFileName } from './paths';

export type Db = Database.Database;

export interface OpenOptions {
  /** better-sqlite3 binary built for Electron's ABI (the Node one is used by the CLI and tests). */
  nativeBinding?: string;
  /** apply pending migrations (default true); a read-only inspection can skip them */
  migrate?: boolean;
  /** how many automatic backups to keep when a migration backs up first */
  backupKeep?: number;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function looksLikeSqlite(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true; // an empty file becomes a new database
  if (size < 100) return false;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (creating if needed) the one database file of an installation: refuses network paths and
 * files that are not SQLite, sets WAL + synchronous=FULL + foreign keys, and migrates.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const full = path.resolve(file);
  if (networkPathReason(file) || networkPathReason(full)) throw rejected('db.network_path', { path: file });
  if (existsSync(full)) {
    if (statSync(full).isDirectory() || !looksLikeSqlite(full)) throw rejected('db.not_sqlite', { path: full });
  } else {
    mkdirSync(path.dirname(full), { recursive: true });
  }
  let db: Db;
  try {
    db = new Database(sqliteFileName(full), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw rejected('db.not_sqlite', { path: full });
    throw rejected('db.cannot_open', { path: full, detail: e instanceof Error ? e.message : String(e) });
  }
  removeDatabaseLeftovers(full);
  try {
    if (options.migrate !== false) migrate(db, { backupKeep: options.backupKeep });
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * A second connection to a database a Store has open already (migrated, checked): the same pragmas,
 * nothing removed or migrated. An import stores through one of its own so that the Store's
 * connection keeps answering reads meanwhile (WAL: readers see the last commit, never a part of it).
 */
export function openSecondConnection(file: string, nativeBinding?: string): Db {
  const db = new Database(sqliteFileName(path.resolve(file)), nativeBinding ? { nativeBinding, fileMustExist: true } : { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}
