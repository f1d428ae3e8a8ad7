import type { Locator, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, ADMIN, addUser, cli } from './fixtures';
import { SetupPage, SignInPage } from './pages';
import { PASS, PEOPLE } from './month-seed';

/*
 * The measured month end (issue 14): a Playwright walkthrough on the demo files that counts the
 * user's actions — a click, a drop, a key chord, a typed field = one each — from an empty month with
 * policies and chain in place to a submitted batch (target ≤ 15), and from an approver's sign-in to
 * the decision (target ≤ 3). Screenshots of every screen at 1366×768 are attached as artifacts, and
 * every screen is checked at 1366×768 and 1536×864 (1920×1080 at 125 %) for horizontal page scroll.
 */

const LAPTOP = { width: 1366, height: 768 };
const SCALED = { width: 1536, height: 864 };
const SLOW = { timeout: 120_000 };

/** Counts what the user does; each method is one action. */
class Actions {
  readonly log: string[] = [];
  constructor(readonly who: string) {}
  async click(l: Locator, what: string): Promise<void> {
    await l.click();
    this.log.push(`click ${what}`);
  }
  async drop(input: Locator, files: string[], what: string): Promise<void> {
    await input.setInputFiles(files);
    this.log.push(`drop ${what} (${files.length} files)`);
  }
  async key(l: Locator, chord: string, what: string): Promise<void> {
    await l.press(chord);
    this.log.push(`key ${chord} ${what}`);
  }
  async type(l: Locator, text: string, what: string): Promise<void> {
    await l.fill(text);
    this.log.push(`type ${what}`);
  }
  get count(): number {
    return this.log.length;
  }
  report(): string {
    return `${this.who}: ${this.count} actions\n${this.log.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}`;
  }
}

async function screen(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.waitForTimeout(400); // AG Grid and charts lay out after the data arrives
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await info.attach(name, { path: file, contentType: 'image/png' });
}

test('month end by the numbers: preparer from the folder to a submitted batch, approver to the decision', async ({ browser, page, host }, info) => {
  test.setTimeout(900_000);
  // the month's folder as the demo writes it: workbooks in their real-world shapes, policies, chain
  const folder = path.join(host.dir, 'month');
  execFileSync(process.execPath, ['bin/rebate.mjs', 'demo', '--out', folder, '--distributors', '60', '--purchase-rows', '900', '--db', host.dbPath], { encoding: 'utf8' });
  const files = readdirSync(folder).map((f) => path.join(folder, f));

  await page.setViewportSize(LAPTOP);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
  // in place before the month starts: users, the three policies and the chain (one level signs here)
  for (const [name, roles, display] of PEOPLE) addUser(host, name, roles, display);
  for (const f of files.filter((x) => x.endsWith('.json') && path.basename(x).startsWith('policy'))) cli(host, ADMIN.name, ADMIN.password, 'policy', 'import', f);
  cli(host, ADMIN.name, ADMIN.password, 'chain', 'set', path.join(folder, 'chain.json'));
  await page.getByTestId('sign-out').click();

  // ── the preparer ──────────────────────────────────────────────────────────────────────────────
  await new SignInPage(page).signIn('li', PASS('li'));
  await expect(page.getByTestId('page-overview')).toBeVisible();
  await screen(page, info, 'w01-overview-empty');
  const prep = new Actions('preparer li');
  await prep.click(page.getByTestId('overview-go-import'), '导入下一步');
  await prep.drop(page.getByTestId('import-file-input'), files, 'the month folder');
  await screen(page, info, 'w02-import-files');
  await prep.click(page.getByTestId('import-next'), '下一步 (识别)');
  await expect(page.getByTestId('import-blocker')).toContainText('可以校验', SLOW);
  await expect(page.getByTestId('import-side-files')).toContainText('返利政策文件');
  await screen(page, info, 'w03-import-mapping');
  await prep.click(page.getByTestId('import-to-validate'), '下一步 (校验)');
  await expect(page.getByTestId('import-store')).toBeEnabled(SLOW);
  await screen(page, info, 'w04-import-validate');
  await prep.click(page.getByTestId('import-store'), '导入');
  await expect(page.getByTestId('import-done')).toContainText('导入完成', SLOW);
  await screen(page, info, 'w05-import-done');
  await prep.click(page.getByTestId('import-calculate'), '核算');
  await prep.key(page.getByTestId('calc-confirm'), 'Enter', 'confirm the calculation');
  await expect(page.getByTestId('page-results')).toBeVisible(SLOW);
  await expect(page.getByTestId('results-submit')).toBeEnabled(SLOW);
  await screen(page, info, 'w06-results');
  await prep.click(page.getByTestId('results-submit'), '提交审批');
  await prep.key(page.getByTestId('decision-comment'), 'Enter', 'confirm the submission');
  await expect(page.getByTestId('results-status')).toHaveText('已提交', SLOW);
  await screen(page, info, 'w07-results-submitted');

  // ── the approver ──────────────────────────────────────────────────────────────────────────────
  const context = await browser.newContext({ viewport: LAPTOP });
  const wang = await context.newPage();
  await wang.goto(host.url);
  await new SignInPage(wang).signIn('wang', PASS('wang'));
  const appr = new Actions('approver wang');
  // lands on the inbox with the waiting batch open
  await expect(wang.getByTestId('approval-decision')).toBeVisible(SLOW);
  await expect(wang.getByTestId('nav-approval-count')).toHaveText('1');
  await screen(wang, info, 'w08-approver-lands');
  await appr.click(wang.getByTestId('approval-approve'), '同意');
  await appr.key(wang.getByTestId('decision-comment'), 'Enter', 'confirm the approval');
  await expect(wang.getByTestId('approval-cannot-sign')).toContainText('第 2 级', SLOW);
  await screen(wang, info, 'w09-approver-decided');

  const summary = `${prep.report()}\n${appr.report()}`;
  console.log(`\n── month-end action counts ──\n${summary}\n`);
  await info.attach('action-counts.txt', { body: summary, contentType: 'text/plain' });
  expect(prep.count).toBeLessThanOrEqual(15);
  expect(appr.count).toBeLessThanOrEqual(3);
  await context.close();

  // ── every screen fits: no horizontal scroll of the page, at both laptop sizes ────────────────────
  const overflow: string[] = [];
  for (const size of [LAPTOP, SCALED]) {
    await page.setViewportSize(size);
    for (const section of ['overview', 'import', 'distributors', 'policies', 'results', 'approval', 'export', 'audit', 'settings']) {
      await page.getByTestId(`nav-${section}`).click();
      await expect(page.getByTestId(`page-${section}`)).toBeVisible(SLOW);
      await page.waitForTimeout(600);
      const [sw, cw, csw, ccw] = (await page.evaluate(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector(".app-content").scrollWidth, document.querySelector(".app-content").clientWidth]',
      )) as number[];
      if (sw! > cw! || csw! > ccw!) overflow.push(`${section} at ${size.width}×${size.height}: page ${sw}/${cw}, content ${csw}/${ccw}`);
      await screen(page, info, `fit-${size.width}-${section}`);
    }
  }
  expect(overflow, overflow.join('\n')).toEqual([]);
});
