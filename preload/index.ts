import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Envelope } from '../contract/envelope';
import type { Lang } from '../contract/roles';
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
};

contextBridge.exposeInMainWorld('rebate', bridge);
