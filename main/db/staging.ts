import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { BulkInsert } from './bulk-insert';
import { periodLocked } from './import-repo';
import type { Db } from './database';
import { partialPath } from '../util/partial-files';
import { isPeriodKind } from '../../domain';

/**
 * An import's staging file: the flat rows a job's parsing workers produce (import/store-rows.ts) are
 * bound in bulk here, on a connection of its own, while the job runs — the database itself is not
 * touched (no write lock, no open transaction other requests could join). The final store copies them
 * in one short transaction (`storeStagedFile`). Each table has the stored table's columns; `file_id`
 * holds the job's own file number until the store gives it the real `import_files.id`.
 */
export type StagedTable = 'purchases' | 'returns' | 'promotions' | 'claims' | 'settlements' | 'balances';

/** What is a duplicate within one job, as the stored tables' unique indexes say. */
const UNIQUE: Partial<Record<StagedTable, string>> = {
  purchases: 'period, dup_key',
  returns: 'period, dup_key',
  settlements: 'dup_key',
  balances: 'distributor_code',
};

export class Staging {
  readonly file: string;
  private readonly db: Db;
  private readonly inserts = new Map<StagedTable, BulkInsert>();
  private open = true;
  private pending = 0;

  /** `columns`: each table's stored columns, `file_id` first (STORE_COLUMNS) */
  constructor(
    dbFile: string,
    private readonly columns: Record<StagedTable, readonly string[]>,
  ) {
    this.file = partialPath(dbFile, 'import');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    for (const [table, cols] of Object.entries(columns) as [StagedTable, readonly string[]][]) {
      this.db.exec(`CREATE TABLE ${table} (${cols.join(', ')})`);
      this.db.exec(`CREATE INDEX ${table}_file ON ${table}(file_id)`);
      const unique = UNIQUE[table];
      if (unique) this.db.exec(`CREATE UNIQUE INDEX ${table}_dup ON ${table}(${unique})`);
    }
    this.db.exec('BEGIN');
  }

