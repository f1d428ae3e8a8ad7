import type Database from 'better-sqlite3';
import type { Db } from './database';

/** Rows per multi-row INSERT: 64 × 18 columns stays far below SQLite's 32,766 bound parameters. */
export const BULK_ROWS = 64;

/**
 * Inserts flat rows (`columns.length` values each, one array per batch) with a prepared multi-row
 * INSERT per `BULK_ROWS` rows, inside the caller's transaction. A chunk that breaks a UNIQUE
 * constraint is undone by SQLite as one statement and inserted again row by row, so every other row
 * is stored and each duplicate is reported by its index in the batch, exactly as one INSERT per row
 * would. Any other error propagates.
 */
export class BulkInsert {
  private readonly width: number;
  private readonly one: Database.Statement;
  private readonly many = new Map<number, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.width = columns.length;
    this.one = this.statement(1);
  }

  /** Inserts `values.length / width` rows; `onDuplicate(i)` for each row refused by a UNIQUE constraint. */
  insert(values: unknown[], onDuplicate: (row: number) => void): void {
    const { width } = this;
    const count = Math.floor(values.length / width);
    for (let start = 0; start < count; start += BULK_ROWS) {
      const n = Math.min(BULK_ROWS, count - start);
      const chunk = values.slice(start * width, (start + n) * width);
      try {
        this.chunk(n).run(chunk);
      } catch (e) {
        if (!isUnique(e)) throw e;
        for (let i = 0; i < n; i++) {
          try {
            this.one.run(values.slice((start + i) * width, (start + i + 1) * width));
          } catch (err) {
            if (!isUnique(err)) throw err;
            onDuplicate(start + i);
          }
        }
      }
    }
  }

  private chunk(n: number): Database.Statement {
    if (n === 1) return this.one;
    let s = this.many.get(n);
    if (!s) {
      s = this.statement(n);
      this.many.set(n, s);
    }
    return s;
  }

  private statement(rows: number): Database.Statement {
    const tuple = `(${this.columns.map(() => '?').join(', ')})`;
    return this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
  }
}

function isUnique(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
