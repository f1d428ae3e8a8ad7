import type { Browser, Page } from '@playwright/test';
import { SignInPage } from './pages';

/** Page object of 审批: what a preparer and an approver do there, by data-testid. */
export class ApprovalPage {
  constructor(readonly page: Page) {}

  /** A user in a browser context of their own (own cookies and session), signed in on the same host. */
  static async signedIn(browser: Browser, url: string, name: string, password: string): Promise<ApprovalPage> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await new SignInPage(page).signIn(name, password);
    await page.getByTestId('current-user').waitFor();
    return new ApprovalPage(page);
  }

  async open(period?: string): Promise<void> {
    await this.page.getByTestId('nav-approval').click();
    // a string: the e2e tsconfig has no DOM types
    if (period) await this.page.evaluate(`location.hash = '#/approval/${period}'`);
    await this.page.getByTestId('approval-decision').waitFor();
  }
  /** Reloads the screen to see what others did meanwhile (no push updates between users). */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId('approval-decision').waitFor();
  }
  status() {
    return this.page.getByTestId('approval-status');
  }
  inbox() {
    return this.page.getByTestId('approval-inbox');
  }
  chain() {
    return this.page.getByTestId('approval-chain');
  }
  bar() {
    return this.page.getByTestId('approval-bar');
  }
  async tab(name: 'changes' | 'issues' | 'adjustments' | 'rows'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }
  /** Opens a decision dialog from the bar, writes the comment and confirms. */
  async decide(action: 'approve' | 'reject' | 'submit', comment?: string): Promise<void> {
    await this.page.getByTestId(`approval-${action}`).click();
    if (comment !== undefined) await this.page.getByTestId('decision-comment').fill(comment);
    await this.page.getByTestId('decision-ok').click();
  }
}
