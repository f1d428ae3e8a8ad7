import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../contract/types';
import type { Db } from './database';
import { sqliteFileName } from './paths';
import { fsyncFile, partialPath, removeLeftovers } from '../util/partial-files';

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

function newBackupPath(dbFile: string, reason: string, at = new Date()): { id: string; file: string } {
  const dir = backupDir(dbFile);
  mkdirSync(dir, { recursive: true });
  let id = `${stamp(at)}_${safeReason(reason)}`;
  for (let n = 2; existsSync(path.join(dir, `${id}.sqlite`)); n++) id = `${stamp(at)}_${safeReason(reason)}-${n}`;
  return { id, file: path.join(dir, `${id}.sqlite`) };
}

/**
 * Moves a finished copy into place under a name no other backup has: two backups started in the same
 * millisecond for the same reason (two requests at once) each keep their own file. The name is chosen
 * and the rename done without yielding, so no other request of this process can take it meanwhile.
 */
function publish(dbFile: string, reason: string, tmp: string, at: Date): string {
  const { file } = newBackupPath(dbFile, reason, at);
  renameSync(tmp, file);
  return file;
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
  const at = new Date();
  const dir = backupDir(db.name);
  mkdirSync(dir, { recursive: true });
  // A temporary name of its own (pid + random): concurrent backups never share or steal one.
  const tmp = partialPath(path.join(dir, `${stamp(at)}_${safeReason(reason)}.sqlite`));
  try {
    await db.backup(sqliteFileName(tmp));
    fsyncFile(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw e;
  }
  const file = publish(db.name, reason, tmp, at);
  pruneBackups(db.name, keep);
  return info(path.dirname(file), path.basename(file));
}

/** The synchronous form for start-up (before migrations): VACUUM INTO writes a consistent copy. */
export function createBackupSync(db: Db, reason: string, keep = DEFAULT_BACKUP_KEEP): BackupInfo {
  const at = new Date();
  const dir = backupDir(db.name);
  mkdirSync(dir, { recursive: true });
  const tmp = partialPath(path.join(dir, `${stamp(at)}_${safeReason(reason)}.sqlite`));
  try {
    db.prepare('VACUUM INTO ?').run(sqliteFileName(tmp));
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw e;
  }
  const file = publish(db.name, reason, tmp, at);
  pruneBackups(db.name, keep);
  return info(path.dirname(file), path.basename(file));
}

/** Replaces a database file by a backup copy. The connection is closed; the caller reopens. */
export function restoreFileInto(db: Db, backupFile: string): void {
  const target = db.name;
  if (db.open) db.close();
  const tmp = partialPath(target, 'restoring');
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

/**
 * Removes what killed processes left behind: half-written backups (`*.partial`, `*.partial-journal`)
 * and import staging files beside the database. Files of processes still running are kept.
 */
export function removeDatabaseLeftovers(dbFile: string): string[] {
  const full = path.resolve(dbFile);
  return [...removeLeftovers(path.dirname(full), `${path.basename(full)}.`), ...removeLeftovers(backupDir(full))];
}
