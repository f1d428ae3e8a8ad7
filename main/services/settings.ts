import type { AppSettings } from '../../contract/types';
import { getSetting, putSetting } from '../db/settings-repo';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { dormantPeriods } from './ledger';

export function getSettings(ctx: ServiceContext): AppSettings {
  const db = ctx.store.db;
  return {
    backupKeep: ctx.store.backupKeep(),
    companyName: getSetting(db, 'company_name') ?? '',
    companyAddress: getSetting(db, 'company_address') ?? '',
    companyContact: getSetting(db, 'company_contact') ?? '',
    companyBank: getSetting(db, 'company_bank') ?? '',
    ledgerDormantPeriods: dormantPeriods(ctx),
  };
}

export function updateSettings(ctx: ServiceContext, patch: Partial<AppSettings>): AppSettings {
  const db = ctx.store.db;
  const before = getSettings(ctx);
  db.transaction(() => {
    if (patch.backupKeep !== undefined) putSetting(db, 'backup_keep', String(patch.backupKeep));
    if (patch.companyName !== undefined) putSetting(db, 'company_name', patch.companyName);
    if (patch.companyAddress !== undefined) putSetting(db, 'company_address', patch.companyAddress);
    if (patch.companyContact !== undefined) putSetting(db, 'company_contact', patch.companyContact);
    if (patch.companyBank !== undefined) putSetting(db, 'company_bank', patch.companyBank);
    if (patch.ledgerDormantPeriods !== undefined) putSetting(db, 'ledger_dormant_periods', String(patch.ledgerDormantPeriods));
    appendAudit(db, { actor: actorName(ctx), action: 'settings.update', entity: 'settings', before, after: { ...before, ...patch } }, ctx.now());
  })();
  return getSettings(ctx);
}
