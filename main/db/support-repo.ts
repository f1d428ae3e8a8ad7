import type { Db } from './database';

/** Every row of the settings table (key → value), for the diagnostics (secrets are masked there). */
export function allSettings(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM app_settings ORDER BY key').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** SQLite's own check of the file: 'ok', or the problems it lists (at most 100). */
export function integrityCheck(db: Db): string[] {
  return (db.prepare('PRAGMA integrity_check(100)').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
}

/** Row counts of the main tables: how big the installation is, without any of its data. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}
