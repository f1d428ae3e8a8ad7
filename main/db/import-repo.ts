import type { Db } from './database';
import { type DistributorFields, type DocumentHead, type Kind, type PeriodKind } from '../../domain';

/** kinds whose rows a replace swaps per period (balances are one set, replaced whole) */
export type DataKind = PeriodKind | 'settlements';
export type AnyKind = Kind;

export interface ImportFileRow {
  id: number;
  import_id: number;
  kind: string;
  period: string | null;
  file_name: string;
  sha256: string;
  bytes: number;
  sheets_json: string;
  rows: number;
  total_cents: number;
  replaced_by: number | null;
}

export function findActiveFile(db: Db, kind: AnyKind, period: string | null, sha256: string): ImportFileRow | undefined {
  return db
    .prepare('SELECT * FROM import_files WHERE kind = ? AND period IS ? AND sha256 = ? AND replaced_by IS NULL LIMIT 1')
    .get(kind, period, sha256) as ImportFileRow | undefined;
}

export function insertImport(db: Db, i: { kind: AnyKind; period: string | null; mode: 'add' | 'replace'; createdBy: string; createdAt: string }): number {
  return Number(
    db
      .prepare('INSERT INTO imports (kind, period, mode, created_by, created_at, rows) VALUES (?, ?, ?, ?, ?, 0)')
      .run(i.kind, i.period, i.mode, i.createdBy, i.createdAt).lastInsertRowid,
  );
}

export function setImportRows(db: Db, importId: number, rows: number): void {
  db.prepare('UPDATE imports SET rows = ? WHERE id = ?').run(rows, importId);
}

