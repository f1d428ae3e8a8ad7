import { expect, shot, test } from './fixtures';
import { SetupPage } from './pages';

// UTC month before now: the period the demo loads by default.
function previousMonth(): string {
  const d = new Date();
  const p = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${p.getUTCFullYear()}-${String(p.getUTCMonth() + 1).padStart(2, '0')}`;
}

test('first run: create the admin with demo data, land on a month ready to calculate, calculate it', async ({ page, host }) => {
  void host;
  await page.goto(host.url);
  await new SetupPage(page).createAdmin('admin', 'admin-pass-1', '管理员', { demo: true });
  const period = previousMonth();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog.locator('.ant-modal-confirm-title')).toHaveText(`演示数据已加载：${period} 可以核算了`, { timeout: 180_000 });
  await expect(dialog).toContainText('demo-1234');
  await shot(page, '80-first-run-demo-loaded');
  await dialog.getByRole('button').click();
  await expect(page.getByTestId(`period-next-${period}`)).toHaveText('开始核算');
  await expect(page.getByTestId(`step-import-${period}`)).toContainText('进货');
  await shot(page, '81-first-run-overview');
  await page.getByTestId(`period-next-${period}`).click();
  await page.getByRole('button', { name: /开始核算|确定|确 定/ }).last().click();
  await expect(page.getByTestId('page-results')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('results-count')).toContainText('家', { timeout: 60_000 });
  await shot(page, '82-first-run-results');
  // the demo month has opening balances and a month of settlements: the newcomer sees the ledger filled
  await page.evaluate(`location.hash = '#/ledger/${period}'`);
  await expect(page.getByTestId('ledger-provisional')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ledger-findings-tab')).toContainText('1');
  await shot(page, '83-first-run-ledger');
});
