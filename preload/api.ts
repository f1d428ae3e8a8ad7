import type { ConnectionView, ServerCertificateView } from '../contract/desktop';
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
  /** 单机使用 or 连接团队服务器: what this app talks to */
  connection(): Promise<ConnectionView>;
  /** the certificate a team server presents (only a TLS handshake: nothing is sent to it) */
  probeServer(url: string, lang: Lang): Promise<Envelope<ServerCertificateView>>;
  /** pins the fingerprint the user confirmed and switches to the team server; `replace` is 重新信任 */
  trustServer(input: { url: string; fingerprint: string; replace: boolean }, lang: Lang): Promise<Envelope<ConnectionView>>;
  /** switches to this PC's own database */
  useLocal(lang: Lang): Promise<Envelope<ConnectionView>>;
}

declare global {
  interface Window {
    rebate?: RebateBridge;
  }
}
