import { app, dialog, type BrowserWindow } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Hooks for the Electron end-to-end suite (e2e-electron/), at the native-dialog boundary only.
 * Active only in an unpackaged app started with REBATE_E2E=1: an installed app never reads them.
 *
 * - REBATE_E2E_USER_DATA: the user-data folder (settings, database, logs) of this run
 * - REBATE_E2E_DIALOGS: a JSON file `{ "open": [paths], "saveDir": folder }`, read at each dialog,
 *   that answers the open dialog with `open` and the save dialog with `saveDir/<proposed name>`
 */
export function e2eMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return !app.isPackaged && env['REBATE_E2E'] === '1';
}

/** Before the app is ready: a private user-data folder for the run. */
export function applyE2eUserData(env: NodeJS.ProcessEnv = process.env): void {
  const dir = env['REBATE_E2E_USER_DATA'];
  if (e2eMode(env) && dir) app.setPath('userData', dir);
}

interface DialogAnswers {
  open?: string[];
  saveDir?: string;
}

function answers(): DialogAnswers | null {
  if (!e2eMode()) return null;
  const file = process.env['REBATE_E2E_DIALOGS'];
  if (!file || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DialogAnswers;
}

/** dialog.showOpenDialog, answered by the e2e suite in test mode. */
export async function showOpenDialog(win: BrowserWindow | null, options: Electron.OpenDialogOptions): Promise<Electron.OpenDialogReturnValue> {
  const a = answers();
  if (a?.open) return { canceled: a.open.length === 0, filePaths: a.open };
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
}

/** dialog.showSaveDialog, answered by the e2e suite in test mode. */
export async function showSaveDialog(win: BrowserWindow | null, options: Electron.SaveDialogOptions): Promise<Electron.SaveDialogReturnValue> {
  const a = answers();
  if (a?.saveDir) return { canceled: false, filePath: path.join(a.saveDir, path.basename(options.defaultPath ?? 'export')) };
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
}
