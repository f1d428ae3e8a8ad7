import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
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

/**
 * A reader holding a snapshot of the database file alone: taken when everything in the WAL is
 * already in the file (a passive checkpoint caught up, and no other connection committed meanwhile).
 * Such a reader uses SQLite's WAL read-lock 0, and while it is held no checkpoint writes into the
 * file — so the file can be copied as it is, off the main thread, while this connection goes on
 * writing to the WAL. Null when that cannot be had (another connection's reader or writer is in
 * the way): the caller then uses the online backup API.
 */
export function fileSnapshot(db: Db, nativeBinding: string | undefined): Db | null {
  if (db.inTransaction || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
  const before = db.pragma('data_version', { simple: true });
  const [cp] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (!cp || cp.log !== cp.checkpointed) return null;
  let reader: Db | null = null;
  try {
    reader = new Database(sqliteFileName(db.name), { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    // another connection (the CLI, a second process) committed between the checkpoint and the
    // snapshot: the WAL holds frames the file does not, and the file alone is not this snapshot
    if (db.pragma('data_version', { simple: true }) !== before) throw new Error('changed');
    return reader;
  } catch {
    if (reader?.open) reader.close();
    return null;
  }
}

/**
 * A consistent copy while the database stays in use. Preferably the file itself, copied by the
 * operating system on a background thread under a read snapshot (fileSnapshot): the main thread
 * is free meanwhile, so a calculation evaluates while its backup is written. Else SQLite's online
 * backup API in large steps.
 */
export async function createBackup(db: Db, reason: string, keep = DEFAULT_BACKUP_KEEP, nativeBinding?: string, copy: (from: string, to: string) => Promise<void> = copyFile): Promise<BackupInfo> {
  const at = new Date();
  const dir = backupDir(db.name);
  mkdirSync(dir, { recursive: true });
  // A temporary name of its own (pid + random): concurrent backups never share or steal one.
  const tmp = partialPath(path.join(dir, `${stamp(at)}_${safeReason(reason)}.sqlite`));
  const reader = fileSnapshot(db, nativeBinding);
  let copied = false;
  try {
    if (reader) {
      try {
        await copy(sqliteFileName(db.name), tmp);
        const fh = await open(tmp, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
        copied = true;
      } catch {
        // the file could not be copied as it is (a Windows share mode, a full disk): the API below
        rmSync(tmp, { force: true });
      } finally {
        if (reader.open) reader.close();
      }
    }
    if (!copied) {
      // about 16 MB a step: few turns of the event loop, each short enough for other callers
      await db.backup(sqliteFileName(tmp), { progress: () => 4096 });
      fsyncFile(tmp);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    throw e;
  } finally {
    if (reader?.open) reader.close();
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
