import type { AppSettings } from '../../contract/types';
import { getSetting, putSetting } from '../db/settings-repo';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { dormantPeriods } from './ledger';

export function getSettings(ctx: ServiceContext): AppSettings {
  return { backupKeep: ctx.store.backupKeep(), companyName: getSetting(ctx.store.db, 'company_name') ?? '', ledgerDormantPeriods: dormantPeriods(ctx) };
}

export function updateSettings(ctx: ServiceContext, patch: Partial<AppSettings>): AppSettings {
  const db = ctx.store.db;
  const before = getSettings(ctx);
  db.transaction(() => {
    if (patch.backupKeep !== undefined) putSetting(db, 'backup_keep', String(patch.backupKeep));
    if (patch.companyName !== undefined) putSetting(db, 'company_name', patch.companyName);
    if (patch.ledgerDormantPeriods !== undefined) putSetting(db, 'ledger_dormant_periods', String(patch.ledgerDormantPeriods));
    appendAudit(db, { actor: actorName(ctx), action: 'settings.update', entity: 'settings', before, after: { ...before, ...patch } }, ctx.now());
  })();
  return getSettings(ctx);
}
