import { app, BrowserWindow, screen } from 'electron';
import type Store from 'electron-store';
import path from 'node:path';
import { APP_ORIGIN } from './security';
import type { ShellSettings } from './settings';

function visible(b: ShellSettings['windowBounds']): boolean {
  if (b.x === undefined || b.y === undefined) return false;
  const { x, y } = b;
  return screen.getAllDisplays().some((d) => x >= d.bounds.x - 50 && y >= d.bounds.y - 50 && x < d.bounds.x + d.bounds.width && y < d.bounds.y + d.bounds.height);
}

export function createMainWindow(settings: Store<ShellSettings>, preloadDir: string): BrowserWindow {
  const bounds = settings.get('windowBounds');
  const win = new BrowserWindow({
    width: bounds.width,
    height: bounds.height,
    ...(visible(bounds) ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '返利台 Rebate Desk',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    settings.set('windowBounds', { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  const dev = process.env['ELECTRON_RENDERER_URL'];
  void win.loadURL(dev && !app.isPackaged ? dev : `${APP_ORIGIN}/index.html`);
  return win;
}
