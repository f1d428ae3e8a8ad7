import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import { RemoteServer, unzipInto } from './remote';

/** Commands that only make sense on the server's own machine (team.md): refused through --server. */
export const LOCAL_ONLY_COMMANDS = new Set(['init', 'backup restore', 'serve', 'diagnostics']);
/** Commands that never touch a database: they run locally even with --server. */
export const ALWAYS_LOCAL_COMMANDS = new Set(['demo']);

type Result = Record<string, unknown>;

/**
 * One operation on the team server, with the CLI's file arguments made remote: files named on
 * the command line are uploaded first, and `--out` files come back as downloads written locally —
 * so the command prints exactly what it prints against a local database.
 */
export async function remoteCall(server: RemoteServer, op: string, input: unknown, lang: string): Promise<Envelope<unknown>> {
  const data = { ...(input as Record<string, unknown>) };
  if (op === 'import.run' || op === 'import.start' || op === 'import.inspect') {
    const files = (data['files'] as { path: string; name: string }[] | undefined) ?? [];
    const staged = [];
    for (const f of files) staged.push({ path: (await server.upload(f.path)).path, name: f.name });
    data['files'] = staged;
  }
  const isExport = op === 'export.approval' || op === 'export.posting' || op === 'export.statements' || op === 'export.ledger';
  const out = isExport && typeof data['out'] === 'string' ? path.resolve(data['out']) : undefined;
  if (out === undefined) return server.invoke(op, data, lang);
  delete data['out'];
  const envelope = await server.invoke(op, data, lang);
  if (!envelope.ok) return envelope;
  const r = envelope.result as Result;
  const id = String(r['download_id']);
  if (op === 'export.statements' && data['mode'] === 'files') {
    const tmp = mkdtempSync(path.join(tmpdir(), 'rebate-remote-'));
    try {
      const zip = path.join(tmp, 'statements.zip');
      await server.download(id, zip);
      await unzipInto(zip, out);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else await server.download(id, out);
  return { ok: true, result: { ...r, out, download_id: null, file_name: path.basename(out) } };
}
