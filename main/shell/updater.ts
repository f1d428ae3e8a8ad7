import { app, BrowserWindow, dialog } from 'electron';
import { autoUpdater } from 'electron-updater';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Store from 'electron-store';
import type { Lang } from '../../contract/roles';
import { t } from '../i18n/messages';
import { logger } from '../support/log';
import { checkForUpdate, verifyFile } from '../update/feed';
import type { ShellSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The feed folder: the setting (设置 → 关于), else the URL electron-builder wrote into app-update.yml. */
export function updateFeedUrl(settings: Store<ShellSettings>): string | null {
  const own = settings.get('updateUrl');
  if (own) return own;
  const file = path.join(process.resourcesPath, 'app-update.yml');
  if (!existsSync(file)) return null;
  const m = /^url:\s*['"]?([^'"\n]+)['"]?\s*$/m.exec(readFileSync(file, 'utf8'));
  return m?.[1]?.trim() ?? null;
}

/**
 * Updates of the installed app: checks on start and once a day, downloads in the background, and
 * installs when the app quits ("新版本已下载，重启后安装"). Never while an import or an approval is
 * in progress: no check starts then, and "restart now" is refused then. Which version and file, and
 * the checksum rule, are main/update/feed.ts; electron-updater downloads and runs the installer.
 */
export function startUpdates(settings: Store<ShellSettings>, lang: () => Lang, busy: () => boolean): void {
  if (!app.isPackaged || process.env['REBATE_E2E'] === '1') return;
  const log = logger('update');
  autoUpdater.logger = { info: (m: unknown) => log.info(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)), debug: () => undefined };
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  let downloading = false;
  let expected: { sha512: string; size?: number } | null = null;

  const check = async (): Promise<void> => {
    const url = updateFeedUrl(settings);
    if (!url || downloading || busy()) return;
    try {
      const offer = await checkForUpdate(url, app.getVersion());
      if (!offer) return;
      log.info(`update ${offer.version} offered: ${offer.name}`);
      downloading = true;
      expected = { sha512: offer.sha512, ...(offer.size !== undefined ? { size: offer.size } : {}) };
      autoUpdater.setFeedURL({ provider: 'generic', url });
      await autoUpdater.checkForUpdates();
      await autoUpdater.downloadUpdate();
    } catch (e) {
      downloading = false;
      log.warn(`update check failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  autoUpdater.on('update-downloaded', (event) => {
    void (async () => {
      try {
        // our own check of what electron-updater downloaded, against the feed we read
        if (expected) await verifyFile(event.downloadedFile, expected.sha512, expected.size);
      } catch (e) {
        downloading = false;
        autoUpdater.autoInstallOnAppQuit = false;
        log.error(`downloaded update refused: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const win = BrowserWindow.getAllWindows()[0];
      const options: Electron.MessageBoxOptions = {
        type: 'info',
        title: t('dialog.update_title', {}, lang()),
        message: t('update.downloaded', { version: event.version }, lang()),
        buttons: [t('dialog.update_later', {}, lang()), t('dialog.update_restart', {}, lang())],
        defaultId: 0,
        cancelId: 0,
      };
      const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      if (r.response !== 1) return;
      if (busy()) {
        await dialog.showMessageBox({ type: 'info', message: t('update.busy', {}, lang()) });
        return;
      }
      autoUpdater.quitAndInstall(false, true);
    })();
  });

  setTimeout(() => void check(), 30_000).unref();
  setInterval(() => void check(), DAY_MS).unref();
}
