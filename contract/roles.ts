/** The roles of workflow.md and the languages, as the contract names them: the kernel's (domain/). */
export { LANGS, ROLES, hasRole, type Lang, type Role } from '../domain';
