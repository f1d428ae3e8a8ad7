import { BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import type Store from 'electron-store';
import { connectionInputs } from '../../contract/desktop';
import { LANGS, type Lang } from '../../contract/roles';
import { CHANNELS } from '../../preload/channels';
import type { DesktopBackend } from '../desktop/backend';
import { isTrustedUrl } from './security';
import { rememberFolder } from './recent-folders';
import { showOpenDialog, showSaveDialog } from './test-hooks';
import type { ShellSettings } from './settings';
import { t } from '../i18n/messages';

function langOf(v: unknown, fallback: Lang): Lang {
  return (LANGS as readonly unknown[]).includes(v) ? (v as Lang) : fallback;
}

/** Only our own page may call: checks the frame that sent each message. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isTrustedUrl(url);
}

const UNTRUSTED = { ok: false, error: { kind: 'forbidden', key: 'ipc.untrusted', params: {}, message: 'untrusted sender' } } as const;
const BAD_PAYLOAD = { ok: false, error: { kind: 'rejected', key: 'payload.invalid', params: {}, message: 'invalid payload' } } as const;

/** Import and approval calls under way: the updater never restarts the app during one. */
let criticalCalls = 0;
export function criticalCallsInFlight(): number {
  return criticalCalls;
}
const CRITICAL = /^(import|approval)\./;

/**
 * Wires the preload's channels to the desktop backend (main/desktop/backend.ts), which decides
 * whether an operation runs on this PC's database or on the pinned team server; one session per
 * window. Thin on purpose: checks the sender and the payload, answers native dialogs, nothing else.
 */
export function registerIpc(backend: DesktopBackend, settings: Store<ShellSettings>): void {
  const windows = new Set<number>();
  const track = (event: IpcMainInvokeEvent): number => {
    const id = event.sender.id;
    if (!windows.has(id)) {
      windows.add(id);
      event.sender.once('destroyed', () => {
        windows.delete(id);
        backend.endWindow(id);
      });
    }
    return id;
  };

  ipcMain.handle(CHANNELS.invoke, async (event, op: unknown, input: unknown, lang: unknown) => {
    const language = langOf(lang, settings.get('language'));
    if (!trusted(event)) return UNTRUSTED;
    const name = typeof op === 'string' ? op : '';
    const critical = CRITICAL.test(name);
    if (critical) criticalCalls++;
    try {
      return await backend.invoke(track(event), name, input, language);
    } finally {
      if (critical) criticalCalls--;
    }
  });

  ipcMain.handle(CHANNELS.getPreferences, (event) => {
    if (!trusted(event)) return null;
    return { language: settings.get('language'), recentFolders: settings.get('recentFolders'), databasePath: backend.view().databasePath };
  });

  ipcMain.handle(CHANNELS.setLanguage, (event, lang: unknown) => {
    if (!trusted(event)) return;
    if ((LANGS as readonly unknown[]).includes(lang)) settings.set('language', lang as Lang);
  });

  ipcMain.handle(CHANNELS.connection, (event) => (trusted(event) ? backend.view() : null));
  ipcMain.handle(CHANNELS.probeServer, async (event, ...args: unknown[]) => {
    if (!trusted(event)) return UNTRUSTED;
    const p = connectionInputs.probe.safeParse(args);
    return p.success ? backend.probe(p.data[0], p.data[1]) : BAD_PAYLOAD;
  });
  ipcMain.handle(CHANNELS.trustServer, async (event, ...args: unknown[]) => {
    if (!trusted(event)) return UNTRUSTED;
    const p = connectionInputs.trust.safeParse(args);
    return p.success ? backend.trust(p.data[0], p.data[1]) : BAD_PAYLOAD;
  });
  ipcMain.handle(CHANNELS.useLocal, (event, ...args: unknown[]) => {
    if (!trusted(event)) return UNTRUSTED;
    const p = connectionInputs.useLocal.safeParse(args);
    return p.success ? backend.useLocal(p.data[0]) : BAD_PAYLOAD;
  });

  ipcMain.handle(CHANNELS.pickFiles, async (event) => {
    if (!trusted(event)) return [];
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile', 'multiSelections'],
      defaultPath: settings.get('recentFolders')[0],
      filters: [{ name: t('dialog.open_files', {}, settings.get('language')), extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls'] }],
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
    const id = track(event);
    // single-seat: the name the services gave the file; team: the name the server answered with
    const local = backend.localDownload(id, downloadId);
    if (backend.mode() === 'local' && !local) return null;
    const proposed = local?.fileName ?? path.basename(fileName.replace(/[\\/]/g, '_'));
    const win = BrowserWindow.fromWebContents(event.sender);
    const folder = settings.get('recentFolders')[0];
    const options: Electron.SaveDialogOptions = { defaultPath: folder ? path.join(folder, proposed) : proposed };
    const r = await showSaveDialog(win, options);
    if (r.canceled || !r.filePath) return null;
    await backend.saveDownload(id, downloadId, r.filePath);
    rememberFolder(settings, path.dirname(r.filePath));
    saved.add(r.filePath);
    return r.filePath;
  });

  ipcMain.handle(CHANNELS.showInFolder, (event, savedPath: unknown) => {
    if (trusted(event) && typeof savedPath === 'string' && saved.has(savedPath)) shell.showItemInFolder(savedPath);
  });
}
