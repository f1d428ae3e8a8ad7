import type { TFunction } from 'i18next';
import { isKind, isRole } from '../../../domain';

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
