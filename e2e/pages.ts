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
    await input.click();
    await input.fill(period);
    await input.press('Enter');
  }
  async addFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }
  async next(): Promise<void> {
    await this.page.getByTestId('import-next').click();
  }
  async toValidate(): Promise<void> {
    await this.page.getByTestId('import-to-validate').click();
  }
}
