import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from './index';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('migration 008 ledger', () => {
  it('a version-7 database keeps its imports and the rows that point to them, gains the ledger tables and the two kinds', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-m6-'));
    const db = new Database(path.join(dir, 'a.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, { list: migrations.slice(0, 7) });
    db.exec(`INSERT INTO imports (id, kind, period, mode, created_by, created_at, rows) VALUES (7, 'purchases', '2026-01', 'add', 'admin', '2026-02-01T00:00:00Z', 1);
      INSERT INTO import_files (id, import_id, kind, period, file_name, sha256, bytes, sheets_json, rows, total_cents) VALUES (3, 7, 'purchases', '2026-01', 'p.xlsx', 'ab', 1, '[]', 1, 100);
      INSERT INTO distributors (code, name, region, grade, status, updated_at) VALUES ('D1', 'n', '华东', 'A', 'active', 'x');
      INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-01', 3, 'S', 2, 'X', '2026-01-02', 'D1', 100, 'k');`);
    migrate(db, { list: migrations.slice(0, 8) });
    expect(db.prepare('SELECT id, kind, rows FROM imports').all()).toEqual([{ id: 7, kind: 'purchases', rows: 1 }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the rebuilt table is still the parent of import_files
    expect(() => db.prepare("INSERT INTO import_files (import_id, kind, file_name, sha256, bytes, sheets_json, rows, total_cents) VALUES (999, 'x', 'f', 's', 1, '[]', 0, 0)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO imports (kind, period, mode, created_by, created_at, rows) VALUES ('settlements', '2026-02', 'add', 'a', 'b', 0)").run();
    db.prepare("INSERT INTO imports (kind, period, mode, created_by, created_at, rows) VALUES ('balances', '2026-01', 'add', 'a', 'b', 0)").run();
    expect(() => db.prepare("INSERT INTO imports (kind, period, mode, created_by, created_at, rows) VALUES ('other', NULL, 'add', 'a', 'b', 0)").run()).toThrow(/CHECK/);
    for (const t of ['settlements', 'balances', 'ledger_adjustments']) expect(db.prepare('SELECT COUNT(*) AS n FROM ' + t).get()).toEqual({ n: 0 });
    db.close();
  });
});
