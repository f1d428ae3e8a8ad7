import type { Db } from './database';
import { cached } from './statements';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export type NewAuditRow = Omit<AuditRow, 'id'> & { id: number };

export function auditHead(db: Db): { last_id: number; last_hash: string } | undefined {
  return cached(db, 'SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
    | { last_id: number; last_hash: string }
    | undefined;
}

export function lastAuditRow(db: Db): Pick<AuditRow, 'id' | 'hash'> | undefined {
  return cached(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as Pick<AuditRow, 'id' | 'hash'> | undefined;
}

export function insertAuditRow(db: Db, row: NewAuditRow): void {
  cached(
    db,
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
  ).run(row);
  cached(
    db,
    `INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, @id, @hash)
     ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
  ).run({ id: row.id, hash: row.hash });
}

export function iterateAuditRows(db: Db): IterableIterator<AuditRow> {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
}

export function countAuditRows(db: Db, filter: { actor?: string; action?: string }): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM audit_log
       WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action LIKE @action || '%')`,
    )
    .get({ actor: filter.actor ?? null, action: filter.action ?? null }) as { n: number };
  return row.n;
}

export function pageAuditRows(db: Db, filter: { actor?: string; action?: string; offset: number; limit: number }): AuditRow[] {
  return db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action LIKE @action || '%')
       ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ actor: filter.actor ?? null, action: filter.action ?? null, limit: filter.limit, offset: filter.offset }) as AuditRow[];
}
