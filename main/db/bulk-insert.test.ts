import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_ROWS, BulkInsert } from './bulk-insert';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function table(): Database.Database {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-bulk-'));
  const db = new Database(path.join(dir, 'b.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, cents INTEGER NOT NULL, note TEXT) STRICT; CREATE UNIQUE INDEX t_k ON t(k)');
  return db;
}

const rows = (keys: string[]): unknown[] => keys.flatMap((k, i) => [k, BigInt(i) * 100_000_000_000n + 1n, i % 3 === 0 ? null : `n${i}`]);

describe('bulk insert', () => {
  it('stores every row of several chunks and a partial tail, in order, cents exact', () => {
    const db = table();
    const keys = Array.from({ length: BULK_ROWS * 3 + 5 }, (_, i) => `k${i}`);
    db.transaction(() => new BulkInsert(db, 't', ['k', 'cents', 'note']).insert(rows(keys), () => expect.fail('no duplicate')))();
    const stored = db.prepare('SELECT k, cents, note FROM t ORDER BY id').safeIntegers(true).all() as { k: string; cents: bigint; note: string | null }[];
    expect(stored.map((r) => r.k)).toEqual(keys);
    expect(stored[190]).toEqual({ k: 'k190', cents: 19_000_000_000_001n, note: 'n190' });
    expect(stored[3]?.note).toBeNull();
    db.close();
  });

  it('a duplicate inside a chunk: the chunk goes in row by row, every other row stored, each duplicate reported by its index', () => {
    const db = table();
    db.prepare("INSERT INTO t (k, cents) VALUES ('stored', 1)").run();
    const keys = Array.from({ length: BULK_ROWS * 2 + 10 }, (_, i) => `k${i}`);
    keys[5] = 'stored'; // already in the table
    keys[BULK_ROWS + 7] = 'k3'; // the same as an earlier row of this batch
    keys[BULK_ROWS + 8] = 'k3'; // and again
    const dups: number[] = [];
    const bulk = new BulkInsert(db, 't', ['k', 'cents', 'note']);
    db.transaction(() => bulk.insert(rows(keys), (i) => dups.push(i)))();
    expect(dups).toEqual([5, BULK_ROWS + 7, BULK_ROWS + 8]);
    const n = (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    expect(n).toBe(1 + keys.length - 3);
    // the rows after a duplicate in its chunk are there
    expect(db.prepare('SELECT COUNT(*) AS n FROM t WHERE k IN (?, ?)').get('k6', `k${BULK_ROWS + 9}`)).toEqual({ n: 2 });
    db.close();
  });

  it('any other failure propagates (a NOT NULL broken), and the transaction rolls back whole', () => {
    const db = table();
    const values = rows(['a', 'b']);
    values[4] = null; // cents of b
    expect(() => db.transaction(() => new BulkInsert(db, 't', ['k', 'cents', 'note']).insert(values, () => undefined))()).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});
