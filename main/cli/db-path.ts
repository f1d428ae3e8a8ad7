import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, userDataDir } from '../db/paths';

/**
 * The database rule shared by the CLI and the web host: `--db`, else `$REBATE_DB`, else the desktop
 * application's own database (the path chosen in its settings, or the default in its user-data
 * folder), so the app and the CLI see the same data.
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env['REBATE_DB']) return path.resolve(env['REBATE_DB']);
  const dir = userDataDir(env);
  const settingsFile = path.join(dir, 'config.json');
  if (existsSync(settingsFile)) {
    try {
      const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as { databasePath?: unknown };
      if (typeof settings.databasePath === 'string' && settings.databasePath) return settings.databasePath;
    } catch {
      // unreadable settings: fall back to the default location, as the app does
    }
  }
  return path.join(dir, DB_FILE_NAME);
}
