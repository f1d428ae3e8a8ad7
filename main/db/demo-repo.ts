import type { Db } from './database';

/** Whether the database holds any master data or policy yet (the demo loads only into an empty one). */
export function hasBusinessData(db: Db): boolean {
  const row = db.prepare('SELECT (SELECT COUNT(*) FROM distributors) + (SELECT COUNT(*) FROM policy_versions) AS n').get() as { n: number };
  return row.n > 0;
}
