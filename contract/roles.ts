/** The roles of workflow.md. An admin holds every role. */
export const ROLES = ['preparer', 'approver', 'policy_owner', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes('admin') || roles.includes(role);
}
