import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang } from '../../contract/roles';
import { resolveDbPath } from '../cli/db-path';
import { messageText, t } from '../i18n/messages';
import { AppError } from '../../domain';
import { Store } from '../services/store';
import { parseArgs } from '../cli/args';
import { startWebHost } from './server';
import { configureLogging, defaultLogDir, logger } from '../support/log';

// `npm run web [-- --db FILE] [--port N]`: the UI in a browser on this machine, on the same database.
async function main(): Promise<void> {
  configureLogging({ dir: defaultLogDir(), process: 'web', console: true });
  const args = parseArgs(process.argv.slice(2), { db: { value: true }, port: { value: true }, lang: { value: true }, static: { value: true } });
  const langArg = args.options.get('lang')?.[0];
  const lang: Lang = (LANGS as readonly string[]).includes(langArg ?? '') ? (langArg as Lang) : 'zh-CN';
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = args.options.get('static')?.[0] ?? path.resolve(here, '..', 'renderer');
  let store: Store;
  try {
    store = new Store(resolveDbPath(args.options.get('db')?.[0]));
  } catch (e) {
    process.stderr.write(`${e instanceof AppError ? messageText(e.key, e.params, lang) : String(e)}\n`);
    process.exitCode = 2;
    return;
  }
  const port = Number(args.options.get('port')?.[0] ?? 0);
  const host = await startWebHost({ store, staticDir, port, lang });
  logger('web').info(`web host started on ${new URL(host.url).origin}, database ${store.path}`);
  process.stdout.write(`Rebate Desk: ${host.url}\n`);
  process.stdout.write(`${t('web.database', { path: store.path }, lang)}\n`);
  const stop = (): void => {
    void host.close().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
