import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../backup-files';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A version-3 database as a user had it: people, master data, a month of purchases, a policy. */
function version3(file: string): Database.Database {
  const db = new Database(file);
  migrate(db, { list: migrations.slice(0, 3) });
  db.pragma('foreign_keys = ON');
  db.exec(`
    INSERT INTO users (id, name, display_name, password_hash, created_at) VALUES (1, 'li', '李会计', 'h', 't'), (2, 'wang', '王经理', 'h', 't'), (3, 'zhao', '赵总监', 'h', 't');
    INSERT INTO app_settings (key, value) VALUES ('company_name', '华光食品');
    INSERT INTO imports (id, kind, period, mode, created_by, created_at, rows) VALUES (1, 'distributors', NULL, 'add', 'li', 't', 2), (2, 'purchases', '2026-01', 'add', 'li', 't', 2);
    INSERT INTO distributors (code, name, region, grade, status, updated_at, import_id) VALUES ('D001', '华光商贸', '华东', 'A', 'active', 't', 1), ('D002', '南方贸易', '华南', 'B', 'active', 't', 1);
    INSERT INTO import_files (id, import_id, kind, period, file_name, sha256, bytes, sheets_json, rows, total_cents) VALUES (1, 2, 'purchases', '2026-01', 'p.xlsx', 'x', 1, '[]', 2, 150000);
    INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-01', 1, 'S', 2, 'XS1', '2026-01-05', 'D001', 100000, 'k1'), ('2026-01', 1, 'S', 3, 'XS2', '2026-01-06', 'D002', 50000, 'k2');
    INSERT INTO policies (code, created_by, created_at) VALUES ('EAST', 'li', 't');
    INSERT INTO policy_versions (code, version, name, priority, effective_from, effective_to, scope_regions_json, scope_grades_json, parameters_json, formulas_json, active, content_hash, source, saved_by, saved_at, comment)
      VALUES ('EAST', 1, '华东', 10, '2026-01', NULL, NULL, NULL, '{}', '[]', 1, 'h', 'import', 'li', 't', '');
  `);
  return db;
}

const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function batch(db: Database.Database, id: number, period: string, status: string): void {
  db.prepare(
    `INSERT INTO batches (id, period, status, created_by, created_at, calculated_by, calculated_at, calc_count, distributors, exceptions, rebate_cents, adjustment_cents, total_cents, content_hash, policies_json)
     VALUES (?, ?, 'draft', 'li', 't', 'li', 't', 1, 2, 0, 3000, 0, 3000, 'hash-${id}', '[{"code":"EAST","version":1}]')`,
  ).run(id, period);
  const row = db.prepare(`INSERT INTO batch_rows (batch_id, code, name, region, grade, status, policy_code, policy_version, inputs_json, values_json, rebate_cents, final_cents) VALUES (?, ?, ?, '华东', 'A', 'active', 'EAST', 1, '{}', '{}', ?, ?)`);
  row.run(id, 'D001', '华光商贸', 2000, 2000);
  row.run(id, 'D002', '南方贸易', 1000, 1000);
  if (status !== 'draft') db.prepare('UPDATE batches SET status = ? WHERE id = ?').run(status, id);
}

