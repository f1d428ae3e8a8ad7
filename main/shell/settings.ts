import Store from 'electron-store';
import type { ConnectionMode, TeamServerPin } from '../../contract/desktop';
import type { Lang } from '../../contract/roles';
import type { ConnectionStore } from '../desktop/backend';

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
  /** 单机使用 (local) or 连接团队服务器 (team); unset until the first start asked */
  connectionMode: ConnectionMode;
  /** the team server the user trusted, with its pinned certificate fingerprint */
  teamServer: TeamServerPin | null;
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
      connectionMode: 'unset',
      teamServer: null,
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
      connectionMode: { type: 'string', enum: ['unset', 'local', 'team'] },
      teamServer: {
        type: ['object', 'null'],
        properties: {
          url: { type: 'string', pattern: '^https://.+/$' },
          fingerprint: { type: 'string', pattern: '^([0-9A-F]{2}:){31}[0-9A-F]{2}$' },
          trustedAt: { type: 'string' },
        },
        required: ['url', 'fingerprint', 'trustedAt'],
      },
    },
  });
}

/** The connection choice inside the desktop settings, for the desktop backend. */
export function connectionStore(settings: Store<ShellSettings>): ConnectionStore {
  return {
    read: () => ({ mode: settings.get('connectionMode'), server: settings.get('teamServer') }),
    write: (next) => {
      settings.set('teamServer', next.server);
      settings.set('connectionMode', next.mode);
    },
  };
}
