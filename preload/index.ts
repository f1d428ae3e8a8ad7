import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Envelope } from '../contract/envelope';
import type { Lang } from '../contract/roles';
import type { ConnectionView, ServerCertificateView } from '../contract/desktop';
import type { PickedFile, Preferences, RebateBridge } from './api';
import { CHANNELS } from './channels';

// A small typed API over named channels; the renderer never sees ipcRenderer itself.
const bridge: RebateBridge = {
  host: 'electron',
  invoke: (op: string, input: unknown, lang: Lang) => ipcRenderer.invoke(CHANNELS.invoke, op, input, lang) as Promise<Envelope<unknown>>,
  getPreferences: () => ipcRenderer.invoke(CHANNELS.getPreferences) as Promise<Preferences>,
  setLanguage: (lang: Lang) => ipcRenderer.invoke(CHANNELS.setLanguage, lang) as Promise<void>,
  pickFiles: () => ipcRenderer.invoke(CHANNELS.pickFiles) as Promise<PickedFile[]>,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  saveDownload: (downloadId: string, fileName: string) => ipcRenderer.invoke(CHANNELS.saveDownload, downloadId, fileName) as Promise<string | null>,
  showInFolder: (savedPath: string) => ipcRenderer.invoke(CHANNELS.showInFolder, savedPath) as Promise<void>,
  connection: () => ipcRenderer.invoke(CHANNELS.connection) as Promise<ConnectionView>,
  probeServer: (url: string, lang: Lang) => ipcRenderer.invoke(CHANNELS.probeServer, url, lang) as Promise<Envelope<ServerCertificateView>>,
  trustServer: (input: { url: string; fingerprint: string; replace: boolean }, lang: Lang) =>
    ipcRenderer.invoke(CHANNELS.trustServer, { url: input.url, fingerprint: input.fingerprint, replace: input.replace }, lang) as Promise<Envelope<ConnectionView>>,
  useLocal: (lang: Lang) => ipcRenderer.invoke(CHANNELS.useLocal, lang) as Promise<Envelope<ConnectionView>>,
};

contextBridge.exposeInMainWorld('rebate', bridge);
