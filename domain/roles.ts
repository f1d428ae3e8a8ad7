/** The roles of workflow.md. An admin holds every role. */
import type { Lang, Labels } from './lang';

export const ROLES = ['preparer', 'approver', 'policy_owner', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, Labels>> = {
  preparer: { 'zh-CN': '财务专员', en: 'Preparer' },
  approver: { 'zh-CN': '审批人', en: 'Approver' },
  policy_owner: { 'zh-CN': '政策维护', en: 'Policy owner' },
  auditor: { 'zh-CN': '审计', en: 'Auditor' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes('admin') || roles.includes(role);
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}
