import type { Db } from './database';
import { cached } from './statements';

/** One stored version of a policy, as the row is in SQLite. */
export interface PolicyVersionRow {
  id: number;
  code: string;
  version: number;
  name: string;
  priority: number;
  effective_from: string;
  effective_to: string | null;
  scope_regions_json: string | null;
  scope_grades_json: string | null;
  parameters_json: string;
  formulas_json: string;
  /** the file's parameter_labels; NULL when it has none (migration 012) */
  parameter_labels_json: string | null;
  active: number;
  content_hash: string;
  source: 'import' | 'editor' | 'state';
  saved_by: string;
  saved_at: string;
  comment: string;
}

/** The latest version of a policy, with how many versions it has. */
export interface LatestPolicyRow extends PolicyVersionRow {
  versions: number;
  created_by: string;
  created_at: string;
}

export type NewPolicyVersion = Omit<PolicyVersionRow, 'id' | 'version'>;

export function latestVersion(db: Db, code: string): PolicyVersionRow | undefined {
  return db.prepare('SELECT * FROM policy_versions WHERE code = ? ORDER BY version DESC LIMIT 1').get(code) as PolicyVersionRow | undefined;
}

export function policyVersion(db: Db, code: string, version: number): PolicyVersionRow | undefined {
  return cached(db, 'SELECT * FROM policy_versions WHERE code = ? AND version = ?').get(code, version) as PolicyVersionRow | undefined;
}

export function policyVersionById(db: Db, id: number): PolicyVersionRow | undefined {
  return db.prepare('SELECT * FROM policy_versions WHERE id = ?').get(id) as PolicyVersionRow | undefined;
}

/** Every version of one policy, newest first. */
export function policyVersions(db: Db, code: string): PolicyVersionRow[] {
  return db.prepare('SELECT * FROM policy_versions WHERE code = ? ORDER BY version DESC').all(code) as PolicyVersionRow[];
}

/** The latest version of every policy, by priority (highest first) then code. */
export function latestVersions(db: Db): LatestPolicyRow[] {
  return db
    .prepare(
      `SELECT v.*, c.versions, p.created_by, p.created_at
       FROM policy_versions v
       JOIN (SELECT code, MAX(version) AS latest, COUNT(*) AS versions FROM policy_versions GROUP BY code) c
         ON c.code = v.code AND c.latest = v.version
       JOIN policies p ON p.code = v.code
       ORDER BY v.priority DESC, v.code`,
    )
    .all() as LatestPolicyRow[];
}

/** Appends the next version of a policy (creating the policy on its first save); returns the row. */
export function insertPolicyVersion(db: Db, row: NewPolicyVersion): PolicyVersionRow {
  db.prepare('INSERT OR IGNORE INTO policies (code, created_by, created_at) VALUES (?, ?, ?)').run(row.code, row.saved_by, row.saved_at);
  const next = (db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM policy_versions WHERE code = ?').get(row.code) as { v: number }).v;
  const info = db
    .prepare(
      `INSERT INTO policy_versions (code, version, name, priority, effective_from, effective_to, scope_regions_json,
         scope_grades_json, parameters_json, formulas_json, parameter_labels_json, active, content_hash, source, saved_by, saved_at, comment)
       VALUES (@code, @version, @name, @priority, @effective_from, @effective_to, @scope_regions_json,
         @scope_grades_json, @parameters_json, @formulas_json, @parameter_labels_json, @active, @content_hash, @source, @saved_by, @saved_at, @comment)`,
    )
    .run({ ...row, version: next });
  return { ...row, id: Number(info.lastInsertRowid), version: next };
}
