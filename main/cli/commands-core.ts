import { ROLES, type Role } from '../../contract/roles';
import { formatCount, joinSentences, rejected, roleLabel } from '../../domain';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command } from './command';

export const coreCommands: Command[] = [
  {
    name: 'init',
    usage: 'init [--admin NAME --password P]',
    summary: { 'zh-CN': '创建或升级数据库；带 --admin 时创建第一个管理员', en: 'create or migrate the database; with --admin, create the first admin' },
    options: { admin: { value: true }, display: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    passwordIsNewAccount: true,
    async run(c) {
      const info = await c.call('app.info', {});
      const admin = opt(c.args, 'admin');
      let created = null;
      if (admin !== undefined) {
        const password = required(c.args, 'password');
        created = await c.call('auth.setupAdmin', { name: admin, password, displayName: opt(c.args, 'display') });
      }
      const json = { status: 'ok', db: info.dbPath, schema_version: info.schemaVersion, admin: created?.name ?? null };
      const text = t('cli.init.ready', { path: info.dbPath, version: info.schemaVersion }, c.lang) + (created ? `\n${t('cli.init.admin', { name: created.name }, c.lang)}` : '');
      return { json, text };
    },
  },
  {
    name: 'user add',
    usage: 'user add NAME --roles R1,R2 --password P [--display TEXT]',
    summary: { 'zh-CN': '添加用户（仅管理员）', en: 'add a user (admin only)' },
    options: { roles: { value: true }, display: { value: true } },
    positionals: { min: 1, max: 1, names: ['NAME'] },
    passwordIsNewAccount: true,
    async run(c) {
      const roles = required(c.args, 'roles')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw rejected('users.bad_role', { role: r, roles: ROLES.join(', ') });
      const u = await c.call('users.add', {
        name: c.positionals[0] ?? '',
        password: required(c.args, 'password'),
        displayName: opt(c.args, 'display'),
        roles: roles as Role[],
      });
      const text = t('cli.user.added', { name: u.name, display: u.displayName, roles: u.roles.map((r) => roleLabel(r, c.lang)).join(t('list.separator', {}, c.lang)) }, c.lang);
      return { json: { name: u.name, display: u.displayName, roles: u.roles }, text };
    },
  },
  {
    name: 'user passwd',
    usage: 'user passwd --password NEW',
    summary: { 'zh-CN': '修改自己的密码（当前密码取自 REBATE_PASSWORD）；结束自己的其他会话', en: 'change your own password (the current one from REBATE_PASSWORD); ends your other sessions' },
    options: {},
    positionals: { min: 0, max: 0, names: [] },
    passwordIsNewAccount: true,
    async run(c) {
      const name = opt(c.args, 'user') ?? c.env['REBATE_USER'] ?? '';
      await c.call('auth.changePassword', { oldPassword: c.env['REBATE_PASSWORD'] ?? '', newPassword: required(c.args, 'password') });
      return { json: { status: 'ok', user: name }, text: t('cli.user.passwd', { name }, c.lang) };
    },
  },
  {
    name: 'user reset',
    usage: 'user reset NAME --password P',
    summary: { 'zh-CN': '重置用户密码（仅管理员；用户下次登录须修改；结束其会话）', en: "reset a user's password (admin; to be changed at the next sign-in; ends their sessions)" },
    options: {},
    positionals: { min: 1, max: 1, names: ['NAME'] },
    passwordIsNewAccount: true,
    async run(c) {
      const u = await c.call('users.resetPassword', { name: c.positionals[0] ?? '', password: required(c.args, 'password') });
      return { json: { status: 'ok', user: u.name, must_change_password: true }, text: t('cli.user.reset', { name: u.name }, c.lang) };
    },
  },
  {
    name: 'user disable',
    usage: 'user disable NAME',
    summary: { 'zh-CN': '停用用户（仅管理员；立即结束其会话）', en: 'disable a user (admin; ends their sessions at once)' },
    options: {},
    positionals: { min: 1, max: 1, names: ['NAME'] },
    async run(c) {
      const u = await c.call('users.setActive', { name: c.positionals[0] ?? '', active: false });
      return { json: { status: 'ok', user: u.name, active: false }, text: t('cli.user.disabled', { name: u.name }, c.lang) };
    },
  },
  {
    name: 'user enable',
    usage: 'user enable NAME',
    summary: { 'zh-CN': '重新启用用户（仅管理员）', en: 'enable a user again (admin)' },
    options: {},
    positionals: { min: 1, max: 1, names: ['NAME'] },
    async run(c) {
      const u = await c.call('users.setActive', { name: c.positionals[0] ?? '', active: true });
      return { json: { status: 'ok', user: u.name, active: true }, text: t('cli.user.enabled', { name: u.name }, c.lang) };
    },
  },
  {
    name: 'user unlock',
    usage: 'user unlock NAME',
    summary: { 'zh-CN': '解除用户名的登录锁定（仅管理员）', en: "lift a user name's sign-in lock (admin)" },
    options: {},
    positionals: { min: 1, max: 1, names: ['NAME'] },
    async run(c) {
      const r = await c.call('users.unlock', { name: c.positionals[0] ?? '' });
      return { json: { status: 'ok', user: r.name, lifted: r.lifted }, text: t('cli.user.unlocked', { name: r.name, n: r.lifted }, c.lang) };
    },
  },
  {
    name: 'backup list',
    usage: 'backup list',
    summary: { 'zh-CN': '列出备份', en: 'list backups' },
    options: {},
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const list = await c.call('backup.list', {});
      const rows = list.map((b) => `${b.id}\t${b.createdAt}\t${b.reason}\t${b.bytes}`);
      const text = list.length === 0 ? t('cli.backup.none', {}, c.lang) : rows.join('\n');
      return { json: { backups: list.map((b) => ({ id: b.id, created_at: b.createdAt, reason: b.reason, bytes: b.bytes, path: b.path })) }, text };
    },
  },
  {
    name: 'backup restore',
    usage: 'backup restore ID',
    summary: { 'zh-CN': '从备份恢复（恢复前会自动备份当前数据）', en: 'restore a backup (the current data is backed up first)' },
    options: {},
    positionals: { min: 1, max: 1, names: ['ID'] },
    async run(c) {
      const b = await c.call('backup.restore', { id: c.positionals[0] ?? '' });
      return { json: { status: 'ok', restored: b.id }, text: t('cli.backup.restored', { id: b.id }, c.lang) };
    },
  },
  {
    name: 'audit verify',
    usage: 'audit verify [--head ID:HASH]',
    summary: { 'zh-CN': '校验审计日志的哈希链（--head：核对审批表上打印的审计链头）', en: "check the audit log's hash chain (--head: check the chain head printed on an approval workbook)" },
    options: { head: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const head = opt(c.args, 'head');
      const r = await c.call('audit.verify', head ? { head: head.trim().toLowerCase() } : {});
      if (r.ok) {
        const ok = t('audit.verify_ok', { entries: formatCount(r.entries) }, c.lang);
        const text = head ? joinSentences([ok, t('audit.verify_head_ok', { id: head.split(':')[0] ?? '' }, c.lang)], c.lang) : ok;
        return { json: { ok: true, entries: r.entries, head: r.head }, text };
      }
      return {
        json: { ok: false, entries: r.entries, broken_id: r.brokenId, reason: r.reason, message: r.message },
        text: r.message,
        exitCode: 2,
      };
    },
  },
];
