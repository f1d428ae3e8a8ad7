import type { BackupInfo } from '../../contract/types';
import { createBackup, findBackup, inspectBackup, listBackups, restoreFileInto } from '../db/backup-files';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';

export function list(ctx: ServiceContext): BackupInfo[] {
  return listBackups(ctx.store.path);
}

/** An online backup; other services call this before every step that changes data. */
export async function create(ctx: ServiceContext, reason = 'manual'): Promise<BackupInfo> {
  return createBackup(ctx.store.db, reason, ctx.store.backupKeep());
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
  const safety = await createBackup(ctx.store.db, 'pre-restore', ctx.store.backupKeep() + 1);
  restoreFileInto(ctx.store.db, target.path);
  ctx.store.reopen();
  const db = ctx.store.db;
  db.transaction(() =>
    appendAudit(db, { actor: actorName(ctx), action: 'backup.restore', entity: 'database', entityId: id, after: { restored: id, safetyBackup: safety.id } }, ctx.now()),
  )();
  return target;
}

/** The schema version this build writes (migrations applied on open). */
export function schemaVersion(): number {
  return LATEST_SCHEMA_VERSION;
}
