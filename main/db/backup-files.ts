import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../contract/types';
import type { Db } from './database';
import { sqliteFileName } from './paths';

export const DEFAULT_BACKUP_KEEP = 20;

/** Backups live in a folder beside the database: `rebate-desk.sqlite` → `rebate-desk.sqlite-backups/`. */
export function backupDir(dbFile: string): string {
  return `${path.resolve(dbFile)}-backups`;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function safeReason(reason: string): string {
  return reason.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'manual';
}

function newBackupPath(dbFile: string, reason: string): { id: string; file: string } {
  const dir = backupDir(dbFile);
  mkdirSync(dir, { recursive: true });
  let id = `${stamp(new Date())}_${safeReason(reason)}`;
  for (let n = 2; existsSync(path.join(dir, `${id}.sqlite`)); n++) id = `${stamp(new Date())}_${safeReason(reason)}-${n}`;
  return { id, file: path.join(dir, `${id}.sqlite`) };
}

function info(dir: string, fileName: string): BackupInfo {
  const id = fileName.replace(/\.sqlite$/, '');
  const [ts = '', reason = ''] = id.split('_');
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(ts);
  const full = path.join(dir, fileName);
  const st = statSync(full);
  const createdAt = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : st.mtime.toISOString();
  return { id, createdAt, reason, bytes: st.size, path: full };
}

export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDir(dbFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => info(dir, f))
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function findBackup(dbFile: string, id: string): BackupInfo | undefined {
  return listBackups(dbFile).find((b) => b.id === id);
}

export function pruneBackups(dbFile: string, keep: number): void {
  for (const old of listBackups(dbFile).slice(Math.max(1, keep))) rmSync(old.path, { force: true });
}

/** SQLite's online backup API: a consistent copy while the database stays in use. */
export async function createBackup(db: Db, reason: string, keep = DEFAULT_BACKUP_KEEP): Promise<BackupInfo> {
  const { file } = newBackupPath(db.name, reason);
  const tmp = `${file}.partial`;
  await db.backup(sqliteFileName(tmp));
  renameSync(tmp, file);
  pruneBackups(db.name, keep);
  return info(path.dirname(file), path.basename(file));
}

/** The synchronous form for start-up (before migrations): VACUUM INTO writes a consistent copy. */
export function createBackupSync(db: Db, reason: string, keep = DEFAULT_BACKUP_KEEP): BackupInfo {
  const { file } = newBackupPath(db.name, reason);
  db.prepare('VACUUM INTO ?').run(sqliteFileName(file));
  pruneBackups(db.name, keep);
  return info(path.dirname(file), path.basename(file));
}

/** Replaces a database file by a backup copy. The connection is closed; the caller reopens. */
export function restoreFileInto(db: Db, backupFile: string): void {
  const target = db.name;
  if (db.open) db.close();
  const tmp = `${target}.restoring`;
  copyFileSync(backupFile, tmp);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(tmp, target);
}

/** Schema version of a backup file, or null when it is not a readable SQLite database. */
export function inspectBackup(file: string, nativeBinding?: string): { schemaVersion: number } | null {
  let probe: Db | null = null;
  try {
    probe = new Database(sqliteFileName(file), { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const ok = probe.pragma('quick_check', { simple: true });
    if (ok !== 'ok') return null;
    const has = probe.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
    if (!has) return null;
    const row = probe.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return { schemaVersion: row.v ?? 0 };
  } catch {
    return null;
  } finally {
    probe?.close();
  }
}
