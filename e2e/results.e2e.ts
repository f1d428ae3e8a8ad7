import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE_POLICY } from '../formulas';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { expect, shot, test } from './fixtures';
import { ImportPage, SetupPage, ShellPage } from './pages';
import { OverviewPage, ResultsPage } from './results-page';

const ADMIN = 'li';
const PASSWORD = 'li-pass-123';

/*
 * The month, by hand, with EAST-2026 (华东, grades A–C; formulas.md's example):
 *   D001 华光商贸 华东 A: net 120,000.25 + 80,000.10 = 200,000.35 → base_rate 0.01 (ladder ≥100,000)
 *        base_rebate = 200,000.35 × 0.01 × 1.2 = 2,400.0042 → rebate 2,400.00
 *   D002 江南食品 华东 B: net 600,000.50 → base_rate 0.02; 600,000.50 × 0.02 × 1.0 = 12,000.01
 *   D003 南方食品 华南 A: no policy covers 华南 → an exception, no rebate
 *   total 2,400.00 + 12,000.01 = 14,400.01; after adjusting D002 by −0.02: 14,399.99
 */
test('overview → calculate → results, trace, adjustment with exact totals, reconciliation', async ({ page, host }) => {
  // sign-up, a worker-thread import, the CLI (slow password hash) and a calculation with its backup:
  // about a minute on an idle machine, three on a loaded CI box
  test.setTimeout(240_000);
  const dist = await writeWorkbook(host.dir, '经销商档案.xlsx', [
    {
      name: '档案',
      header: DISTRIBUTOR_HEADER,
      rows: [
        ['D001', '华光商贸', '华东', '江苏', '南京', 'A', '启用'],
        ['D002', '江南食品', '华东', '浙江', '杭州', 'B', '启用'],
        ['D003', '南方食品', '华南', '广东', '广州', 'A', '启用'],
      ],
    },
  ]);
  const line = (doc: string, day: number, code: string, amount: number) => [doc, 1, new Date(Date.UTC(2026, 0, day)), code, '', 'SKU1', '酱油', 1, amount, amount];
  const purchases = await writeWorkbook(host.dir, '进货-2026-01.xlsx', [
    { name: '进货', header: PURCHASE_HEADER, rows: [line('XS1', 5, 'D001', 120000.25), line('XS2', 12, 'D001', 80000.1), line('XS3', 8, 'D002', 600000.5), line('XS4', 9, 'D003', 50000)] },
  ]);

  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN, PASSWORD, '李会计');
  const shell = new ShellPage(page);

  // a fresh database: the overview explains the first step and offers it
  await expect(page.getByTestId('overview-empty')).toContainText('还没有任何账期的数据');
  await shot(page, '40-overview-empty');
  await page.getByTestId('overview-go-import').click();
  await expect(shell.heading()).toHaveText('导入');

  const imp = new ImportPage(page);
  await imp.choosePeriod('2026-01');
  await imp.addFiles([dist, purchases]);
  await imp.next();
  await imp.toValidate();
  await expect(page.getByTestId('validate-purchases')).toContainText('0 个错误');
  await page.getByTestId('import-store').click();
  await expect(page.getByTestId('import-done')).toContainText('导入完成');

  // the policy through the CLI on the same database (the browser has no policy import step here)
  const policy = path.join(host.dir, 'east.json');
  writeFileSync(policy, JSON.stringify({ ...EXAMPLE_POLICY, parameter_labels: { promo_bonus_rate: '促销奖励比例' } }, null, 2));
  execFileSync(process.execPath, ['bin/rebate.mjs', 'policy', 'import', policy, '--db', host.dbPath, '--user', ADMIN, '--password', PASSWORD], { encoding: 'utf8' });

  await shell.open('overview');
  const overview = new OverviewPage(page);
  await expect(overview.step('import', '2026-01')).toContainText('进货：1 个文件 · 4 行');
  await expect(overview.step('import', '2026-01')).toContainText('850,000.85');
  await expect(overview.next('2026-01')).toHaveText('开始核算');
  await shot(page, '41-overview-ready');

  await overview.next('2026-01').click();
  await expect(page.getByRole('dialog')).toContainText('核算 2026-01？');
  // the calculation runs as a job with progress and 取消核算: its first poll is held back a moment
  // so the dialog can be seen (and photographed) before the month's three distributors are done
  let held = false;
  let release = (): void => undefined;
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/api/invoke', async (route) => {
    const op = (route.request().postDataJSON() as { op?: string } | null)?.op;
    if (op === 'batch.calculateJob' && !held) {
      held = true;
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
      release();
      return;
    }
    await route.continue();
  });
  await page.getByTestId('calc-confirm').click();
  await expect(page.getByTestId('calc-progress')).toContainText('正在核算 2026-01');
  await expect(page.getByTestId('calc-cancel')).toHaveText('取消核算');
  await page.waitForTimeout(500); // the confirmation's closing animation
  await shot(page, 'results-calc-progress');
  await released;
  await page.unroute('**/api/invoke');

  // the results of the month open by themselves
  await expect(page).toHaveURL(/#\/results\/2026-01$/);
  const results = new ResultsPage(page);
  await expect(results.summaryTotal()).toContainText('14,400.01');
  await expect(page.getByTestId('summary-distributors')).toContainText('3');
  await expect(page.getByTestId('summary-exceptions')).toContainText('1');
  await expect(page.getByTestId('summary-change')).toContainText('首次核算');
  await expect(results.cell('D002', 'final')).toHaveText('12,000.01');
  await results.reveal('rebate');
  await expect(results.cell('D001', 'rebate')).toHaveText('2,400.00');
  // a formula value rounded to its kind (money to the cent); the exact value stays in the data and on hover
  await results.reveal('f:base_rebate');
  await expect(results.cell('D001', 'f:base_rebate')).toHaveText('2,400.00');
  await results.reveal('return_rate');
  await expect(results.cell('D001', 'return_rate')).toHaveText('0.00%');
  await results.reveal('exception');
  await expect(results.cell('D003', 'exception')).toContainText('华南');
  await expect(results.total('code')).toHaveText('合计');
  await expect(results.total('name')).toHaveText('3 家');
  await expect(results.total('final')).toHaveText('14,400.01');
  await results.reveal('purchase');
  await expect(results.total('purchase')).toHaveText('850,000.85');
  await shot(page, '42-results');

  // the trace of D001: each formula's value, and the two purchase rows behind it
  await results.cell('D001', 'name').click();
  const drawer = page.getByTestId('trace-drawer');
  await expect(drawer).toContainText('D001 华光商贸 · 2026-01');
  const formulas = drawer.getByTestId('trace-formulas');
  // values shown rounded to their kind (money to the cent, a rate as a percentage); the exact value on hover
  const baseRebate = formulas.getByRole('row', { name: /基础返利\s*base_rebate/ });
  await expect(baseRebate).toContainText('2,400.00');
  await expect(baseRebate).not.toContainText('2,400.0042');
  await expect(baseRebate.locator('[title="2400.0042"]')).toHaveCount(1);
  await expect(formulas.getByRole('row', { name: /基础返利率/ })).toContainText('1.00%');
  // the policy's parameters: the label from the file with the code beside it, an unlabelled one by its code
  const parameters = drawer.getByTestId('trace-parameters');
  await expect(parameters.getByRole('row', { name: /促销奖励比例 promo_bonus_rate/ })).toContainText('0.005');
  await expect(parameters.getByRole('row', { name: /^cap/ })).toContainText('200000');
  const sources = drawer.getByTestId('trace-sources');
  await expect(sources.getByRole('row', { name: /XS1/ })).toContainText('进货-2026-01.xlsx');
  await expect(sources.getByRole('row', { name: /XS1/ })).toContainText('120,000.25');
  await expect(sources.getByRole('row', { name: /XS1/ })).toContainText('2026-01-05');
  await expect(sources).toContainText('200,000.35');
  await shot(page, '43-trace');
  await sources.scrollIntoViewIfNeeded();
  await shot(page, '43b-trace-sources');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // an adjustment with its reason: the row, the totals row and the batch total move by exactly −0.02
  await results.openAdjust('D002');
  await page.getByTestId('adjust-amount').fill('-0.02');
  await page.getByTestId('adjust-reason').fill('扣减样品费');
  await page.getByTestId('adjust-note').fill('扣回样品费');
  await expect(page.getByTestId('adjust-preview')).toHaveText('11,999.99');
  await shot(page, '44a-adjust-dialog');
  await page.getByRole('button', { name: '保存调整' }).click();
  await expect(results.cell('D002', 'adjustment')).toHaveText('-0.02');
  await expect(results.cell('D002', 'adjustment')).toHaveClass(/num-negative/);
  await results.reveal('reason');
  await expect(results.cell('D002', 'reason')).toHaveText('扣减样品费');
  await expect(results.cell('D002', 'final')).toHaveText('11,999.99');
  await expect(results.total('final')).toHaveText('14,399.99');
  await results.reveal('adjustment');
  await expect(results.total('adjustment')).toHaveText('-0.02');
  await expect(results.summaryTotal()).toContainText('14,399.99');
  await shot(page, '44-adjusted');
  // the note for the distributor is kept with the adjustment (its statement prints it, not the reason)
  await results.openAdjust('D002');
  await expect(page.getByTestId('adjust-note')).toHaveValue('扣回样品费');
  await expect(page.getByTestId('adjust-reason')).toHaveValue('扣减样品费');
  await page.keyboard.press('Escape');

  // the totals row adds up what the filter leaves
  await page.getByTestId('results-search').locator('input').fill('D001');
  await expect(results.total('name')).toHaveText('1 家');
  await expect(results.total('final')).toHaveText('2,400.00');
  await page.getByTestId('results-search').locator('input').fill('');
  await expect(results.total('final')).toHaveText('14,399.99');

  await results.tab('按大区');
  await expect(page.getByTestId('group-region')).toContainText('华东');
  await expect(page.getByTestId('group-region')).toContainText('14,399.99');
  await shot(page, '45-by-region');
  await results.tab('异常（1）');
  await expect(page.getByTestId('exceptions-grid')).toContainText('南方食品');
  await expect(page.getByTestId('exceptions-grid')).toContainText('无适用政策');
  await shot(page, '46-exceptions');
  await results.tab('对账');
  await expect(page.getByTestId('reconcile-summary')).toContainText('一致 0');
  await expect(page.getByTestId('reconcile-no-claims')).toBeVisible();
  await shot(page, '47-reconcile');

  // back on the overview the month waits for review (it has an exception)
  await shell.open('overview');
  await expect(overview.step('calculate', '2026-01')).toContainText('14,399.99');
  await expect(overview.next('2026-01')).toHaveText('复核结果');
  await shot(page, '48-overview-calculated');
});
