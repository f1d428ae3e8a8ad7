import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyListItem } from '../../contract/ops/policies';
import { rejected } from '../../domain';
import type { Lang } from '../../contract/roles';
import { t } from '../i18n/messages';
import { opt } from './args';
import type { Command } from './command';


function listJson(p: PolicyListItem): object {
  return {
    code: p.code,
    name: p.name,
    version: p.version,
    versions: p.versions,
    active: p.active,
    priority: p.priority,
    effective_from: p.effective_from,
    effective_to: p.effective_to,
    scope: p.scope,
    formulas: p.formulas,
    saved_by: p.saved_by,
    saved_at: p.saved_at,
    comment: p.comment,
  };
}

function listText(rows: PolicyListItem[], lang: Lang): string {
  if (rows.length === 0) return t('cli.policy.none', {}, lang);
  const all = t('cli.policy.all', {}, lang);
  return rows
    .map((p) => {
      const period = `${p.effective_from}…${p.effective_to ?? ''}`;
      const scope = `${p.scope.regions?.join(',') ?? all}/${p.scope.grades?.join(',') ?? all}`;
      const state = p.active ? '' : t('cli.policy.inactive', {}, lang);
      return `${p.code.padEnd(16)} v${String(p.version).padEnd(4)} P${String(p.priority).padEnd(5)} ${period.padEnd(16)} ${scope.padEnd(20)} ${p.name}  (${p.saved_by} ${p.saved_at})${state}`;
    })
    .join('\n');
}

/** --out names a file, or a folder (existing, or written with a trailing separator) to put it in. */
function outPath(out: string, fileName: string): string {
  const isDir = /[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory());
  const file = isDir ? path.join(out, fileName) : out;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return path.resolve(file);
}

export const policyCommands: Command[] = [
  {
    name: 'policy import',
    usage: 'policy import FILE.json [--comment TEXT]',
    summary: { 'zh-CN': '导入政策文件（校验后保存为新版本；内容相同则不变）', en: 'import a policy file (validated, saved as a new version; identical content changes nothing)' },
    options: { comment: { value: true } },
    positionals: { min: 1, max: 1, names: ['FILE.json'] },
    async run(c) {
      const file = path.resolve(c.positionals[0] ?? '');
      if (!existsSync(file) || !statSync(file).isFile()) throw rejected('policy.file_missing', { file });
      const r = await c.call('policy.import', { content: readFileSync(file, 'utf8'), fileName: path.basename(file), comment: opt(c.args, 'comment') });
      const p = r.policy;
      return {
        json: { status: r.status, code: p.code, version: p.version, name: p.name, content_hash: p.content_hash, message: r.message },
        text: r.message,
      };
    },
  },
  {
    name: 'policy list',
    usage: 'policy list',
    summary: { 'zh-CN': '列出政策（每个政策的最新版本）', en: 'list the policies (the latest version of each)' },
    options: {},
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const rows = await c.call('policy.list', {});
      return { json: rows.map(listJson), text: listText(rows, c.lang) };
    },
  },
  {
    name: 'policy export',
    usage: 'policy export CODE [--version N] [--out FILE]',
    summary: { 'zh-CN': '导出政策文件（默认最新版本）', en: 'export a policy file (the latest version by default)' },
    options: { out: { value: true }, version: { value: true } },
    positionals: { min: 1, max: 1, names: ['CODE'] },
    async run(c) {
      const v = opt(c.args, 'version');
      if (v !== undefined && !/^[1-9]\d{0,8}$/.test(v)) throw rejected('payload.invalid', { detail: `--version ${v}` });
      const r = await c.call('policy.export', { code: c.positionals[0] ?? '', ...(v !== undefined ? { version: Number(v) } : {}) });
      const out = opt(c.args, 'out');
      if (out === undefined) return { json: JSON.parse(r.content) as unknown, text: r.content.replace(/\n$/, '') };
      const file = outPath(out, r.fileName);
      writeFileSync(file, r.content, 'utf8');
      return {
        json: { status: 'exported', code: c.positionals[0], file },
        text: t('cli.exported_to', { file }, c.lang),
      };
    },
  },
];
