import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { rejected } from '../../domain';
import { t } from '../i18n/messages';
import { required } from './args';
import type { Command } from './command';

/** Support from the command line: the same diagnostics zip as 设置 → 关于 → 导出诊断信息. */
export const supportCommands: Command[] = [
  {
    name: 'diagnostics',
    usage: 'diagnostics --out FILE.zip',
    summary: { 'zh-CN': '导出诊断信息 ZIP（版本、设置（不含密码）、最近日志、结构版本、完整性检查）', en: 'write the diagnostics zip (version, settings without secrets, recent logs, schema version, integrity check)' },
    options: { out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const out = path.resolve(required(c.args, 'out'));
      if (!/\.zip$/i.test(out)) throw rejected('export.bad_extension', { file: out, expected: '.zip' });
      const r = await c.call('support.diagnostics', {});
      const ctx = await c.services();
      const d = ctx.store.downloads.get(r.downloadId, ctx.session.user?.id ?? 0);
      if (!d) throw new Error('diagnostics file missing');
      mkdirSync(path.dirname(out), { recursive: true });
      copyFileSync(d.path, out);
      const text = t('cli.support.written', { file: out, integrity: r.integrity }, c.lang);
      return { json: { status: 'ok', out, entries: r.entries, integrity: r.integrity }, text };
    },
  },
];
