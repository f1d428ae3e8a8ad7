import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import type { Db } from './database';
import { suspendPeriodLock } from './staging';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function fresh(): Db {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-staging-'));
  return openDatabase(path.join(dir, 'a.sqlite'));
}

const triggerSql = (db: Db, name: string): string | undefined =>
  (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined)?.sql;

function batch(db: Db, period: string, status: string): void {
  db.prepare(
    `INSERT INTO batches (period, status, created_by, created_at, calculated_by, calculated_at, calc_count, distributors, exceptions, rebate_cents, adjustment_cents, total_cents, content_hash, policies_json)
     VALUES (?, ?, 'a', 't', 'a', 't', 1, 0, 0, 0, 0, 0, 'h', '[]')`,
  ).run(period, status);
}

describe('the period lock during the final store', () => {
  it('is dropped inside the transaction and committed back exactly as it was', () => {
    const db = fresh();
    const before = triggerSql(db, 'purchases_period_locked');
    expect(before).toMatch(/BEFORE INSERT ON purchases/);
    db.exec('BEGIN IMMEDIATE');
    const lock = suspendPeriodLock(db, 'purchases', '2026-03');
    expect(lock.locked).toBe(false);
    expect(triggerSql(db, 'purchases_period_locked')).toBeUndefined();
    lock.restore();
    db.exec('COMMIT');
    expect(triggerSql(db, 'purchases_period_locked')).toBe(before);
    // and it still refuses rows of a locked period
    batch(db, '2026-04', 'submitted');
    expect(() =>
      db
        .prepare("INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-04', 1, 'S', 2, 'D1', '2026-04-01', 'C1', 100, 'k')")
        .run(),
    ).toThrow(/period is locked/);
    db.close();
  });

  it('is back when the transaction is rolled back (a failed or killed store)', () => {
    const db = fresh();
    const before = triggerSql(db, 'returns_period_locked');
    db.exec('BEGIN IMMEDIATE');
    suspendPeriodLock(db, 'returns', '2026-03');
    expect(triggerSql(db, 'returns_period_locked')).toBeUndefined();
    db.exec('ROLLBACK');
    expect(triggerSql(db, 'returns_period_locked')).toBe(before);
    db.close();
  });

  it('says locked and drops nothing for a submitted or approved period; other tables and no transaction are refused or untouched', () => {
    const db = fresh();
    batch(db, '2026-03', 'approved');
    const before = triggerSql(db, 'claims_period_locked');
    db.exec('BEGIN IMMEDIATE');
    expect(suspendPeriodLock(db, 'claims', '2026-03').locked).toBe(true);
    expect(triggerSql(db, 'claims_period_locked')).toBe(before);
    const settlements = triggerSql(db, 'settlements_period_locked');
    expect(suspendPeriodLock(db, 'settlements', '2026-05').locked).toBe(false);
    expect(triggerSql(db, 'settlements_period_locked')).toBe(settlements);
    db.exec('COMMIT');
    expect(() => suspendPeriodLock(db, 'purchases', '2026-05')).toThrow(/inside the store transaction/);
    db.close();
  });
});
