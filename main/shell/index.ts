import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../db/paths';
import { t } from '../i18n/messages';
import { AppError } from '../services/errors';
import { Store as DbStore } from '../services/store';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerScheme, serveRenderer } from './protocol';
import { hardenApp } from './security';
import { createSettings } from './settings';
import { applyE2eUserData } from './test-hooks';
import { createMainWindow } from './window';

// The Electron shell: windows, menus, dialogs, IPC wiring, settings. The services know nothing of it.
applyE2eUserData();
if (!app.requestSingleInstanceLock()) app.quit();
app.setName('Rebate Desk');
registerScheme();
hardenApp();

/**
 * better-sqlite3 built for Electron's ABI. In a packaged app electron-builder rebuilds the module in
 * place; in development `npm start` prepares a copy in .cache/electron-native so the Node build in
 * node_modules keeps serving the CLI and the tests.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const dev = path.resolve(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node');
  return process.env['REBATE_SQLITE_BINDING'] ?? (existsSync(dev) ? dev : undefined);
}

async function start(): Promise<void> {
  await app.whenReady();
  const settings = createSettings();
  const lang = settings.get('language');
  const dbPath = settings.get('databasePath') || path.join(app.getPath('userData'), DB_FILE_NAME);
  let store: DbStore;
  try {
    store = new DbStore(dbPath, nativeBinding());
  } catch (e) {
    const message = e instanceof AppError ? t(e.key, e.params, lang) : String(e);
    dialog.showErrorBox(lang === 'zh-CN' ? '无法打开数据库' : 'Cannot open the database', message);
    app.exit(2);
    return;
  }
  buildMenu(lang);
  registerIpc(store, settings);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  const preloadDir = path.join(__dirname, '..', 'preload');
  createMainWindow(settings, preloadDir);

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(settings, preloadDir);
  });
  app.on('window-all-closed', () => {
    store.close();
    app.quit();
  });
}

void start();
