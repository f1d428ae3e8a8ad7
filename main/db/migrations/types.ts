export interface Migration {
  /** consecutive from 1; never renumbered, never edited once released */
  version: number;
  name: string;
  sql: string;
  /** rebuilds a table others reference: run with foreign keys off, then checked (SQLite's ALTER TABLE procedure) */
  foreignKeysOff?: boolean;
}
