import type { TFunction } from 'i18next';
import { isKind, isRole } from '../../../domain';
import { rendererStrings } from './resources';

const ZH = rendererStrings['zh-CN'];

/**
 * `value` when the catalogue subtree `labels` has it as a key — so that `t(`prefix.${key}`)` is a
 * checked key — or null for a value the catalogue does not know. This replaces `t(key, { defaultValue })`,
 * which accepts any key (lint forbids it in the renderer).
 */
export function catalogueKey<T extends object>(labels: T, value: unknown): Extract<keyof T, string> | null {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value) ? (value as Extract<keyof T, string>) : null;
}

/** A batch exception's kind (no_policy, ambiguous, evaluation) by its label. */
export function exceptionKindText(t: TFunction, kind: string, where: 'results' | 'approval'): string {
  const k = catalogueKey(ZH[where].exceptionKind, kind);
  return k ? (where === 'results' ? t(`results.exceptionKind.${k}`) : t(`approval.exceptionKind.${k}`)) : kind;
}

/** An audit entry's action (batch.calculate, policy.save …) by its label; an action without one as it is. */
export function auditActionText(t: TFunction, action: string): string {
  const k = catalogueKey(ZH.actions, action);
  return k ? t(`actions.${k}`) : action;
}

/** A changed field of a policy version (name, scope.regions, parameter_labels …) by its label. */
export function policyFieldText(t: TFunction, field: string): string {
  const k = catalogueKey(ZH.policies.field, field.replace('.', '_'));
  return k ? t(`policies.field.${k}`) : field;
}

/**
 * Texts for values that come from the server (a kind, a role, a status): the key is checked by type
 * wherever it can be named, and a value the catalogue does not know is shown as it is, never as a
 * missing-key path.
 */
export function kindText(t: TFunction, kind: unknown): string {
  const k = String(kind ?? '');
  return isKind(k) ? t(`kinds.${k}`) : k;
}

export function roleText(t: TFunction, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}

export function distributorStatusText(t: TFunction, status: unknown): string {
  return status === 'active' || status === 'inactive' ? t(`dist.${status}`) : String(status ?? '');
}

export function issueLevelText(t: TFunction, level: unknown): string {
  return level === 'error' || level === 'warning' ? t(`import.${level}`) : String(level ?? '');
}

const SKIPS = ['hidden', 'no_header', 'not_selected'] as const;
export function sheetSkipText(t: TFunction, reason: string | undefined): string {
  const r = SKIPS.find((s) => s === (reason ?? 'no_header'));
  return r ? t(`import.skip.${r}`) : (reason ?? '');
}

const REASONS = ['not_approver', 'own_batch', 'two_levels', 'not_on_level', 'not_submitted'] as const;
/** Why this user cannot sign (`approval.own_batch` from the server) in the user's words. */
export function approvalReasonText(t: TFunction, reason: string, params: { level: string; approvers: string; user: string }): string {
  const r = REASONS.find((x) => `approval.${x}` === reason || x === reason);
  return r ? t(`approval.reason.${r}`, params) : reason;
}

/**
 * Why a backup was made, in words: the service names its files `manual`, `pre-restore`,
 * `pre-calc-2026-01`, `pre-import-purchases-returns` (the kinds imported) …; an unknown reason as it is.
 */
export function backupReasonText(t: TFunction, reason: string): string {
  if (reason === 'manual') return t('settings.backupReasons.manual');
  if (reason === 'pre-restore') return t('settings.backupReasons.restore');
  const step = /^pre-(calc|submit|approve|reject)-(\d{4}-\d{2})$/.exec(reason);
  if (step?.[1] && step[2]) return t(`settings.backupReasons.${step[1] as 'calc' | 'submit' | 'approve' | 'reject'}`, { period: step[2] });
  const imported = /^pre-import-(.+)$/.exec(reason)?.[1];
  if (imported) return t('settings.backupReasons.import', { what: imported.split('-').map((k) => kindText(t, k)).join(t('common.listSeparator')) });
  return t('settings.backupReasons.other', { reason });
}
