import { z } from 'zod';
import { def } from '../op-def';
import { ROLES } from '../roles';
import type { TeamHostView, AppInfo, AppSettings, AuditPage, AuditVerifyResult, BackupInfo, SessionUser, UserRow } from '../types';

export const empty = z.object({}).strict();
const userName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'user_name_chars');
const password = z.string().min(8).max(256);

/** The foundation: app info, sign-in, users, audit log, backups, settings. */
export const coreOperations = {
  'app.info': def<AppInfo>()(empty, 'public'),

  'auth.setupAdmin': def<SessionUser>()(
    z.object({ name: userName, password, displayName: z.string().trim().max(64).optional() }).strict(),
    'public',
  ),
  'auth.signIn': def<SessionUser>()(z.object({ name: z.string().trim().min(1).max(64), password: z.string().max(256) }).strict(), 'public'),
  'auth.signOut': def<null>()(empty, 'public'),
  'auth.changePassword': def<null>()(z.object({ oldPassword: z.string().max(256), newPassword: password }).strict(), 'signed_in'),

  'users.list': def<UserRow[]>()(empty, 'admin'),
  'users.add': def<UserRow>()(
    z
      .object({
        name: userName,
        password,
        displayName: z.string().trim().max(64).optional(),
        roles: z.array(z.enum(ROLES)).min(1),
      })
      .strict(),
    'admin',
  ),
  'users.setActive': def<UserRow>()(z.object({ name: z.string().min(1).max(64), active: z.boolean() }).strict(), 'admin'),
  /** a password the user must change at the next sign-in; ends the user's sessions */
  'users.resetPassword': def<UserRow>()(z.object({ name: z.string().min(1).max(64), password }).strict(), 'admin'),
  /** lifts the user name's sign-in locks at once */
  'users.unlock': def<{ name: string; lifted: number }>()(z.object({ name: z.string().min(1).max(64) }).strict(), 'admin'),

  /** the desktop app serves its own database to the team (team.md); admin, desktop only */
  'team.host.status': def<TeamHostView>()(empty, 'admin'),
  'team.host.start': def<TeamHostView>()(z.object({ port: z.number().int().min(1).max(65535) }).strict(), 'admin'),
  'team.host.stop': def<TeamHostView>()(empty, 'admin'),

  'audit.list': def<AuditPage>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
        actor: z.string().max(64).optional(),
        action: z.string().max(64).optional(),
      })
      .strict(),
    'auditor',
  ),
  /** `head`: the audit chain head printed on an approval workbook ("123:abcd…"), checked against the log too */
  'audit.verify': def<AuditVerifyResult>()(z.object({ head: z.string().regex(/^\d{1,12}:[0-9a-f]{64}$/).optional() }).strict(), 'auditor'),

  'backup.list': def<BackupInfo[]>()(empty, 'admin'),
  'backup.create': def<BackupInfo>()(z.object({ reason: z.string().max(40).optional() }).strict(), 'admin'),
  'backup.restore': def<BackupInfo>()(z.object({ id: z.string().min(1).max(200) }).strict(), 'admin'),

  'settings.get': def<AppSettings>()(empty, 'signed_in'),
  'settings.update': def<AppSettings>()(
    z.object({ backupKeep: z.number().int().min(1).max(500).optional(), companyName: z.string().trim().max(100).optional(), companyAddress: z.string().trim().max(200).optional(), companyContact: z.string().trim().max(200).optional(), companyBank: z.string().trim().max(200).optional(), ledgerDormantPeriods: z.number().int().min(1).max(60).optional() }).strict(),
    'admin',
  ),
} as const;
