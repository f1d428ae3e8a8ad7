import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../db/paths';
import { messageText, t } from '../i18n/messages';
import { AppError } from '../../domain';
import { configureLogging, logger } from '../support/log';
import { packagedSqliteBinding } from '../util/packaged-paths';
import { DesktopBackend, startMode } from '../desktop/backend';
import { Store as DbStore } from '../services/store';
import { criticalCallsInFlight, registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerScheme, serveRenderer } from './protocol';
import { hardenApp } from './security';
import { connectionStore, createSettings } from './settings';
import { applyE2eUserData } from './test-hooks';
import { startUpdates } from './updater';
import { createMainWindow } from './window';

// The Electron shell: windows, menus, dialogs, IPC wiring, settings. The services know nothing of it.
applyE2eUserData();
if (!app.requestSingleInstanceLock()) app.quit();
app.setName('Rebate Desk');
// The taskbar groups the window under the installer's shortcut (返利台) by this id (electron-builder's appId).
if (process.platform === 'win32') app.setAppUserModelId('com.rebatedesk.app');
registerScheme();
hardenApp();

/**
 * better-sqlite3 built for Electron's ABI. In a packaged app electron-builder rebuilds the module in
 * place and unpacks it from app.asar (asarUnpack): it is loaded from app.asar.unpacked. In
 * development `npm start` prepares a copy in .cache/electron-native so the Node build in
 * node_modules keeps serving the CLI and the tests.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return packagedSqliteBinding(process.resourcesPath);
  const dev = path.resolve(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node');
  return process.env['REBATE_SQLITE_BINDING'] ?? (existsSync(dev) ? dev : undefined);
}

async function start(): Promise<void> {
  await app.whenReady();
  try {
    configureLogging({ dir: path.join(app.getPath('userData'), 'logs'), process: 'desktop' });
  } catch {
    // a profile without a writable folder: the app runs without a log file
  }
  const log = logger('app');
  log.info(`Rebate Desk ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
  const settings = createSettings();
  const lang = settings.get('language');
  const dbPath = settings.get('databasePath') || path.join(app.getPath('userData'), DB_FILE_NAME);
  const connection = connectionStore(settings);
  // an install that already has its database keeps working locally; a fresh one asks (单机使用 / 连接团队服务器)
  connection.write(startMode(connection.read(), existsSync(dbPath)));
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const backend = new DesktopBackend({ settings: connection, openLocal: () => new DbStore(dbPath, nativeBinding()), rendererDir });
  if (backend.mode() === 'local') {
    try {
      backend.localStore();
    } catch (e) {
      const message = e instanceof AppError ? messageText(e.key, e.params, lang) : String(e);
      log.error(`cannot open the database ${dbPath}: ${message}`);
      dialog.showErrorBox(t('dialog.open_failed', {}, lang), message);
      app.exit(2);
      return;
    }
  }
  buildMenu(lang);
  registerIpc(backend, settings);
  serveRenderer(rendererDir);
  const preloadDir = path.join(__dirname, '..', 'preload');
  createMainWindow(settings, preloadDir);
  startUpdates(settings, () => settings.get('language'), () => criticalCallsInFlight() > 0 || backend.jobsRunning());

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
    log.info('Rebate Desk closing');
    backend.close();
    app.quit();
  });
}

void start();
