import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real Electron binary cannot run on the Linux CI machine; the shell's decisions are checked
// against a recording stand-in of the few Electron APIs it calls.
const recorded = vi.hoisted(() => ({
  windowOptions: [] as Record<string, unknown>[],
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  loaded: [] as string[],
  isPackaged: true,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options);
    }
    maximize(): void {}
    once(): void {}
    on(): void {}
    loadURL(url: string): Promise<void> {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return recorded.isPackaged;
      },
      on: (name: string, fn: (...args: unknown[]) => void) => recorded.appListeners.set(name, fn),
      whenReady: () => new Promise(() => undefined),
    },
    BrowserWindow,
    screen: { getAllDisplays: () => [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    ipcMain: { handle: (ch: string, fn: (...args: unknown[]) => unknown) => recorded.handlers.set(ch, fn) },
    session: {},
    shell: { openExternal: vi.fn() },
  };
});

const settings = {
  values: { language: 'zh-CN', windowBounds: { width: 1440, height: 900, maximized: false }, recentFolders: [], databasePath: '' } as Record<string, unknown>,
  get(key: string) {
    return this.values[key];
  },
  set(key: string, v: unknown) {
    this.values[key] = v;
  },
};

beforeEach(() => {
  recorded.windowOptions.length = 0;
  recorded.handlers.clear();
  recorded.loaded.length = 0;
});

describe('Electron shell security', () => {
  it('creates the window sandboxed, isolated, without Node, and loads the packaged UI over app://', async () => {
    const { createMainWindow } = await import('./window');
    createMainWindow(settings as never, '/app/out/preload');
    const prefs = recorded.windowOptions[0]?.['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(recorded.loaded).toEqual(['app://rebate/index.html']);
  });

  it('blocks navigation, new windows and webviews for every web contents', async () => {
    const { hardenApp } = await import('./security');
    hardenApp();
    const created = recorded.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    created?.({}, { on: (n: string, fn: never) => listeners.set(n, fn), setWindowOpenHandler: (fn: never) => (openHandler = fn) });
    const prevent = vi.fn();
    listeners.get('will-navigate')?.({ preventDefault: prevent }, 'https://evil.example/');
    listeners.get('will-navigate')?.({ preventDefault: prevent }, 'file:///etc/passwd');
    expect(prevent).toHaveBeenCalledTimes(2);
    const allowed = vi.fn();
    listeners.get('will-navigate')?.({ preventDefault: allowed }, 'app://rebate/index.html#/audit');
    expect(allowed).not.toHaveBeenCalled();
    const webview = vi.fn();
    listeners.get('will-attach-webview')?.({ preventDefault: webview });
    expect(webview).toHaveBeenCalled();
    expect(openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('answers IPC only from its own page, and validates every payload in main', async () => {
    const { registerIpc } = await import('./ipc');
    const { Harness } = await import('../testing/harness');
    const { DesktopBackend } = await import('../desktop/backend');
    const h = new Harness();
    try {
      const backend = new DesktopBackend({ settings: { read: () => ({ mode: 'local', server: null }), write: vi.fn() }, openLocal: () => h.store });
      registerIpc(backend, settings as never);
      const invoke = recorded.handlers.get('rebate:invoke');
      expect(invoke).toBeDefined();
      const sender = { id: 1, once: vi.fn() };
      const fromApp = { senderFrame: { url: 'app://rebate/index.html' }, sender };
      const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender };
      const info = (await invoke?.(fromApp, 'app.info', {}, 'en')) as { ok: boolean; result: { hasUsers: boolean; host: string } };
      expect(info).toMatchObject({ ok: true, result: { hasUsers: false, host: 'electron' } });
      const refused = (await invoke?.(fromElsewhere, 'app.info', {}, 'en')) as { ok: boolean };
      expect(refused.ok).toBe(false);
      const malformed = (await invoke?.(fromApp, 'auth.setupAdmin', { name: 42 }, 'en')) as { ok: boolean; error: { key: string } };
      expect(malformed).toMatchObject({ ok: false, error: { key: 'payload.invalid' } });
      expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
      // the connection channels: only our page, payloads checked before the backend sees them
      const probe = recorded.handlers.get('rebate:connection:probe');
      const trust = recorded.handlers.get('rebate:connection:trust');
      expect(await probe?.(fromElsewhere, 'https://127.0.0.1:1/', 'en')).toMatchObject({ ok: false, error: { key: 'ipc.untrusted' } });
      expect(await probe?.(fromApp, 42, 'en')).toMatchObject({ ok: false, error: { key: 'payload.invalid' } });
      expect(await trust?.(fromApp, { url: 'https://x/', fingerprint: 'AB', replace: 'yes' }, 'en')).toMatchObject({ ok: false, error: { key: 'payload.invalid' } });
      expect(await trust?.(fromApp, { url: 'https://x/', fingerprint: 'AB', replace: false, extra: 1 }, 'en')).toMatchObject({ ok: false, error: { key: 'payload.invalid' } });
      expect(recorded.handlers.get('rebate:connection:get')?.(fromElsewhere)).toBeNull();
    } finally {
      h.close();
    }
  });
});
