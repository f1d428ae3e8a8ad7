import type { BatchLine } from './batches-repo';
import type { Db } from './database';

/**
 * A batch's rows in code order, one page at a time (keyset paging): an export of 10,000
 * distributors never holds them all, and the connection is free between pages for other callers
 * (an open better-sqlite3 iterator would lock it for the whole export).
 */
export async function* pagedBatchLines(db: Db, batchId: number, pageSize = 500): AsyncGenerator<BatchLine> {
  const page = db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? AND code > ? ORDER BY code LIMIT ?');
  let after = '';
  for (;;) {
    const rows = page.all(batchId, after, pageSize) as BatchLine[];
    for (const r of rows) yield r;
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    after = last.code;
  }
}

/** The display names of users by login name (signatures show the person, not the account). */
export function displayNames(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT name, display_name FROM users').all() as { name: string; display_name: string }[];
  return new Map(rows.map((r) => [r.name, r.display_name]));
}

/** Every period that has a batch, newest first, with its state (the export screen's batch picker). */
export function batchPeriods(db: Db): { period: string; id: number; status: string; total_cents: number; distributors: number; content_hash: string }[] {
  return db.prepare('SELECT period, id, status, total_cents, distributors, content_hash FROM batches ORDER BY period DESC').all() as {
    period: string;
    id: number;
    status: string;
    total_cents: number;
    distributors: number;
    content_hash: string;
  }[];
}

/** Removes a setting, so its default applies again (the posting-file layout's reset). */
export function deleteSetting(db: Db, key: string): void {
  db.prepare('DELETE FROM app_settings WHERE key = ?').run(key);
}
