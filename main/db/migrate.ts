import { rejected } from '../../domain';
import { createBackupSync, restoreFileInto } from './backup-files';
import type { Db } from './database';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Db): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the pending migrations, each in its own transaction. A database from a newer version is
 * refused untouched. An existing database is backed up first; if a migration fails, that backup is
 * restored and the error reported — never wiped and started fresh.
 */
export function migrate(db: Db, options: { backupKeep?: number; list?: readonly Migration[] } = {}): number {
  const list = options.list ?? migrations;
  const latest = options.list ? list.length : LATEST_SCHEMA_VERSION;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const current = schemaVersion(db);
  if (current > latest) throw rejected('db.newer_schema', { path: db.name, found: current, supported: latest });
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;

  const backup = current > 0 ? createBackupSync(db, `pre-migrate-${current}`, options.backupKeep) : null;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    // PRAGMA foreign_keys is a no-op inside a transaction: it is switched around it.
    const fkOff = m.foreignKeysOff === true && db.pragma('foreign_keys', { simple: true }) === 1;
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(broken[0])}`);
        }
        record.run(m.version, m.name, new Date().toISOString());
      })();
    } catch (e) {
      if (fkOff) db.pragma('foreign_keys = ON');
      if (backup) restoreFileInto(db, backup.path);
      throw rejected('db.migration_failed', {
        version: m.version,
        detail: e instanceof Error ? e.message : String(e),
        backup: backup?.id ?? '-',
      });
    }
    if (fkOff) db.pragma('foreign_keys = ON');
  }
  return latest;
}
