import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type Store from 'electron-store';
import { LANGS, type Lang } from '../../contract/roles';
import { CHANNELS } from '../../preload/channels';
import { dispatch } from '../api/dispatch';
import type { Session } from '../services/context';
import type { Store as DbStore } from '../services/store';
import { isTrustedUrl } from './security';
import type { ShellSettings } from './settings';

function langOf(v: unknown, fallback: Lang): Lang {
  return (LANGS as readonly unknown[]).includes(v) ? (v as Lang) : fallback;
}

/** Only our own page may call: checks the frame that sent each message. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return isTrustedUrl(url);
}

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
    return dispatch({ store, session, lang: language, host: 'electron', now: () => new Date() }, typeof op === 'string' ? op : '', input);
  });

  ipcMain.handle(CHANNELS.getPreferences, (event) => {
    if (!trusted(event)) return null;
    return { language: settings.get('language'), recentFolders: settings.get('recentFolders'), databasePath: store.path };
  });

  ipcMain.handle(CHANNELS.setLanguage, (event, lang: unknown) => {
    if (!trusted(event)) return;
    if ((LANGS as readonly unknown[]).includes(lang)) settings.set('language', lang as Lang);
  });
}
