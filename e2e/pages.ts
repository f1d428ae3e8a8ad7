import type { Page } from '@playwright/test';

/** Page objects: what a user does on each screen, by data-testid. */
export class SetupPage {
  constructor(private readonly page: Page) {}
  /** Creates the first admin; the demo data checkbox (on by default) is cleared unless asked for. */
  async createAdmin(name: string, password: string, display?: string, options: { demo?: boolean } = {}): Promise<void> {
    await this.page.getByTestId('setup-name').fill(name);
    const demo = this.page.getByTestId('setup-demo');
    if ((await demo.isChecked()) !== (options.demo ?? false)) await demo.click();
    if (display) await this.page.getByTestId('setup-display').fill(display);
    await this.page.getByTestId('setup-password').fill(password);
    await this.page.getByTestId('setup-confirm').fill(password);
    await this.page.getByTestId('setup-submit').click();
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}
  async signIn(name: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-name').fill(name);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }
  error() {
    return this.page.getByTestId('sign-in-error');
  }
}

export class ShellPage {
  constructor(private readonly page: Page) {}
  async open(section: string): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }
  heading() {
    return this.page.getByTestId('page-heading');
  }
  user() {
    return this.page.getByTestId('current-user');
  }
  async language(label: '中文' | 'English'): Promise<void> {
    await this.page.getByTestId('language-switch').first().getByText(label, { exact: true }).click();
  }
  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
  }
}

export class ImportPage {
  constructor(private readonly page: Page) {}
  async choosePeriod(period: string): Promise<void> {
    const root = this.page.getByTestId('import-period');
    const input = (await root.evaluate((e) => e.tagName)) === 'INPUT' ? root : root.locator('input');
    // on a loaded machine the picker may not have taken the typed month yet: it then shows the old
    // one again once it closes; try again (bounded) until the page shows the month chosen
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      await input.fill(period);
      await input.press('Enter');
      await this.page.getByTestId('page-heading').click();
      if ((await input.inputValue()) === period) return;
    }
    throw new Error(`the import period did not change to ${period}`);
  }
  async addFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }
  /** 选择文件 — the native open dialog in Electron (the browser suite uses addFiles instead) */
  async pick(): Promise<void> {
    await this.page.getByTestId('import-pick').click();
  }
  async store(): Promise<void> {
    await this.page.getByTestId('import-store').click();
  }
  done() {
    return this.page.getByTestId('import-done');
  }
  async next(): Promise<void> {
    await this.page.getByTestId('import-next').click();
  }
  async toValidate(): Promise<void> {
    await this.page.getByTestId('import-to-validate').click();
  }
}

/** 导出: one batch, one kind of file; the file goes through saveDownload (native save dialog or download). */
export class ExportPage {
  constructor(private readonly page: Page) {}
  async export(kind: 'approval' | 'statements' | 'posting'): Promise<void> {
    await this.page.getByTestId(`export-${kind}`).click();
  }
  status() {
    return this.page.getByTestId('export-status');
  }
  savedPaths() {
    return this.page.getByTestId('export-saved-path');
  }
}

/** A fresh desk set up by 李会计 (li, an administrator), on 导入 with the month chosen. */
export async function importAsLi(page: Page, url: string, period: string): Promise<{ shell: ShellPage; imp: ImportPage }> {
  await page.goto(url);
  await new SetupPage(page).createAdmin('li', 'li-pass-123', '李会计');
  const shell = new ShellPage(page);
  await shell.open('import');
  const imp = new ImportPage(page);
  await imp.choosePeriod(period);
  return { shell, imp };
}
