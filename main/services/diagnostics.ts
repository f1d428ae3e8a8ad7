import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AboutInfo, DiagnosticsFile } from '../../contract/ops/support';
import { schemaVersion } from '../db/migrate';
import { allSettings, integrityCheck, tableCounts } from '../db/support-repo';
import { logDir, redact, redactText } from '../support/log';
import { APP_VERSION } from '../version';
import type { ServiceContext } from './context';
import { t } from '../i18n/messages';

/** Logs of this many days go into the diagnostics; each capped to its last part. */
const LOG_DAYS = 7;
const LOG_TAIL_BYTES = 2 * 1024 * 1024;

export function about(ctx: ServiceContext): AboutInfo {
  const electron = process.versions['electron'];
  return {
    version: APP_VERSION,
    dbPath: ctx.team ? '' : ctx.store.path,
    team: ctx.team ?? null,
    schemaVersion: schemaVersion(ctx.store.db),
    logDir: logDir(),
    host: ctx.host,
    platform: `${process.platform} ${process.arch}`,
    runtime: electron ? `Electron ${electron} (Node ${process.versions.node})` : `Node ${process.versions.node}`,
  };
}

function stamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** The newest daily log files, secrets masked again, each cut to its last LOG_TAIL_BYTES. */
function recentLogs(dir: string | null): { name: string; text: string }[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^rebate-desk-\d{4}-\d{2}-\d{2}(\.old)?\.log$/.test(n))
    .sort()
    .slice(-LOG_DAYS)
    .map((name) => {
      const file = path.join(dir, name);
      const size = statSync(file).size;
      let buf = readFileSync(file);
      if (size > LOG_TAIL_BYTES) buf = buf.subarray(size - LOG_TAIL_BYTES);
      return { name, text: redactText(buf.toString('utf8')) };
    });
}

/**
 * 导出诊断信息: a zip a user can send to support — version and environment, the settings with
 * secrets masked, recent logs, the schema version and SQLite's integrity_check, table sizes.
 * No business data: no names, amounts or files of the month.
 */
export async function writeDiagnostics(ctx: ServiceContext, owner: number): Promise<DiagnosticsFile> {
  const now = ctx.now();
  const info = about(ctx);
  const integrity = integrityCheck(ctx.store.db);
  const zip = new JSZip();
  const entries: [string, string][] = [
    ['about.json', JSON.stringify({ ...info, writtenAt: now.toISOString(), user: ctx.session.user?.name ?? null }, null, 2)],
    ['settings.json', JSON.stringify(redact(allSettings(ctx.store.db)), null, 2)],
    ['database/schema-version.txt', `${info.schemaVersion}\n`],
    ['database/integrity-check.txt', `${integrity.join('\n')}\n`],
    ['database/table-counts.json', JSON.stringify(tableCounts(ctx.store.db), null, 2)],
    ...recentLogs(info.logDir).map((l): [string, string] => [`logs/${l.name}`, l.text]),
  ];
  for (const [name, text] of entries) zip.file(name, text, { date: now });
  const fileName = `${t('file.diagnostics', {}, ctx.lang)}-${stamp(now)}.zip`;
  const file = ctx.store.downloads.newPath(fileName);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' }));
  const d = ctx.store.downloads.add(owner, file, fileName);
  return { downloadId: d.id, fileName, entries: entries.map(([n]) => n), integrity: integrity.join('; ') };
}
