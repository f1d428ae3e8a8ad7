import { BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type Store from 'electron-store';
import { LANGS, type Lang } from '../../contract/roles';
import { CHANNELS } from '../../preload/channels';
import { dispatch } from '../api/dispatch';
import type { Session } from '../services/context';
import type { Store as DbStore } from '../services/store';
import { isTrustedUrl } from './security';
import { rememberFolder } from './recent-folders';
import { showOpenDialog, showSaveDialog } from './test-hooks';
import type { ShellSettings } from './settings';

function langOf(v: unknown, fallback: Lang): Lang {
  return (LANGS as readonly unknown[]).includes(v) ? (v as Lang) : fallback;
}

/** Only our own page may call: checks the frame that sent each message. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isTrustedUrl(url);
}

/** Import and approval calls under way: the updater never restarts the app during one. */
let criticalCalls = 0;
export function criticalCallsInFlight(): number {
  return criticalCalls;
}
const CRITICAL = /^(import|approval)\./;

/** Wires the three channels of the preload to the operation table; one session per window. */
export function registerIpc(store: DbStore, settings: Store<ShellSettings>): void {
  const sessions = new Map<number, Session>();

  ipcMain.handle(CHANNELS.invoke, async (event, op: unknown, input: unknown, lang: unknown) => {
    const language = langOf(lang, settings.get('language'));
    if (!trusted(event)) {
      return { ok: false, error: { kind: 'forbidden', key: 'ipc.untrusted', params: {}, message: 'untrusted sender' } };
    }
    let session = sessions.get(event.sender.id);
    if (!session) {
      session = { user: null };
      sessions.set(event.sender.id, session);
      event.sender.once('destroyed', () => sessions.delete(event.sender.id));
    }
    const name = typeof op === 'string' ? op : '';
    const critical = CRITICAL.test(name);
    if (critical) criticalCalls++;
    try {
      return await dispatch({ store, session, lang: language, host: 'electron', now: () => new Date(), rendererDir: path.join(__dirname, '..', 'renderer') }, name, input);
    } finally {
      if (critical) criticalCalls--;
    }
  });

  ipcMain.handle(CHANNELS.getPreferences, (event) => {
    if (!trusted(event)) return null;
    return { language: settings.get('language'), recentFolders: settings.get('recentFolders'), databasePath: store.path };
  });

  ipcMain.handle(CHANNELS.setLanguage, (event, lang: unknown) => {
    if (!trusted(event)) return;
    if ((LANGS as readonly unknown[]).includes(lang)) settings.set('language', lang as Lang);
  });

  ipcMain.handle(CHANNELS.pickFiles, async (event) => {
    if (!trusted(event)) return [];
    const zh = settings.get('language') === 'zh-CN';
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile', 'multiSelections'],
      defaultPath: settings.get('recentFolders')[0],
      filters: [{ name: zh ? 'Excel 工作簿和 CSV' : 'Excel workbooks and CSV', extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls'] }],
    };
    const r = await showOpenDialog(win, options);
    if (r.canceled || r.filePaths.length === 0) return [];
    rememberFolder(settings, path.dirname(r.filePaths[0] ?? ''));
    return r.filePaths.map((p) => ({ path: p, name: path.basename(p) }));
  });

  // Only files saved through the dialog below may be shown in their folder.
  const saved = new Set<string>();
  ipcMain.handle(CHANNELS.saveDownload, async (event, downloadId: unknown, fileName: unknown) => {
    if (!trusted(event) || typeof downloadId !== 'string' || typeof fileName !== 'string') return null;
    const owner = sessions.get(event.sender.id)?.user?.id;
    const d = owner !== undefined ? store.downloads.get(downloadId, owner) : undefined;
    if (!d) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const folder = settings.get('recentFolders')[0];
    const options: Electron.SaveDialogOptions = { defaultPath: folder ? path.join(folder, d.fileName) : d.fileName };
    const r = await showSaveDialog(win, options);
    if (r.canceled || !r.filePath) return null;
    copyFileSync(d.path, r.filePath);
    rememberFolder(settings, path.dirname(r.filePath));
    saved.add(r.filePath);
    return r.filePath;
  });

  ipcMain.handle(CHANNELS.showInFolder, (event, savedPath: unknown) => {
    if (trusted(event) && typeof savedPath === 'string' && saved.has(savedPath)) shell.showItemInFolder(savedPath);
  });
}
