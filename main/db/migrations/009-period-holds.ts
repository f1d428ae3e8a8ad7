import type { Migration } from './types';

/**
 * Period holds (team.md "Many people at once"): a long write job (import, calculation) holds its
 * period — or `distributors` for master data — so that a second job is refused at once with who holds
 * it and since when. A hold names its process (pid + host) so that one left by a killed process is
 * recognised as stale and taken over.
 */
export const migration009: Migration = {
  version: 9,
  name: 'period-holds',
  sql: `
CREATE TABLE period_holds (
  scope TEXT PRIMARY KEY,
  job TEXT NOT NULL CHECK (job IN ('import', 'calc')),
  user_name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  token TEXT NOT NULL
) STRICT;
`,
};
