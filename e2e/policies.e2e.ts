import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_POLICY } from '../formulas';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { expect, shot, test, type WebHostProcess } from './fixtures';
import { PoliciesPage } from './policies-page';
import { SetupPage, ShellPage } from './pages';

const NATIONAL = {
  format: 'rebate-policy/1',
  code: 'NATIONAL-2026',
  name: '全国通用返利政策 2026',
  priority: 1,
  effective_from: '2026-01',
  parameters: { rate_by_grade: { A: 0.015, B: 0.01, C: 0.008, D: 0.005 } },
  formulas: [{ name: 'rebate', label: '返利金额', expr: 'net * lookup(grade, rate_by_grade, 0)' }],
};

/** Master data and a month of purchases through the CLI on the host's database; the policy files to import. */
async function seed(host: WebHostProcess): Promise<string[]> {
  const cli = (...args: string[]): string =>
    execFileSync(process.execPath, ['out/node/cli.mjs', ...args, '--db', host.dbPath, '--user', 'zhou', '--password', 'zhou-pass-1'], { encoding: 'utf8' });
  const D = (code: string, name: string, region: string, grade: string) => [code, name, region, '江苏', '南京', grade, '启用'];
  const distributors = await writeWorkbook(host.dir, 'distributors.xlsx', [
    { name: '档案', header: DISTRIBUTOR_HEADER, rows: [D('D001', '华光商贸', '华东', 'A'), D('D002', '江南食品', '华东', 'B'), D('D003', '苏浙粮油', '华东', 'C'), D('D004', '南方食品', '华南', 'A')] },
  ]);
  const line = (doc: string, code: string, amount: number) => [doc, 1, '2026-01-10', code, '', 'SKU1', '酱油', 1, amount, amount];
  const purchases = await writeWorkbook(host.dir, 'purchases.xlsx', [
    { name: '进货', header: PURCHASE_HEADER, rows: [line('XS1', 'D001', 200000), line('XS2', 'D002', 600000), line('XS3', 'D003', 1200000), line('XS4', 'D004', 50000)] },
  ]);
  cli('import', 'distributors', distributors);
  cli('import', 'purchases', purchases, '--period', '2026-01');
  const east = path.join(host.dir, 'east.json');
  writeFileSync(east, JSON.stringify({ ...EXAMPLE_POLICY, parameter_labels: { grade_factor: '等级系数' } }, null, 2));
  const national = path.join(host.dir, 'national.json');
  writeFileSync(national, JSON.stringify(NATIONAL, null, 2));
  return [east, national];
}

