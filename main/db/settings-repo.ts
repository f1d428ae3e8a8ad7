import type { Db } from './database';
import { cached } from './statements';

export function getSetting(db: Db, key: string): string | undefined {
  const row = cached(db, 'SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function putSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
