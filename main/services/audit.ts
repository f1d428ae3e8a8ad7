import { createHash } from 'node:crypto';
import type { AuditEntry, AuditPage, AuditVerifyResult } from '../../contract/types';
import type { Db } from '../db/database';
import { auditHead, countAuditRows, insertAuditRow, iterateAuditRows, lastAuditRow, pageAuditRows, type AuditRow } from '../db/audit-repo';
import { canonicalJson } from '../util/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before_json, row.after_json]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/**
 * Appends one entry, chained to the previous one. Call it inside the transaction that makes the
 * change, so the change and its record land together or not at all.
 */
export function appendAudit(db: Db, event: AuditEvent, at: Date = new Date()): void {
  const last = lastAuditRow(db);
  const base = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    before_json: event.before === undefined ? null : canonicalJson(event.before),
    after_json: event.after === undefined ? null : canonicalJson(event.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  insertAuditRow(db, { ...base, hash: entryHash(base) });
}

/** Walks the chain from the first entry and names the first broken link. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let entries = 0;
  let lastId = 0;
  for (const row of iterateAuditRows(db)) {
    const { hash, ...rest } = row;
    if (row.id !== expectedId) return { ok: false, entries, brokenId: row.id, reason: 'gap', message: '' };
    if (entryHash(rest) !== hash) return { ok: false, entries, brokenId: row.id, reason: 'hash_mismatch', message: '' };
    if (row.prev_hash !== prevHash) return { ok: false, entries, brokenId: row.id, reason: 'link_mismatch', message: '' };
    prevHash = hash;
    expectedId++;
    entries++;
    lastId = row.id;
  }
  const head = auditHead(db);
  if (head ? head.last_id !== lastId || head.last_hash !== prevHash : entries > 0) {
    return { ok: false, entries, brokenId: lastId, reason: 'head_mismatch', message: '' };
  }
  return { ok: true, entries, head: entries > 0 ? prevHash : null };
}

function parse(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

export function listAudit(db: Db, q: { offset: number; limit: number; actor?: string; action?: string }): AuditPage {
  const rows: AuditEntry[] = pageAuditRows(db, q).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    hash: r.hash,
  }));
  return { rows, total: countAuditRows(db, q) };
}