test('edit a weight and a formula, see the what-if preview change, trace a distributor, save with a comment, see the diff', async ({ page, host }) => {
  // seeding through the real CLI costs a few seconds per command (password hashing at sign-in)
  test.setTimeout(180_000);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin('zhou', 'zhou-pass-1', '周敏');
  const files = await seed(host);
  const shell = new ShellPage(page);
  await shell.open('policies');
  const p = new PoliciesPage(page);
  await expect(page.getByTestId('page-policies')).toContainText('还没有返利政策');
  for (const f of files) await p.importFile(f);

  await expect(p.item('EAST-2026')).toContainText('华东区 2026 年经销商返利政策');
  await expect(p.item('NATIONAL-2026')).toContainText('优先级 1');
  await expect(p.title()).toHaveText('全国通用返利政策 2026');
  await p.item('EAST-2026').click();
  await expect(p.title()).toHaveText('华东区 2026 年经销商返利政策');
  await expect(p.validity()).toHaveText(/校验通过/);
  // D001 2,400 + D002 12,000 + D003 28,800 (EAST) and D004 750 (NATIONAL)
  await expect(p.previewAfter()).toContainText('43,950.00');
  await expect(p.previewDifference()).toContainText('0.00');
  // a parameter by its label from the file, the code beside it; an unlabelled one by its code
  await expect(p.paramCell('grade_factor', 'A', 'label')).toHaveText('等级系数 grade_factor');
  await expect(p.paramCell('grade_factor', 'B', 'label')).toHaveText('');
  await expect(p.paramCell('cap', null, 'label')).toHaveText('cap');
  await shot(page, '30-policies-loaded');
  await p.setParameter('cap', null, '返利封顶', 'label');
  await expect(p.paramCell('cap', null, 'label')).toHaveText('返利封顶 cap');

  // a weight from 100% to 150% — a cell, no formula editing
  await p.setParameter('grade_factor', 'B', '150%');
  await expect(page.getByTestId('params-grid').locator('.ag-row[row-id="grade_factor/B"]')).toContainText('1.5');
  await expect(p.previewDifference()).toContainText('+6,000.00');
  await expect(p.previewGrid()).toContainText('江南食品');
  await expect(page.getByTestId('policy-dirty')).toBeVisible();

  // a formula: an unknown name is underlined and blocks the preview, then the fix updates it
  await p.appendToFormula('rebate', ' + bonus_x');
  await expect(p.validity()).toHaveText(/1 个问题/);
  await expect(page.getByTestId('formula-rebate-editor').locator('.cm-lintRange-error')).toBeVisible();
  await expect(page.getByTestId('formula-rebate')).toContainText('未知的名称「bonus_x」');
  await expect(page.getByTestId('policy-save')).toBeDisabled();
  await shot(page, '31-policies-formula-error');
  for (let i = 0; i < ' + bonus_x'.length; i++) await page.keyboard.press('Backspace');
  await p.appendToFormula('rebate', ' + 100');
  await expect(p.validity()).toHaveText(/校验通过/);
  await expect(p.previewDifference()).toContainText('+6,300.00');
  await expect(p.previewAfter()).toContainText('50,250.00');
  await shot(page, '32-policies-preview-changed');

  // autocomplete offers the Chinese labels
  await p.appendToFormula('penalty', ' + 净进');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('净进货额');
  await page.keyboard.press('Escape');
  for (let i = 0; i < ' + 净进'.length; i++) await page.keyboard.press('Backspace');
  await expect(p.validity()).toHaveText(/校验通过/);

  // one distributor's trace with the draft
  await p.previewGrid().getByText('江南食品').click();
  await expect(page.getByTestId('trace-rebate')).toHaveText('18,100.00');
  await expect(page.getByTestId('trace-steps')).toContainText('18,100');
  await expect(page.getByTestId('trace-steps')).toContainText('min(cap, max(0, base_rebate + promo_bonus - penalty)) + 100');
  await expect(page.getByTestId('trace-parameters').locator('tr', { hasText: 'grade_factor' })).toContainText('等级系数 grade_factor');
  await expect(page.getByTestId('trace-parameters').locator('tr', { hasText: 'grade_factor' })).toContainText('A: 1.2, B: 1.5, C: 0.8, D: 0.5');
  await expect(page.getByTestId('trace-parameters')).toContainText('返利封顶 cap');
  await shot(page, '33-policies-trace');
  await page.keyboard.press('Escape');

  await p.save('B 级系数 100% → 150%，返利每户加 100 元');
  await expect(p.item('EAST-2026')).toContainText('v2');
  await expect(p.previewDifference()).toContainText('0.00');

  await page.getByTestId('policy-history').click();
  const diff = page.getByTestId('policy-diff');
  await expect(diff).toContainText('grade_factor.B');
  await expect(diff).toContainText('− 1');
  await expect(diff).toContainText('+ 1.5');
  await expect(diff).toContainText('+ min(cap, max(0, base_rebate + promo_bonus - penalty)) + 100');
  await expect(diff).toContainText('参数名称');
  await expect(diff).toContainText('返利封顶');
  await expect(page.getByTestId('history-drawer')).toContainText('B 级系数 100% → 150%');
  await shot(page, '34-policies-history');
  await page.keyboard.press('Escape');

  await shell.language('English');
  await expect(p.validity()).toHaveText(/Valid/);
  await expect(page.getByTestId('policy-preview')).toContainText('Total after (CNY)');
  await shot(page, '35-policies-english');
});
