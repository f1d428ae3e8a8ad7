import { statSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, expect, shot, test } from './fixtures';
import { seedDemoMonth } from './month-seed';
import { SetupPage } from './pages';

/*
 * Every export shows its progress and can be cancelled (issue 15): a month of 3,000 distributors,
 * the statements cancelled while they are written (nothing downloaded, the screen says so), then the
 * approval workbook written whole with its rows counted up to the total.
 */

const SLOW = { timeout: 180_000 };

test('导出: progress while a file is written, 取消导出 leaves nothing, an uncancelled export is downloaded whole', async ({ page, host }) => {
  test.setTimeout(600_000);
  page.setDefaultTimeout(60_000);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
  seedDemoMonth(host, { period: '2026-01', distributors: 3000, purchaseRows: 6000, kinds: ['purchases', 'returns', 'promotions', 'claims'] });
  let downloads = 0;
  page.on('download', () => downloads++);

  await page.evaluate(`location.hash = '#/export'`);
  await expect(page.getByTestId('export-status')).toBeVisible(SLOW);
  // statements, a workbook each: cancelled while being written
  await page.getByTestId('export-statements').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect(page.getByTestId('export-progress-count')).toContainText(/已写入 [\d,]+ \/ 2,9\d\d 行/, SLOW);
  await page.getByTestId('export-cancel').click();
  await expect(page.getByText('导出已取消，没有留下任何文件。')).toBeVisible(SLOW);
  await expect(page.getByTestId('export-progress')).toBeHidden();
  expect(downloads).toBe(0);

  // the approval workbook: counted to the end (two reads of 3,000 rows), then downloaded
  const event = page.waitForEvent('download', SLOW);
  await page.getByTestId('export-approval').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await shot(page, 'export-progress');
  const d = await event;
  const file = path.join(host.dir, 'approval.xlsx');
  await d.saveAs(file);
  expect(statSync(file).size).toBeGreaterThan(100_000);
  await expect(page.getByTestId('export-progress')).toBeHidden();
  expect(downloads).toBe(1);
});
