import type { Lang } from '../../contract/roles';
import { batchStatusLabel, catalogue, inLang, isBatchStatus, isRole, roleLabel, type Catalogue, type MessageParams } from '../../domain';
import { appMessages } from './app-messages';
import { approvalMessages } from './approval-messages';
import { batchMessages } from './batch-messages';
import { cliMessages } from './cli-messages';
import { exportMessages } from './export-messages';
import { importServiceMessages } from './import-messages';
import { ledgerMessages } from './ledger-messages';
import { policyServiceMessages } from './policy-messages';
import { supportMessages } from './support-messages';
import { reliabilityMessages } from './reliability-messages';


/** Messages of the service layer, shown by the CLI and the UI alike. Keys are stable. */
const catalog = catalogue({
  'internal': { 'zh-CN': '内部错误：{detail}。请联系管理员，数据未被更改。', en: 'Internal error: {detail}. Please contact your administrator; no data was changed.' },
  'payload.invalid': { 'zh-CN': '请求内容无效：{detail}', en: 'Invalid request: {detail}' },
  'op.unknown': { 'zh-CN': '未知操作“{op}”。', en: 'Unknown operation "{op}".' },
  'auth.required': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'auth.user_required': {
    'zh-CN': '此命令需要以用户身份执行：请使用 --user 和 --password（或 REBATE_USER / REBATE_PASSWORD）。',
    en: 'This command must be run as a user: use --user and --password (or REBATE_USER / REBATE_PASSWORD).',
  },
  'auth.bad_credentials': { 'zh-CN': '用户名或密码错误。', en: 'Wrong user name or password.' },
  'auth.inactive': { 'zh-CN': '用户“{name}”已停用。', en: 'User "{name}" is deactivated.' },
  'auth.forbidden': {
    'zh-CN': '用户“{name}”没有执行此操作所需的角色（需要：{role}）。',
    en: 'User "{name}" lacks the role this action needs ({role}).',
  },
  'auth.setup_done': { 'zh-CN': '管理员账户已存在，不能再次初始化。请以管理员登录后添加用户。', en: 'An administrator already exists. Sign in as the administrator to add users.' },
  'auth.locked': {
    'zh-CN': '登录失败次数过多：此用户名在此地址已锁定，请 {minutes} 分钟后再试，或请管理员解锁。',
    en: 'Too many failed sign-ins: this user name is locked from this address. Try again in {minutes} min, or ask an administrator to unlock it.',
  },
  'auth.address_blocked': {
    'zh-CN': '此地址登录失败次数过多，{minutes} 分钟内不能登录。',
    en: 'Too many failed sign-ins from this address: sign-in is blocked for {minutes} min.',
  },
  'auth.must_change_password': { 'zh-CN': '管理员已重置您的密码：请先修改密码。', en: 'An administrator reset your password: change it first.' },
  'auth.wrong_current_password': { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' },
  'auth.password_unchanged': { 'zh-CN': '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
  'serve.bad_listen': { 'zh-CN': '--listen 应为 HOST:PORT 的形式（例如 0.0.0.0:8443），而不是“{value}”。', en: '--listen takes HOST:PORT (e.g. 0.0.0.0:8443), not "{value}".' },
  'serve.bad_number': { 'zh-CN': '{option} 应为 1 到 {max} 之间的整数，而不是“{value}”。', en: '{option} takes a whole number from 1 to {max}, not "{value}".' },
  'serve.no_database': {
    'zh-CN': '数据库 {path} 不存在。请先在本机创建：rebate init --db 文件 --admin 名称 --password 密码',
    en: 'The database {path} does not exist. Create it on this machine first: rebate init --db FILE --admin NAME --password P',
  },
  'serve.tls_pair': { 'zh-CN': '--tls-cert 和 --tls-key 须同时给出。', en: '--tls-cert and --tls-key go together.' },
  'serve.tls_missing': { 'zh-CN': '找不到证书文件 {path}。', en: 'Certificate file {path} not found.' },
  'serve.listen_failed': { 'zh-CN': '无法在 {listen} 上监听（{reason}）：端口已被占用，或该地址不属于本机。', en: 'Cannot listen on {listen} ({reason}): the port is taken or the address is not this machine\'s.' },
  'serve.renewed': {
    'zh-CN': '证书已更新。旧指纹：{old}\n新指纹：{new}\n已固定旧指纹的桌面端和命令行将拒绝连接，直到用户确认新指纹。',
    en: 'Certificate renewed. Old fingerprint: {old}\nNew fingerprint: {new}\nDesktops and CLIs that pinned the old one refuse to connect until their user confirms the new one.',
  },
  'remote.local_only': { 'zh-CN': '“{command}”只能在服务器本机运行，不能通过 --server。', en: '"{command}" runs on the server\'s own machine only, not through --server.' },
  'remote.bad_url': { 'zh-CN': '服务器地址“{url}”无效。', en: 'Server address "{url}" is not valid.' },
  'remote.https_only': { 'zh-CN': '团队服务器只能通过 https:// 连接：“{url}”。', en: 'Team servers are reached over https:// only: "{url}".' },
  'remote.bad_fingerprint': { 'zh-CN': '证书指纹“{fingerprint}”无效：应为 64 位十六进制数（可带冒号）。', en: 'Fingerprint "{fingerprint}" is not valid: 64 hex digits expected (colons optional).' },
  'remote.fingerprint_mismatch': {
    'zh-CN': '服务器证书指纹不符，未发送任何内容。预期：{expected}；实际：{presented}。若服务器证书确已更新，请向管理员核实新指纹后再使用。',
    en: 'The server certificate does not match the pinned fingerprint; nothing was sent. Expected {expected}, presented {presented}. If the server renewed its certificate, confirm the new fingerprint with its administrator first.',
  },
  'remote.unreachable': {
    'zh-CN': '无法连接团队服务器 {url}（{reason}）。请检查网络或 VPN，并确认服务器已开启；仍无法连接请联系 IT。',
    en: 'Cannot reach the team server {url} ({reason}). Check the network or VPN and that the server is running; if it still fails, ask IT.',
  },
  'connection.unset': { 'zh-CN': '请先选择单机使用或连接团队服务器。', en: 'Choose single-seat use or a team server first.' },
  'connection.retrust_needed': {
    'zh-CN': '服务器 {url} 的证书已更换（已信任：{pinned}；现在：{presented}）。只有在向 IT 核对新指纹后，才能点击“重新信任”。',
    en: 'The certificate of {url} changed (trusted: {pinned}; now: {presented}). Use "Trust again" only after IT confirmed the new fingerprint.',
  },
  'connection.job_running': { 'zh-CN': '本机正在导入或核算，完成后才能切换到团队服务器。', en: 'An import or calculation is running on this PC: switch to the team server when it has finished.' },
  'download.not_found': { 'zh-CN': '该文件已不可下载，请重新导出。', en: 'This file is no longer available: export it again.' },
  'remote.http_error': { 'zh-CN': '团队服务器拒绝了请求（HTTP {status}）：{detail}', en: 'The team server refused the request (HTTP {status}): {detail}' },
  'remote.upload_too_large': { 'zh-CN': '文件 {file} 超过服务器的上传大小限制。', en: 'File {file} exceeds the server\'s upload limit.' },
  'team.host_desktop_only': { 'zh-CN': '只有桌面应用可以在本机开启团队服务；服务器上请运行 rebate serve。', en: 'Only the desktop app hosts the team from this PC; on a server run rebate serve.' },
  'auth.setup_remote': { 'zh-CN': '不能通过网络创建第一个管理员：请在服务器上运行 rebate init --admin。', en: 'The first administrator cannot be created over the network: run rebate init --admin on the server.' },
  'auth.password_too_short': { 'zh-CN': '密码至少需要 8 个字符。', en: 'The password needs at least 8 characters.' },
  'users.exists': { 'zh-CN': '用户“{name}”已存在。', en: 'User "{name}" already exists.' },
  'users.not_found': { 'zh-CN': '找不到用户“{name}”。', en: 'No user named "{name}".' },
  'users.last_admin': { 'zh-CN': '不能停用最后一个管理员。', en: 'The last administrator cannot be deactivated.' },
  'users.bad_role': { 'zh-CN': '未知角色“{role}”。可用角色：{roles}。', en: 'Unknown role "{role}". Roles: {roles}.' },
  'db.network_path': {
    'zh-CN': '数据库不能放在网络路径或同步云盘上（{path}）：SQLite 的 WAL 模式在那里不安全。请选择本机磁盘上的文件夹。',
    en: 'The database cannot live on a network path or a synced cloud folder ({path}): SQLite’s WAL mode is not safe there. Choose a folder on a local disk.',
  },
  'db.not_sqlite': {
    'zh-CN': '文件“{path}”不是返利台数据库（不是 SQLite 文件）。请选择正确的数据库文件。',
    en: 'The file "{path}" is not a Rebate Desk database (not an SQLite file). Choose the right database file.',
  },
  'db.newer_schema': {
    'zh-CN': '数据库“{path}”由更新版本的返利台创建（结构版本 {found}，本程序支持到 {supported}）。请升级返利台；数据库未被改动。',
    en: 'The database "{path}" was written by a newer Rebate Desk (schema {found}; this version supports up to {supported}). Please upgrade; the database was not changed.',
  },
  'db.migration_failed': {
    'zh-CN': '数据库升级到版本 {version} 失败：{detail}。已恢复升级前的备份 {backup}。',
    en: 'Upgrading the database to version {version} failed: {detail}. The backup taken before the upgrade ({backup}) was restored.',
  },
  'db.cannot_open': { 'zh-CN': '无法打开数据库“{path}”：{detail}', en: 'Cannot open the database "{path}": {detail}' },
  'backup.not_found': { 'zh-CN': '找不到备份“{id}”。用 backup list 查看可用备份。', en: 'No backup "{id}". Use backup list to see the backups.' },
  'backup.invalid': { 'zh-CN': '备份“{id}”已损坏或不是返利台数据库，未恢复。', en: 'The backup "{id}" is damaged or not a Rebate Desk database; nothing was restored.' },
  'backup.newer_schema': {
    'zh-CN': '备份“{id}”来自更新版本的返利台（结构版本 {found}），不能恢复。',
    en: 'The backup "{id}" comes from a newer Rebate Desk (schema {found}) and cannot be restored.',
  },
  'audit.verify_head_ok': { 'zh-CN': '审批表上的审计链头与日志相符（第 {id} 条）。', en: 'The chain head printed on the approval workbook matches (entry {id}).' },
  'audit.verify_ok': { 'zh-CN': '审计日志完整：{entries} 条记录，哈希链无断裂。', en: 'Audit log intact: {entries} entries, hash chain unbroken.' },
  'audit.broken.hash_mismatch': {
    'zh-CN': '审计日志第 {id} 条记录的内容被改动过（哈希不符）。',
    en: 'Audit log entry {id} was altered (its hash does not match its content).',
  },
  'audit.broken.link_mismatch': {
    'zh-CN': '审计日志第 {id} 条记录与前一条记录的链接断开（前面的记录被删除、改动或调换了顺序）。',
    en: 'Audit log entry {id} no longer links to the entry before it (an earlier entry was deleted, altered or reordered).',
  },
  'audit.broken.gap': {
    'zh-CN': '审计日志在第 {id} 条记录之前缺少记录（有记录被删除）。',
    en: 'Audit log entries are missing before entry {id} (entries were deleted).',
  },
  'audit.broken.head_mismatch': {
    'zh-CN': '审计日志最后的记录与记录的链头不符（第 {id} 条之后的记录被删除或改动）。',
    en: 'The last audit log entry does not match the recorded head (entries after {id} were deleted or altered).',
  },
  'cli.unknown_command': { 'zh-CN': '未知命令“{command}”。用 --help 查看可用命令。', en: 'Unknown command "{command}". Use --help to list the commands.' },
  'cli.unknown_option': { 'zh-CN': '未知选项“{option}”。', en: 'Unknown option "{option}".' },
  'cli.missing_value': { 'zh-CN': '选项 {option} 需要一个值。', en: 'The option {option} needs a value.' },
  'cli.missing_argument': { 'zh-CN': '缺少参数：{name}。', en: 'Missing argument: {name}.' },
  'cli.extra_argument': { 'zh-CN': '多余的参数“{value}”。', en: 'Unexpected argument "{value}".' },
  'cli.bad_lang': { 'zh-CN': '不支持的语言“{lang}”：请用 zh-CN 或 en。', en: 'Unsupported language "{lang}": use zh-CN or en.' },
  ...importServiceMessages,
  ...batchMessages,
  ...approvalMessages,
  ...ledgerMessages,
  ...policyServiceMessages,
  ...exportMessages,
  ...supportMessages,
  ...reliabilityMessages,
  ...cliMessages,
  ...appMessages,
});

/** Every key of the service layer's catalogue: `t` with a misspelt key does not compile. */
export type MessageKey = keyof typeof catalog;

/** The service catalogue itself (scripts/catalogue.test.ts checks languages, placeholders, punctuation). */
export const serviceMessages: Catalogue<MessageKey> = catalog;

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

export function format(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * A `role` parameter is a role's code and a `status` one a batch status: the message names them by
 * their label (需要：审计, not auditor; 状态：已审批, not approved).
 */
function shownParams(params: MessageParams, lang: Lang): MessageParams {
  const role = params['role'];
  const status = params['status'];
  return {
    ...params,
    ...(typeof role === 'string' && isRole(role) ? { role: roleLabel(role, lang) } : {}),
    ...(isBatchStatus(status) ? { status: batchStatusLabel(status, lang) } : {}),
  };
}

export function t(key: MessageKey, params: MessageParams, lang: Lang): string {
  return format(inLang(catalog[key], lang), shownParams(params, lang));
}

/**
 * The text of a key that arrives at run time (an AppError's, a stored exception's): a key the
 * catalogue does not hold shows itself (with its detail), never an empty message.
 */
export function messageText(key: string, params: MessageParams, lang: Lang): string {
  if (!hasMessage(key)) return params['detail'] !== undefined ? `${key}: ${String(params['detail'])}` : key;
  return t(key as MessageKey, params, lang);
}
