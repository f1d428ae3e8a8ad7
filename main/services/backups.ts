import type { BackupInfo } from '../../contract/types';
import { createBackup, findBackup, inspectBackup, listBackups, restoreFileInto } from '../db/backup-files';
import type { Db } from '../db/database';
import { holdChanges } from '../db/holds-repo';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { syncAnchor } from './anchor';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';

export function list(ctx: ServiceContext): BackupInfo[] {
  return listBackups(ctx.store.path);
}

/** What this connection and any other have changed: equal twice means nothing changed in between (a job's period hold is not a change of data). */
function changeState(db: Db): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - holdChanges(db);
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${own}/${others}`;
}

/** the state of the database when its newest backup was taken, per connection */
const lastBackup = new WeakMap<Db, { state: string; id: string }>();

/** An online backup; other services call this before every step that changes data. */
export async function create(ctx: ServiceContext, reason = 'manual'): Promise<BackupInfo> {
  const db = ctx.store.db;
  const before = changeState(db);
  const info = await createBackup(db, reason, ctx.store.backupKeep(), ctx.store.nativeBindingPath);
  // only when nothing was written while the copy ran (it yields to the event loop between steps)
  if (changeState(db) === before) lastBackup.set(db, { state: before, id: info.id });
  else lastBackup.delete(db);
  return info;
}

/**
 * The backup before a calculation: skipped when nothing at all was written since the newest backup
 * (a recalculation of unchanged data), which is still on disk and is returned instead.
 */
export async function createIfChanged(ctx: ServiceContext, reason: string): Promise<BackupInfo> {
  const db = ctx.store.db;
  const last = lastBackup.get(db);
  if (last && last.state === changeState(db)) {
    const kept = findBackup(ctx.store.path, last.id);
    if (kept) return kept;
  }
  return create(ctx, reason);
}

/**
 * Restores a backup: checks it first, keeps a backup of the current state (so a restore can be
 * undone), swaps the file and reopens. The restore itself is recorded in the restored log.
 */
export async function restore(ctx: ServiceContext, id: string): Promise<BackupInfo> {
  const target = findBackup(ctx.store.path, id);
  if (!target) throw rejected('backup.not_found', { id });
  const probe = inspectBackup(target.path, ctx.store.nativeBindingPath);
  if (!probe) throw rejected('backup.invalid', { id });
  if (probe.schemaVersion > LATEST_SCHEMA_VERSION) throw rejected('backup.newer_schema', { id, found: probe.schemaVersion });
  const safety = await createBackup(ctx.store.db, 'pre-restore', ctx.store.backupKeep() + 1, ctx.store.nativeBindingPath);
  restoreFileInto(ctx.store.db, target.path);
  ctx.store.reopen();
  const db = ctx.store.db;
  db.transaction(() =>
    appendAudit(db, { actor: actorName(ctx), action: 'backup.restore', entity: 'database', entityId: id, after: { restored: id, safetyBackup: safety.id } }, ctx.now()),
  )();
  // A restore goes back on purpose (and says so in the restored log): the checkpoint follows it.
  syncAnchor(db, true);
  return target;
}

/** The schema version this build writes (migrations applied on open). */
export function schemaVersion(): number {
  return LATEST_SCHEMA_VERSION;
}