  /** Stages a batch of flat rows; `onDuplicate(i)` for each row that repeats one already staged. */
  rows(table: StagedTable, values: unknown[], onDuplicate: (row: number) => void): void {
    let bulk = this.inserts.get(table);
    if (!bulk) {
      bulk = new BulkInsert(this.db, table, this.columns[table]);
      this.inserts.set(table, bulk);
    }
    bulk.insert(values, onDuplicate);
    this.pending += values.length / this.columns[table].length;
    // The staging file is scratch space: commit in chunks so its page cache stays small (and each
    // commit short: 10,000 rows write in ~30 ms, 50,000 held the event loop ~200 ms).
    if (this.pending >= 10_000) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /** Where the staged copy of a duplicate is (`key`: the unique columns' values of the later row). */
  firstOf(table: StagedTable, key: unknown[]): { file_id: number; sheet: string; row_no: number } | undefined {
    const unique = UNIQUE[table];
    if (!unique) return undefined;
    const where = unique
      .split(', ')
      .map((c) => `${c} = ?`)
      .join(' AND ');
    return this.db.prepare(`SELECT file_id, sheet, row_no FROM ${table} WHERE ${where}`).get(...key) as { file_id: number; sheet: string; row_no: number } | undefined;
  }

  /** The unique columns of a table (for reading a duplicate's key from its flat row). */
  static uniqueColumns(table: StagedTable): string[] {
    return UNIQUE[table]?.split(', ') ?? [];
  }

  /** Ends writing; the file can then be attached to the database for the final store. */
  finish(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  dispose(): void {
    if (this.open) {
      this.open = false;
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.db.close();
      } catch {
        // closing scratch space cannot lose anything
      }
    }
    rmSync(this.file, { force: true });
    rmSync(`${this.file}-journal`, { force: true });
  }
}

export const STAGE = 'stage';

/** Attaches a finished staging file to the database connection (outside any transaction). */
export function attachStaging(db: Db, staging: Staging): () => void {
  staging.finish();
  db.prepare(`ATTACH DATABASE ? AS ${STAGE}`).run(staging.file);
  return () => {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.exec(`DETACH DATABASE ${STAGE}`);
  };
}

export interface StoredDuplicate {
  file_idx: number;
  sheet: string;
  row_no: number;
  doc_no: string;
  line_no: string | null;
  /** the stored copy: its file, sheet, row and period */
  first_file: string;
  first_sheet: string;
  first_row: number;
  first_period: string;
  /** balances: the distributor */
  code: string;
}

/**
 * Staged rows (of the given files) already stored: duplicates (data.md, ledger.md) with where the
 * stored copy came from. Purchases and returns repeat within their period; a settlement document in
 * any period (`replace` exempts the period it replaces); an opening balance per distributor (not
 * looked for on `replace`, which swaps the whole set).
 */
export function storedDuplicates(
  db: Db,
  table: 'purchases' | 'returns' | 'settlements' | 'balances',
  fileIdx: readonly number[],
  replace: boolean,
  limit: number,
  /** staged rows `rowid` lo..hi only (a slice of a long check) */
  range?: readonly [number, number],
): { rows: StoredDuplicate[]; count: number } {
  if (fileIdx.length === 0 || (table === 'balances' && replace)) return { rows: [], count: 0 };
  const inList = fileIdx.map(() => '?').join(', ');
  const on = table === 'settlements' ? 't.dup_key = s.dup_key' + (replace ? ' AND t.period <> s.period' : '') : table === 'balances' ? 't.distributor_code = s.distributor_code' : 't.period = s.period AND t.dup_key = s.dup_key';
  const within = range ? ' AND s.rowid BETWEEN ? AND ?' : '';
  const args = range ? [...fileIdx, range[0], range[1]] : [...fileIdx];
  const from = `FROM ${STAGE}.${table} s JOIN main.${table} t ON ${on} WHERE ${range ? '+' : ''}s.file_id IN (${inList})${within}`;
  const count = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
  if (count === 0) return { rows: [], count };
  const doc = table === 'balances' ? "'' AS doc_no, NULL AS line_no" : 's.doc_no, s.line_no';
  const rows = db
    .prepare(
      `SELECT s.file_id AS file_idx, s.sheet, s.row_no, ${doc}, s.distributor_code AS code, f.file_name AS first_file, t.sheet AS first_sheet, t.row_no AS first_row, t.period AS first_period
       ${from.replace('WHERE', 'JOIN main.import_files f ON f.id = t.file_id WHERE')} ORDER BY s.rowid LIMIT ?`,
    )
    .all(...args, limit) as StoredDuplicate[];
  return { rows, count };
}

/** The staged rows' rowid span of a table, or of one staged file in it (slices of a long store or check walk it). */
export function stagedSpan(db: Db, table: StagedTable, fileIdx?: number): readonly [number, number] | null {
  const r = (fileIdx === undefined ? db.prepare(`SELECT MIN(rowid) AS lo, MAX(rowid) AS hi FROM ${STAGE}.${table}`).get() : db.prepare(`SELECT MIN(rowid) AS lo, MAX(rowid) AS hi FROM ${STAGE}.${table} WHERE file_id = ?`).get(fileIdx)) as { lo: number | null; hi: number | null };
  return r.lo === null || r.hi === null ? null : [r.lo, r.hi];
}

/** Copies one staged file's rows into the database (inside the caller's transaction); `range`: staged rowids lo..hi only, in their order. */
export function storeStagedFile(db: Db, table: StagedTable, columns: readonly string[], fileIdx: number, fileId: number, range?: readonly [number, number]): number {
  const rest = columns.filter((c) => c !== 'file_id').join(', ');
  if (range) return db.prepare(`INSERT INTO main.${table} (file_id, ${rest}) SELECT ?, ${rest} FROM ${STAGE}.${table} WHERE +file_id = ? AND rowid BETWEEN ? AND ? ORDER BY rowid`).run(fileId, fileIdx, range[0], range[1]).changes;
  return db.prepare(`INSERT INTO main.${table} (file_id, ${rest}) SELECT ?, ${rest} FROM ${STAGE}.${table} WHERE file_id = ? ORDER BY rowid`).run(fileId, fileIdx).changes;
}

/**
 * For the final store of one period's staged rows (inside the caller's write transaction): the
 * period-lock trigger of `table`, which looks the period's batch up again for every inserted row,
 * is checked once for the period here, dropped, and `restore()` creates it again from its own SQL
 * before the transaction commits. DDL is part of the transaction: a rollback, a crash or a kill
 * before the commit leaves the trigger as it was, and no other writer runs meanwhile (the caller
 * holds the write lock) — so every committed state has the trigger and no row of a locked period
 * can be stored. `locked` is true (and nothing is dropped) when the period is locked.
 */
export function suspendPeriodLock(db: Db, table: StagedTable, period: string): { locked: boolean; restore: () => void } {
  const none = { locked: false, restore: () => undefined };
  // the period tables (domain PERIOD_KINDS) have the BEFORE INSERT trigger that refuses rows of a locked period (migration 004)
  if (!isPeriodKind(table)) return none;
  if (!db.inTransaction) throw new Error('suspendPeriodLock: only inside the store transaction');
  if (periodLocked(db, period)) return { locked: true, restore: () => undefined };
  const name = `${table}_period_locked`;
  const trigger = db.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined;
  if (!trigger) return none;
  db.exec(`DROP TRIGGER main.${name}`);
  return { locked: false, restore: () => db.exec(trigger.sql) };
}
