import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Lang } from '../../contract/roles';
import { DesktopBackend, type ConnectionSettings } from '../desktop/backend';
import { Store } from '../services/store';

/**
 * The desktop app's main-process backend (main/desktop/backend.ts) in a Node process of its own, for
 * the Chromium e2e of the desktop screens (e2e/desktop-bridge.ts) where the Electron binary cannot
 * run: one JSON request per stdin line, one answer per stdout line marked `@@`. No network of its own;
 * it talks to the team server the test started, exactly as the shell does.
 *
 * usage: node out/node/desktop-host.mjs PROFILE_DIR
 */
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: desktop-host PROFILE_DIR\n');
  process.exit(2);
}
let settings: ConnectionSettings = { mode: 'unset', server: null };
let language: Lang = 'zh-CN';
const backend = new DesktopBackend({
  settings: { read: () => settings, write: (v) => (settings = v) },
  openLocal: () => new Store(path.join(dir, 'rebate.sqlite')),
});
const WINDOW = 1;

async function answer(method: string, args: unknown[]): Promise<unknown> {
  switch (method) {
    case 'invoke':
      return backend.invoke(WINDOW, args[0] as string, args[1], args[2] as Lang);
    case 'getPreferences':
      return { language, recentFolders: [], databasePath: backend.view().databasePath };
    case 'setLanguage':
      language = args[0] as Lang;
      return null;
    case 'connection':
      return backend.view();
    case 'probeServer':
      return backend.probe(args[0] as string, args[1] as Lang);
    case 'trustServer':
      return backend.trust(args[0] as { url: string; fingerprint: string; replace: boolean }, args[1] as Lang);
    case 'useLocal':
      return backend.useLocal(args[0] as Lang);
    case 'saveDownload': {
      const dest = path.join(dir as string, path.basename(args[1] as string));
      await backend.saveDownload(WINDOW, args[0] as string, dest);
      return dest;
    }
    // for the test's own assertions
    case 'settings':
      return settings;
    case 'localOpen':
      return backend.openLocalStore() !== null;
    default:
      return null;
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const req = JSON.parse(line) as { id: number; method: string; args: unknown[] };
  answer(req.method, req.args).then(
    (result) => process.stdout.write(`@@${JSON.stringify({ id: req.id, result: result ?? null })}\n`),
    (e: unknown) => process.stdout.write(`@@${JSON.stringify({ id: req.id, error: e instanceof Error ? e.message : String(e) })}\n`),
  );
});
process.stdin.on('end', () => {
  backend.close();
  process.exit(0);
});
