import type Store from 'electron-store';
import type { ShellSettings } from './settings';

/** Keeps the ten most recent folders, newest first, for the open and save dialogs. */
export function rememberFolder(settings: Pick<Store<ShellSettings>, 'get' | 'set'>, folder: string): void {
  const list = [folder, ...settings.get('recentFolders').filter((f) => f !== folder)].slice(0, 10);
  settings.set('recentFolders', list);
}
