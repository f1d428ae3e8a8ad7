import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../contract/envelope';
import type { Lang } from '../contract/roles';
import type { Preferences, RebateBridge } from './api';
import { CHANNELS } from './channels';

// A small typed API over three channels; the renderer never sees ipcRenderer itself.
const bridge: RebateBridge = {
  host: 'electron',
  invoke: (op: string, input: unknown, lang: Lang) => ipcRenderer.invoke(CHANNELS.invoke, op, input, lang) as Promise<Envelope<unknown>>,
  getPreferences: () => ipcRenderer.invoke(CHANNELS.getPreferences) as Promise<Preferences>,
  setLanguage: (lang: Lang) => ipcRenderer.invoke(CHANNELS.setLanguage, lang) as Promise<void>,
};

contextBridge.exposeInMainWorld('rebate', bridge);
