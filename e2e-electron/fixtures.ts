import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(path.resolve('package.json'));

export interface Desktop {
  app: ElectronApplication;
  /** the app's main window */
  window: Page;
  /** this run's folder: user data (database, settings, logs), workbooks, exports */
  dir: string;
  userData: string;
  /** answers the next native open dialog with these files (the hook in main/shell/test-hooks.ts) */
  answerOpen(files: string[]): void;
  /** answers the next native save dialogs with a file of the proposed name in this folder */
  answerSave(folder: string): void;
}

/** The Electron executable: scripts/test-electron.mjs found it, else electron's own lookup. */
function electronBinary(): string {
  return process.env['REBATE_ELECTRON_BIN'] ?? (require('electron') as string);
}

/**
 * The built app (out/, `npm run build:electron`) in its real window, on a fresh user-data folder.
 * The folder's path has Chinese characters and a space, like a finance user's profile.
 */
export const test = base.extend<{ desktop: Desktop }>({
  // Playwright requires the destructuring form for a fixture without dependencies.
  // eslint-disable-next-line no-empty-pattern
  desktop: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), '返利 e2e-'));
    const userData = path.join(dir, '张三', 'Rebate Desk');
    mkdirSync(userData, { recursive: true });
    const dialogs = path.join(dir, 'dialogs.json');
    const answers: { open?: string[]; saveDir?: string } = {};
    const write = (): void => writeFileSync(dialogs, JSON.stringify(answers));
    write();
    const app = await _electron.launch({
      executablePath: electronBinary(),
      args: [path.resolve('.')],
      env: {
        ...process.env,
        REBATE_E2E: '1',
        REBATE_E2E_USER_DATA: userData,
        REBATE_E2E_DIALOGS: dialogs,
        ELECTRON_RENDERER_URL: '',
      },
      timeout: 60_000,
    });
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use({
      app,
      window,
      dir,
      userData,
      answerOpen: (files) => {
        answers.open = files;
        write();
      },
      answerSave: (folder) => {
        answers.saveDir = folder;
        write();
      },
    });
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

const SHOTS = path.resolve('test-results', 'screenshots-electron');
mkdirSync(SHOTS, { recursive: true });

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
