import { expect, shot, test } from './fixtures';
import { SetupPage, ShellPage, SignInPage } from './pages';

const SECTIONS: [string, string, string][] = [
  ['overview', '期间总览', 'Periods'],
  ['import', '导入', 'Import'],
  ['distributors', '经销商', 'Distributors'],
  ['policies', '返利政策', 'Policies'],
  ['results', '核算结果', 'Results'],
  ['approval', '审批', 'Approval'],
  ['export', '导出', 'Export'],
  ['audit', '审计日志', 'Audit log'],
  ['settings', '设置', 'Settings'],
];

test('first start: create the admin, see every section, switch language, sign out and back in', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('欢迎使用返利台')).toBeVisible();
  await shot(page, '01-first-start-setup');
  await new SetupPage(page).createAdmin('chen', 'chen-pass-1', '陈静');

  const shell = new ShellPage(page);
  await expect(shell.user()).toContainText('陈静');
  await expect(shell.user()).toContainText('管理员');
  await expect(page.getByTestId('db-path')).toContainText(host.dbPath);

  for (const [key, zh] of SECTIONS) {
    await shell.open(key);
    await expect(shell.heading()).toHaveText(zh);
    await expect(page.getByTestId(`page-${key}`)).toBeVisible();
    await shot(page, `02-section-${key}`);
  }

  await shell.language('English');
  for (const [key, , en] of SECTIONS) {
    await shell.open(key);
    await expect(shell.heading()).toHaveText(en);
  }
  await shell.open('overview');
  await expect(page.getByTestId('overview-empty')).toContainText('No period has data yet');
  await shot(page, '03-english-overview');

  // the language survives a reload
  await page.reload();
  await expect(shell.heading()).toHaveText('Periods');
  await shell.language('中文');

  await shell.signOut();
  const signIn = new SignInPage(page);
  await signIn.signIn('chen', 'wrong-password');
  await expect(signIn.error()).toHaveText('用户名或密码错误。');
  await shot(page, '04-sign-in-error');
  await signIn.signIn('chen', 'chen-pass-1');
  await expect(shell.user()).toContainText('陈静');
});

test('audit log lists the changes and verifies the hash chain; settings add a user and a backup', async ({ page, host }) => {
  await page.goto(host.url);
  await new SetupPage(page).createAdmin('admin', 'admin-pass-1');
  const shell = new ShellPage(page);

  await shell.open('settings');
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByTestId('user-add').click();
  await page.getByTestId('new-user-name').fill('wang');
  await page.getByTestId('new-user-display').fill('王经理');
  await page.getByTestId('new-user-password').fill('wang-pass-1');
  await page.getByRole('checkbox', { name: '审批人' }).check();
  await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
  await expect(page.getByTestId('users-grid')).toContainText('王经理');
  await shot(page, '05-settings-users');

  await page.getByRole('tab', { name: '备份' }).click();
  await page.getByTestId('backup-create').click();
  await expect(page.getByText(/已创建备份/)).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  await shot(page, '06-settings-backups');

  await shell.open('audit');
  await expect(page.getByTestId('page-audit')).toContainText('添加用户');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计日志完整：2 条记录');
  await shot(page, '07-audit-log');

  // an approver without the auditor role sees a clear refusal, not the log
  await shell.signOut();
  await new SignInPage(page).signIn('wang', 'wang-pass-1');
  await shell.open('audit');
  await expect(page.getByTestId('page-audit')).toContainText('没有执行此操作所需的角色');
});
