/**
 * The audit log as a finance reader sees it: object types and fields by their label, a change as a
 * list of `field: before → after`, values by the display rules (money to the cent with separators,
 * 是/否, statuses, roles and kinds by label, hashes shortened). The stored JSON stays as it is.
 */
import { formatBoolean } from './boolean';
import { personText } from './display';
import { CLAUSE_SEPARATOR, fillTemplate, LIST_SEPARATOR } from './catalogue';
import { isKind, kindLabel } from './kinds';
import type { Labels, Lang } from './lang';
import { formatMoney } from './money';
import { formatCount } from './quantity';
import { isRole, roleLabel } from './roles';
import { batchStatusLabel, isBatchStatus } from './status';

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, Labels>> = {
  adjustment: { 'zh-CN': '手工调整', en: 'Adjustment' },
  approval_chain: { 'zh-CN': '审批流', en: 'Approval chain' },
  batch: { 'zh-CN': '核算批次', en: 'Batch' },
  database: { 'zh-CN': '数据库', en: 'Database' },
  import: { 'zh-CN': '导入', en: 'Import' },
  ledger: { 'zh-CN': '返利台账', en: 'Rebate ledger' },
  policy: { 'zh-CN': '返利政策', en: 'Policy' },
  reconcile_note: { 'zh-CN': '对账说明', en: 'Reconciliation note' },
  security: { 'zh-CN': '安全', en: 'Security' },
  settings: { 'zh-CN': '设置', en: 'Settings' },
  user: { 'zh-CN': '用户', en: 'User' },
};

type FieldKind = 'money' | 'hash' | 'count' | 'text';
const FIELD: Readonly<Record<string, { label: Labels; kind?: FieldKind }>> = {
  name: { label: { 'zh-CN': '名称', en: 'Name' } },
  displayName: { label: { 'zh-CN': '显示名称', en: 'Display name' } },
  display_name: { label: { 'zh-CN': '显示名称', en: 'Display name' } },
  roles: { label: { 'zh-CN': '角色', en: 'Roles' } },
  active: { label: { 'zh-CN': '启用', en: 'Active' } },
  files: { label: { 'zh-CN': '文件', en: 'Files' } },
  kind: { label: { 'zh-CN': '数据类型', en: 'Data kind' } },
  mode: { label: { 'zh-CN': '方式', en: 'Mode' } },
  period: { label: { 'zh-CN': '账期', en: 'Period' } },
  comment: { label: { 'zh-CN': '说明', en: 'Comment' } },
  content_hash: { label: { 'zh-CN': '内容哈希', en: 'Content hash' }, kind: 'hash' },
  hash: { label: { 'zh-CN': '内容哈希', en: 'Content hash' }, kind: 'hash' },
  version: { label: { 'zh-CN': '版本', en: 'Version' } },
  backupKeep: { label: { 'zh-CN': '保留备份份数', en: 'Backups kept' }, kind: 'count' },
  companyName: { label: { 'zh-CN': '公司名称', en: 'Company name' } },
  ledgerDormantPeriods: { label: { 'zh-CN': '余额长期未使用提示（账期数）', en: 'Dormant balance after (periods)' }, kind: 'count' },
  distributors: { label: { 'zh-CN': '经销商数', en: 'Distributors' }, kind: 'count' },
  exceptions: { label: { 'zh-CN': '异常数', en: 'Exceptions' }, kind: 'count' },
  rows: { label: { 'zh-CN': '行数', en: 'Rows' }, kind: 'count' },
  policies: { label: { 'zh-CN': '政策', en: 'Policies' } },
  total: { label: { 'zh-CN': '合计（元）', en: 'Total (CNY)' }, kind: 'money' },
  amount: { label: { 'zh-CN': '金额（元）', en: 'Amount (CNY)' }, kind: 'money' },
  batch_total: { label: { 'zh-CN': '批次合计（元）', en: 'Batch total (CNY)' }, kind: 'money' },
  reason: { label: { 'zh-CN': '原因', en: 'Reason' } },
  note: { label: { 'zh-CN': '说明', en: 'Note' } },
  confirmed: { label: { 'zh-CN': '已确认', en: 'Confirmed' } },
  status: { label: { 'zh-CN': '状态', en: 'Status' } },
  levels: { label: { 'zh-CN': '审批级别', en: 'Levels' } },
  level: { label: { 'zh-CN': '级别', en: 'Level' } },
  level_name: { label: { 'zh-CN': '级别名称', en: 'Level name' } },
  code: { label: { 'zh-CN': '编码', en: 'Code' } },
};

