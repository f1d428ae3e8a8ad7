import type { Envelope } from '../contract/envelope';
import type { Lang } from '../contract/roles';

/** User preferences kept by the Electron main process (electron-store). */
export interface Preferences {
  language: Lang;
  recentFolders: string[];
  databasePath: string;
}

export interface PickedFile {
  path: string;
  name: string;
}

/** What the preload exposes as `window.rebate`: a few named functions, nothing generic. */
export interface RebateBridge {
  host: 'electron';
  invoke(op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>>;
  getPreferences(): Promise<Preferences>;
  setLanguage(lang: Lang): Promise<void>;
  /** the native open dialog (workbooks and CSV) */
  pickFiles(): Promise<PickedFile[]>;
  /** the path of a file dropped on the window */
  pathForFile(file: File): string;
  /** the native save dialog for a file the services wrote; the chosen path, or null if cancelled */
  saveDownload(downloadId: string, fileName: string): Promise<string | null>;
  /** opens the folder of a file saved through saveDownload */
  showInFolder(savedPath: string): Promise<void>;
}

declare global {
  interface Window {
    rebate?: RebateBridge;
  }
}
