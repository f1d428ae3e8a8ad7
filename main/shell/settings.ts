import Store from 'electron-store';
import type { Lang } from '../../contract/roles';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface ShellSettings {
  language: Lang;
  windowBounds: WindowBounds;
  recentFolders: string[];
  /** empty: the default file in the user-data folder (the CLI reads this key too) */
  databasePath: string;
  /** empty: the update server electron-builder.yml's publish URL names (app-update.yml); else this folder URL */
  updateUrl: string;
}

/** Per-user preferences of the desktop app, in `config.json` of the user-data folder. */
export function createSettings(): Store<ShellSettings> {
  return new Store<ShellSettings>({
    name: 'config',
    clearInvalidConfig: true,
    defaults: {
      language: 'zh-CN',
      windowBounds: { width: 1440, height: 900, maximized: false },
      recentFolders: [],
      databasePath: '',
      updateUrl: '',
    },
    schema: {
      language: { type: 'string', enum: ['zh-CN', 'en'] },
      windowBounds: {
        type: 'object',
        properties: {
          x: { type: 'number' },
          y: { type: 'number' },
          width: { type: 'number', minimum: 800 },
          height: { type: 'number', minimum: 560 },
          maximized: { type: 'boolean' },
        },
        required: ['width', 'height', 'maximized'],
      },
      recentFolders: { type: 'array', items: { type: 'string' }, maxItems: 10 },
      databasePath: { type: 'string' },
      updateUrl: { type: 'string', pattern: '^(|https?://.+)$' },
    },
  });
}