export function auditEntityLabel(entity: string, lang: Lang): string {
  return AUDIT_ENTITY_LABELS[entity]?.[lang] ?? entity;
}

export function auditFieldLabel(field: string, lang: Lang): string {
  return FIELD[field]?.label[lang] ?? field;
}

const FILE_ROWS: Readonly<Record<Lang, string>> = { 'zh-CN': '{file}（{rows} 行）', en: '{file} ({rows} rows)' };
const COLON: Readonly<Record<Lang, string>> = { 'zh-CN': '：', en: ': ' };

/** One value as the audit log shows it. */
export function auditValueText(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  const kind = FIELD[field]?.kind;
  if (typeof value === 'boolean') return formatBoolean(value, lang);
  if (Array.isArray(value)) return value.map((v) => auditValueText(field, v, lang)).join(LIST_SEPARATOR[lang]);
  if (typeof value === 'object') return objectText(value as Record<string, unknown>, lang);
  const text = String(value);
  if (kind === 'money') return formatMoney(text);
  if (kind === 'count' && typeof value === 'number') return formatCount(value);
  if (kind === 'hash') return text.length > 12 ? `${text.slice(0, 12)}…` : text;
  if (field === 'roles' && isRole(text)) return roleLabel(text, lang);
  if (field === 'status' && isBatchStatus(text)) return batchStatusLabel(text, lang);
  if (field === 'kind' && isKind(text)) return kindLabel(text, lang);
  return text;
}

/** An object inside a change (a file, a policy, an approval level) in a few words. */
function objectText(o: Record<string, unknown>, lang: Lang): string {
  if (typeof o['file'] === 'string') return fillTemplate(FILE_ROWS[lang], { file: o['file'], rows: formatCount(Number(o['rows'] ?? 0)) });
  if (typeof o['code'] === 'string' && typeof o['version'] === 'number') return `${o['code']} v${o['version']}`;
  if (typeof o['name'] === 'string' && typeof o['display_name'] === 'string') return personText(o['name'], o['display_name'], lang);
  if (typeof o['name'] === 'string' && Array.isArray(o['approvers'])) return `${String(o['position'] ?? '')}. ${o['name']}${COLON[lang]}${auditValueText('approvers', o['approvers'], lang)}`;
  return Object.entries(o)
    .map(([k, v]) => `${auditFieldLabel(k, lang)} ${auditValueText(k, v, lang)}`)
    .join(LIST_SEPARATOR[lang]);
}

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A change as a list of labelled fields: for two objects, the fields that differ (before → after);
 * for a creation or a removal, every field of the one side. A non-object is one line.
 */
export function auditChanges(before: unknown, after: unknown, lang: Lang): AuditChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const none = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  if (!isObj(before) && !isObj(after)) {
    if (none(before) && none(after)) return [];
    return [{ field: '', label: '', before: none(before) ? null : auditValueText('', before, lang), after: none(after) ? null : auditValueText('', after, lang) }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => !(k in b && k in a && same(b[k], a[k])))
    .map((k) => ({ field: k, label: auditFieldLabel(k, lang), before: k in b ? auditValueText(k, b[k], lang) : null, after: k in a ? auditValueText(k, a[k], lang) : null }));
}

const ARROW = ' → ';

/** The change list on one line: `公司名称：— → 示例食品有限公司；…`. */
export function auditChangeText(before: unknown, after: unknown, lang: Lang): string {
  return auditChanges(before, after, lang)
    .map((c) => {
      const value = c.before === null ? (c.after ?? '') : c.after === null ? `${c.before}${ARROW}—` : `${c.before}${ARROW}${c.after}`;
      return c.label ? `${c.label}${COLON[lang]}${value}` : value;
    })
    .join(CLAUSE_SEPARATOR[lang]);
}