describe('migration 004 batches', () => {
  it('a version-3 database with a month of data keeps it, backs up first, and gains batches, rows and adjustments with their locks', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-m4-'));
    const file = path.join(dir, 'm4.sqlite');
    const db = version3(file);
    migrate(db, { list: migrations.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(listBackups(file).map((b) => b.reason)).toContain('pre-migrate-3');
    // the data survived, row for row
    expect(db.prepare('SELECT display_name FROM users ORDER BY id').all()).toEqual([{ display_name: '李会计' }, { display_name: '王经理' }, { display_name: '赵总监' }]);
    expect(db.prepare('SELECT code, name FROM distributors ORDER BY code').all()).toEqual([{ code: 'D001', name: '华光商贸' }, { code: 'D002', name: '南方贸易' }]);
    expect(db.prepare("SELECT SUM(amount_cents) AS s FROM purchases WHERE period = '2026-01'").get()).toEqual({ s: 150000 });
    expect(count(db, 'policy_versions')).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the new shape: empty tables with their rules
    for (const t of ['batches', 'batch_rows', 'adjustments']) expect(count(db, t)).toBe(0);
    db.pragma('foreign_keys = ON');
    batch(db, 1, '2026-01', 'draft');
    expect(() => batch(db, 2, '2026-01', 'draft')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO batches (period, status, created_by, created_at, calculated_by, calculated_at, calc_count, distributors, exceptions, rebate_cents, adjustment_cents, total_cents, content_hash, policies_json) VALUES ('2026/02', 'draft', 'a', 't', 'a', 't', 1, 0, 0, 0, 0, 0, 'h', '[]')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO batch_rows (batch_id, code, name, region, grade, status, inputs_json) VALUES (1, 'NOPE', 'x', 'x', 'A', 'active', '{}')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO adjustments (period, code, amount_cents, reason, created_by, created_at) VALUES ('2026-01', 'D001', -100, '  ', 'li', 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO adjustments (period, code, amount_cents, reason, created_by, created_at) VALUES ('2026-01', 'D001', -100, '退货补差', 'li', 't')").run();
    // a draft batch and its period stay open
    db.prepare("UPDATE batch_rows SET rebate_cents = 2100 WHERE batch_id = 1 AND code = 'D001'").run();
    db.prepare("INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-01', 1, 'S', 4, 'XS3', '2026-01-07', 'D001', 1, 'k3')").run();
    // a submitted batch locks its rows, its adjustments and its period's imports
    db.prepare("UPDATE batches SET status = 'submitted' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE batch_rows SET rebate_cents = 1 WHERE batch_id = 1").run()).toThrow(/batch is locked/);
    expect(() => db.prepare('DELETE FROM batch_rows WHERE batch_id = 1').run()).toThrow(/batch is locked/);
    expect(() => db.prepare("UPDATE batches SET total_cents = 1 WHERE id = 1").run()).toThrow(/batch is locked/);
    expect(() => db.prepare('DELETE FROM batches WHERE id = 1').run()).toThrow(/batch is locked/);
    expect(() => db.prepare("UPDATE adjustments SET amount_cents = 5 WHERE period = '2026-01'").run()).toThrow(/batch is locked/);
    expect(() => db.prepare("INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-01', 1, 'S', 5, 'XS4', '2026-01-08', 'D001', 1, 'k4')").run()).toThrow(/period is locked/);
    expect(() => db.prepare("DELETE FROM purchases WHERE period = '2026-01'").run()).toThrow(/period is locked/);
    // other periods are not affected
    db.prepare("INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, date, distributor_code, amount_cents, dup_key) VALUES ('2026-02', 1, 'S', 6, 'XS5', '2026-02-01', 'D001', 1, 'k5')").run();
    db.close();
  });
});

describe('migration 005 approvals', () => {
  it('a version-4 database with a submitted batch keeps it, and the chain rules hold in the database itself', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-m5-'));
    const file = path.join(dir, 'm5.sqlite');
    const db = version3(file);
    migrate(db, { list: migrations.slice(0, 4) });
    db.pragma('foreign_keys = ON');
    batch(db, 1, '2026-01', 'submitted');
    batch(db, 2, '2025-12', 'approved');
    db.prepare("INSERT INTO adjustments (period, code, amount_cents, reason, created_by, created_at) VALUES ('2026-02', 'D001', -100, '补差', 'li', 't')").run();
    migrate(db, { list: migrations.slice(0, 5) });
    expect(schemaVersion(db)).toBe(5);
    expect(listBackups(file).map((b) => b.reason)).toContain('pre-migrate-4');
    // the batches, their rows and the adjustment survived; the 004 locks still hold
    expect(db.prepare('SELECT id, period, status, total_cents FROM batches ORDER BY id').all()).toEqual([
      { id: 1, period: '2026-01', status: 'submitted', total_cents: 3000 },
      { id: 2, period: '2025-12', status: 'approved', total_cents: 3000 },
    ]);
    expect(count(db, 'batch_rows')).toBe(4);
    expect(count(db, 'adjustments')).toBe(1);
    expect(() => db.prepare('UPDATE batch_rows SET rebate_cents = 1 WHERE batch_id = 1').run()).toThrow(/batch is locked/);
    for (const t of ['approval_levels', 'approval_level_users', 'approval_submissions', 'approval_decisions']) expect(count(db, t)).toBe(0);
    db.pragma('foreign_keys = ON');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // an approved batch (from before approvals existed) stays approved
    expect(() => db.prepare("UPDATE batches SET status = 'draft' WHERE id = 2").run()).toThrow(/stays approved/);
    // a two-level chain and a pending submission of batch 1 by li
    db.exec(`INSERT INTO approval_levels (position, name) VALUES (1, '区域经理审核'), (2, '财务总监审批');
      INSERT INTO approval_level_users (position, user_id) VALUES (1, 2), (2, 3);
      INSERT INTO approval_submissions (id, batch_id, submitted_by, submitted_by_name, submitted_at, content_hash, total_cents, status) VALUES (1, 1, 1, 'li', 't', 'hash-1', 3000, 'pending');
      INSERT INTO approval_submission_levels (submission_id, position, name) VALUES (1, 1, '区域经理审核'), (1, 2, '财务总监审批');
      INSERT INTO approval_submission_level_users (submission_id, position, user_id) VALUES (1, 1, 2), (1, 2, 3), (1, 2, 1);`);
    expect(() => db.prepare("INSERT INTO approval_submissions (batch_id, submitted_by, submitted_by_name, submitted_at, content_hash, total_cents, status) VALUES (1, 1, 'li', 't', 'hash-1', 3000, 'pending')").run()).toThrow(/UNIQUE/);
    const decide = db.prepare("INSERT INTO approval_decisions (submission_id, position, level_name, user_id, user_name, decision, comment, decided_at, content_hash) VALUES (1, ?, 'x', ?, 'x', ?, ?, 't', ?)");
    expect(() => decide.run(2, 3, 'approve', null, 'hash-1')).toThrow(/levels are signed in order/);
    expect(() => decide.run(1, 3, 'approve', null, 'hash-1')).toThrow(/not an approver of this level/);
    expect(() => decide.run(1, 2, 'approve', null, 'stale')).toThrow(/stale content hash/);
    expect(() => decide.run(1, 2, 'reject', '  ', 'hash-1')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE batches SET status = 'approved' WHERE id = 1").run()).toThrow(/only through its approval chain/);
    decide.run(1, 2, 'approve', null, 'hash-1');
    // li submitted: li may not sign level 2 even though listed on it
    expect(() => decide.run(2, 1, 'approve', null, 'hash-1')).toThrow(/submitter cannot approve/);
    expect(() => db.prepare("UPDATE approval_decisions SET comment = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM approval_decisions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE approval_submissions SET total_cents = 1 WHERE id = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM approval_submissions').run()).toThrow(/immutable/);
    decide.run(2, 3, 'approve', null, 'hash-1');
    db.prepare("UPDATE approval_submissions SET status = 'approved', closed_at = 't' WHERE id = 1").run();
    db.prepare("UPDATE batches SET status = 'approved' WHERE id = 1").run();
    expect(db.prepare('SELECT status FROM batches WHERE id = 1').get()).toEqual({ status: 'approved' });
    db.close();
  });
});
