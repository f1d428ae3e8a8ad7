import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, shot, test } from './fixtures';
import { SetupPage, ShellPage } from './pages';

test('设置 → 关于 shows version, database and schema; 导出诊断信息 downloads the support zip', async ({ page, host }) => {
  await page.goto(host.url);
  await new SetupPage(page).createAdmin('admin', 'admin-pass-1', '管理员');
  await new ShellPage(page).open('settings');
  await page.getByRole('tab', { name: '关于' }).click();
  await expect(page.getByTestId('about-db-path')).toContainText(host.dbPath);
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.getByTestId('about-schema')).toHaveText(/^\d+$/);
  await shot(page, '90-settings-about');
  const download = page.waitForEvent('download');
  await page.getByTestId('about-diagnostics').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^返利台诊断信息-.*\.zip$/);
  const file = path.join(host.dir, 'diagnostics.zip');
  await saved.saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['about.json', 'settings.json', 'database/integrity-check.txt']));
  expect(await zip.file('database/integrity-check.txt')?.async('string')).toBe('ok\n');
  expect(await zip.file('about.json')?.async('string')).not.toContain('admin-pass-1');
});
