import type { Envelope } from '../contract/envelope';
import type { Lang } from '../contract/roles';

/** User preferences kept by the Electron main process (electron-store). */
export interface Preferences {
  language: Lang;
  recentFolders: string[];
  databasePath: string;
}

/** What the preload exposes as `window.rebate`: three functions, nothing generic. */
export interface RebateBridge {
  host: 'electron';
  invoke(op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>>;
  getPreferences(): Promise<Preferences>;
  setLanguage(lang: Lang): Promise<void>;
}

declare global {
  interface Window {
    rebate?: RebateBridge;
  }
}
