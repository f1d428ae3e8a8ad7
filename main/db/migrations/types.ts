export interface Migration {
  /** consecutive from 1; never renumbered, never edited once released */
  version: number;
  name: string;
  sql: string;
}