export function insertFile(db: Db, f: { importId: number; kind: AnyKind; period: string | null; fileName: string; sha256: string; bytes: number }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_files (import_id, kind, period, file_name, sha256, bytes, sheets_json, rows, total_cents)
         VALUES (?, ?, ?, ?, ?, ?, '[]', 0, 0)`,
      )
      .run(f.importId, f.kind, f.period, f.fileName, f.sha256, f.bytes).lastInsertRowid,
  );
}

export function finishFile(db: Db, fileId: number, f: { sheetsJson: string; rows: number; totalCents: bigint }): void {
  db.prepare('UPDATE import_files SET sheets_json = ?, rows = ?, total_cents = ? WHERE id = ?').run(f.sheetsJson, f.rows, f.totalCents, fileId);
}

/** "Replace": the period's earlier rows of this kind go; their files stay listed as replaced. */
export function replacePeriodKind(db: Db, kind: DataKind, period: string, importId: number): number {
  const removed = db.prepare(`DELETE FROM ${kind} WHERE period = ?`).run(period).changes;
  db.prepare('UPDATE import_files SET replaced_by = ? WHERE kind = ? AND period = ? AND replaced_by IS NULL').run(importId, kind, period);
  return removed;
}

/** Where a stored row came from: its period, file, sheet and row. */
interface StoredPlace {
  period: string;
  file_id: number;
  sheet: string;
  row_no: number;
}

export interface LineInsert extends StoredPlace, DocumentHead {
  sku_code: string | null;
  sku_name: string | null;
  quantity: string | null;
  quantity_e4: bigint | null;
  unit_price: string | null;
  amount_cents: bigint;
  dup_key: string;
  original_doc_no?: string | null;
  reason?: string | null;
}

export interface SettlementInsert extends StoredPlace, DocumentHead {
  amount_cents: bigint;
  method: string;
  note: string | null;
  dup_key: string;
}

/** Where an earlier copy of a duplicate settlement is (any period: a document is used once). */
export function findDuplicateSettlement(db: Db, dupKey: string): { file_name: string; sheet: string; row_no: number; period: string } | undefined {
  return db
    .prepare('SELECT f.file_name, t.sheet, t.row_no, t.period FROM settlements t JOIN import_files f ON f.id = t.file_id WHERE t.dup_key = ?')
    .get(dupKey) as { file_name: string; sheet: string; row_no: number; period: string } | undefined;
}

/** Where an earlier opening balance of the code is. */
export function findBalance(db: Db, code: string): { file_name: string; sheet: string; row_no: number; period: string } | undefined {
  return db
    .prepare('SELECT f.file_name, t.sheet, t.row_no, t.period FROM balances t JOIN import_files f ON f.id = t.file_id WHERE t.distributor_code = ?')
    .get(code) as { file_name: string; sheet: string; row_no: number; period: string } | undefined;
}

/** The periods opening balances are stored for (one, in practice). */
export function balancePeriods(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT period FROM balances ORDER BY period').all() as { period: string }[]).map((r) => r.period);
}

/** The first period at or after `period` whose batch is submitted or approved (balances close then). */
export function closedFrom(db: Db, period: string): { period: string; status: string } | undefined {
  return db
    .prepare("SELECT period, status FROM batches WHERE period >= ? AND status IN ('submitted', 'approved') ORDER BY period LIMIT 1")
    .get(period) as { period: string; status: string } | undefined;
}

/** "Replace" for balances: every stored opening balance goes (there is one set); their files stay listed as replaced. */
export function replaceBalances(db: Db, importId: number): number {
  const removed = db.prepare('DELETE FROM balances').run().changes;
  db.prepare("UPDATE import_files SET replaced_by = ? WHERE kind = 'balances' AND replaced_by IS NULL").run(importId);
  return removed;
}

/** Prepared once per import and reused for every row. */
export function recordWriters(db: Db) {
  const purchase = db.prepare(
    `INSERT INTO purchases (period, file_id, sheet, row_no, doc_no, line_no, date, distributor_code, distributor_name, sku_code, sku_name, quantity, quantity_e4, unit_price, amount_cents, dup_key)
     VALUES (@period, @file_id, @sheet, @row_no, @doc_no, @line_no, @date, @distributor_code, @distributor_name, @sku_code, @sku_name, @quantity, @quantity_e4, @unit_price, @amount_cents, @dup_key)`,
  );
  const ret = db.prepare(
    `INSERT INTO returns (period, file_id, sheet, row_no, doc_no, line_no, date, distributor_code, distributor_name, sku_code, sku_name, quantity, quantity_e4, unit_price, amount_cents, original_doc_no, reason, dup_key)
     VALUES (@period, @file_id, @sheet, @row_no, @doc_no, @line_no, @date, @distributor_code, @distributor_name, @sku_code, @sku_name, @quantity, @quantity_e4, @unit_price, @amount_cents, @original_doc_no, @reason, @dup_key)`,
  );
  const promotion = db.prepare(
    `INSERT INTO promotions (period, file_id, sheet, row_no, distributor_code, promotion_code, promotion_name, target_cents, actual_cents, achievement_rate)
     VALUES (@period, @file_id, @sheet, @row_no, @distributor_code, @promotion_code, @promotion_name, @target_cents, @actual_cents, @achievement_rate)`,
  );
  const settlement = db.prepare(
    `INSERT INTO settlements (period, file_id, sheet, row_no, doc_no, line_no, date, distributor_code, distributor_name, amount_cents, method, note, dup_key)
     VALUES (@period, @file_id, @sheet, @row_no, @doc_no, @line_no, @date, @distributor_code, @distributor_name, @amount_cents, @method, @note, @dup_key)`,
  );
  const balance = db.prepare(
    `INSERT INTO balances (period, file_id, sheet, row_no, distributor_code, opening_cents)
     VALUES (@period, @file_id, @sheet, @row_no, @distributor_code, @opening_cents)`,
  );
  const claim = db.prepare(
    `INSERT INTO claims (period, file_id, sheet, row_no, distributor_code, claimed_cents)
     VALUES (@period, @file_id, @sheet, @row_no, @distributor_code, @claimed_cents)`,
  );
  return {
    purchase: (r: LineInsert) => purchase.run(r),
    return: (r: LineInsert) => ret.run({ original_doc_no: null, reason: null, ...r }),
    promotion: (r: {
      period: string;
      file_id: number;
      sheet: string;
      row_no: number;
      distributor_code: string;
      promotion_code: string | null;
      promotion_name: string | null;
      target_cents: bigint | null;
      actual_cents: bigint | null;
      achievement_rate: string | null;
    }) => promotion.run(r),
    claim: (r: { period: string; file_id: number; sheet: string; row_no: number; distributor_code: string; claimed_cents: bigint }) => claim.run(r),
    settlement: (r: SettlementInsert) => settlement.run(r),
    balance: (r: { period: string; file_id: number; sheet: string; row_no: number; distributor_code: string; opening_cents: bigint }) => balance.run(r),
  };
}

/** Where an earlier copy of a duplicate line is: this import or what was stored before. */
export function findDuplicateLine(db: Db, table: 'purchases' | 'returns', period: string, dupKey: string): { file_name: string; sheet: string; row_no: number } | undefined {
  return db
    .prepare(
      `SELECT f.file_name, t.sheet, t.row_no FROM ${table} t JOIN import_files f ON f.id = t.file_id
       WHERE t.period = ? AND t.dup_key = ?`,
    )
    .get(period, dupKey) as { file_name: string; sheet: string; row_no: number } | undefined;
}

export function masterData(db: Db): { codes: string[]; names: [string, string][] } {
  const rows = db.prepare('SELECT code, name FROM distributors').all() as { code: string; name: string }[];
  return { codes: rows.map((r) => r.code), names: rows.map((r) => [r.code, r.name]) };
}

export type DistributorUpsert = DistributorFields;

export interface DistributorRow extends DistributorUpsert {
  updated_at: string;
}

export function distributorWriters(db: Db) {
  const get = db.prepare('SELECT * FROM distributors WHERE code = ?');
  const insert = db.prepare(
    `INSERT INTO distributors (code, name, region, province, city, grade, status, updated_at, import_id)
     VALUES (@code, @name, @region, @province, @city, @grade, @status, @updated_at, @import_id)`,
  );
  const update = db.prepare(
    `UPDATE distributors SET name = @name, region = @region, province = @province, city = @city, grade = @grade,
       status = @status, updated_at = @updated_at, import_id = @import_id WHERE code = @code`,
  );
  const history = db.prepare(
    `INSERT INTO distributor_history (code, effective_from, region, province, grade, import_id)
     VALUES (@code, @effective_from, @region, @province, @grade, @import_id)
     ON CONFLICT(code, effective_from) DO UPDATE SET region = excluded.region, province = excluded.province, grade = excluded.grade, import_id = excluded.import_id`,
  );
  const clearHistory = db.prepare('DELETE FROM distributor_history WHERE code = ?');
  return {
    get: (code: string) => get.get(code) as DistributorRow | undefined,
    insert: (d: DistributorUpsert & { updated_at: string; import_id: number }) => insert.run(d),
    update: (d: DistributorUpsert & { updated_at: string; import_id: number }) => update.run(d),
    history: (h: { code: string; effective_from: string; region: string; province: string | null; grade: string; import_id: number }) => history.run(h),
    clearHistory: (code: string) => clearHistory.run(code),
  };
}

/** Whether the period's batch is submitted or approved (no imports then). */
export function periodLocked(db: Db, period: string): boolean {
  const row = db.prepare('SELECT status FROM batches WHERE period = ?').get(period) as { status: string } | undefined;
  return row?.status === 'submitted' || row?.status === 'approved';
}

/** The latest approved period, for the default effective period of master-data changes. */
export function latestApprovedPeriod(db: Db): string | null {
  const row = db.prepare("SELECT MAX(period) AS p FROM batches WHERE status = 'approved'").get() as { p: string | null };
  return row.p;
}

export function getTemplate(db: Db, kind: AnyKind, signature: string): string | undefined {
  const row = db.prepare('SELECT template_json FROM mapping_templates WHERE kind = ? AND signature = ?').get(kind, signature) as { template_json: string } | undefined;
  return row?.template_json;
}

export function allTemplates(db: Db, kind: AnyKind): string[] {
  return (db.prepare('SELECT template_json FROM mapping_templates WHERE kind = ? ORDER BY updated_at DESC').all(kind) as { template_json: string }[]).map((r) => r.template_json);
}

export function putTemplate(db: Db, kind: AnyKind, signature: string, json: string, at: string): void {
  db.prepare(
    `INSERT INTO mapping_templates (kind, signature, template_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(kind, signature) DO UPDATE SET template_json = excluded.template_json, updated_at = excluded.updated_at`,
  ).run(kind, signature, json, at);
}

export interface ImportHistoryRow {
  import_id: number;
  kind: string;
  period: string | null;
  mode: string;
  created_by: string;
  created_at: string;
  file_id: number;
  file_name: string;
  sha256: string;
  rows: number;
  total_cents: number;
  replaced_by: number | null;
}

export function importHistory(db: Db, period: string | null): ImportHistoryRow[] {
  return db
    .prepare(
      `SELECT i.id AS import_id, i.kind, i.period, i.mode, i.created_by, i.created_at,
              f.id AS file_id, f.file_name, f.sha256, f.rows, f.total_cents, f.replaced_by
       FROM imports i JOIN import_files f ON f.import_id = i.id
       WHERE (? IS NULL OR i.period = ? OR i.period IS NULL)
       ORDER BY i.id DESC, f.id`,
    )
    .all(period, period) as ImportHistoryRow[];
}

export interface DistributorListRow extends DistributorRow {
  history_json: string;
}

export function listDistributors(db: Db): DistributorListRow[] {
  return db
    .prepare(
      `SELECT d.code, d.name, d.region, d.province, d.city, d.grade, d.status, d.updated_at,
        (SELECT json_group_array(json_object('effective_from', h.effective_from, 'region', h.region, 'grade', h.grade, 'province', h.province))
           FROM (SELECT * FROM distributor_history WHERE code = d.code ORDER BY effective_from) h) AS history_json
       FROM distributors d ORDER BY d.code`,
    )
    .all() as DistributorListRow[];
}
