import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { expect, shot, test, type WebHostProcess, ADMIN, addUser, cli } from './fixtures';
import { SetupPage, ShellPage } from './pages';


/*
 * By hand (rebate = 1% of net): balances D001 5,000.00, D002 800.00, D003 300.00.
 * January: purchases D001 300,000.00, D002 100,000.00 → accrued 3,000.00 and 1,000.00.
 * Settlements: D001 票折 2,000.00 + 货补 500.00; D002 冲应收 2,500.00 (overdrawn); D003 none.
 *   D001 5,000 + 3,000 − 2,500 = 5,500.00 · D002 800 + 1,000 − 2,500 = −700.00 · D003 300.00
 *   totals: opening 6,100.00, accrued 4,000.00, used 5,000.00, closing 5,100.00
 * February (open): a write-off of D003 −300.00 made on the screen → D003 closes at 0.00.
 */
async function seed(host: WebHostProcess): Promise<void> {
  const admin = (...args: string[]): string => cli(host, ADMIN.name, ADMIN.password, ...args);
  addUser(host, 'wang', 'approver', '王经理');
  const dist = await writeWorkbook(host.dir, 'distributors.xlsx', [
    { name: '档案', header: DISTRIBUTOR_HEADER, rows: [['D001', '华光商贸', '华东', '江苏', '南京', 'A', '启用'], ['D002', '江南食品', '华东', '浙江', '杭州', 'B', '启用'], ['D003', '南方食品', '华南', '广东', '广州', 'A', '启用']] },
  ]);
  const balances = await writeWorkbook(host.dir, 'balances-2026-01.xlsx', [{ name: '期初余额', preamble: [['返利期初余额（截至 2025-12-31）']], header: ['客户编码', '客户名称', '期初返利余额'], rows: [['D001', '华光商贸', 5000], ['D002', '江南食品', 800], ['D003', '南方食品', 300]] }]);
  const line = (doc: string, code: string, amount: number) => [doc, 1, '2026-01-15', code, '', 'SKU1', '酱油', 1, amount, amount];
  const purchases = await writeWorkbook(host.dir, 'purchases-2026-01.xlsx', [{ name: '进货', header: PURCHASE_HEADER, rows: [line('XS1', 'D001', 300000), line('XS2', 'D002', 100000)] }]);
  const settlements = await writeWorkbook(host.dir, 'settlements-2026-01.xlsx', [
    {
      name: '返利核销',
      preamble: [['2026年1月返利兑付明细']],
      header: ['核销单号', '序号', '核销日期', '客户编码', '客户名称', '核销金额', '核销方式', '备注'],
      rows: [
        ['HX001', 1, '2026-01-08', 'D001', '华光商贸', 2000, '票折', '1月订单抵扣'],
        ['HX001', 2, '2026-01-08', 'D001', '华光商贸', 500, '货补', null],
        ['HX002', 1, '2026-01-20', 'D002', '江南食品', 2500, '冲应收', '冲抵应收账款'],
      ],
    },
  ]);
  const feb = await writeWorkbook(host.dir, 'settlements-2026-02.xlsx', [{ name: '兑付', header: ['兑付单号', '兑付日期', '客户编码', '兑付金额', '兑付方式'], rows: [['DF1', '2026-02-03', 'D001', 100, 'cash']] }]);
  const policy = path.join(host.dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ format: 'rebate-policy/1', code: 'FLAT', name: '统一 1%', priority: 1, effective_from: '2026-01', formulas: [{ name: 'rebate', label: '返利金额', expr: 'net * 0.01' }] }));
  const chain = path.join(host.dir, 'chain.json');
  writeFileSync(chain, JSON.stringify({ levels: [{ name: '财务经理审批', approvers: ['wang'], min_total: null }] }));
  admin('import', 'distributors', dist);
  admin('import', 'balances', balances, '--period', '2026-01');
  admin('import', 'purchases', purchases, '--period', '2026-01');
  admin('import', 'settlements', settlements, '--period', '2026-01');
  admin('import', 'settlements', feb, '--period', '2026-02');
  admin('policy', 'import', policy);
  admin('chain', 'set', chain);
  admin('calc', '--period', '2026-01');
  admin('submit', '--period', '2026-01');
  expect(cli(host, 'wang', 'wang-pass-1', 'approve', '--period', '2026-01', '--json')).toContain('"approved"');
}

test('返利台账: the ledger with exact totals, drill-down to the rows, findings, a write-off with a reason, history', async ({ page, host }) => {
  test.setTimeout(600_000);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
  await seed(host);

  await new ShellPage(page).open('ledger');
  await expect(page).toHaveURL(/#\/ledger\/2026-02$/);
  await page.getByTestId('ledger-period').click();
  await page.getByTitle('2026-01', { exact: true }).click();
  await expect(page).toHaveURL(/#\/ledger\/2026-01$/);
  await expect(page.getByTestId('ledger-state')).toHaveText('已审批（期末余额为定数）');
  const grid = page.getByTestId('ledger-grid');
  const totals = {
    locator: (cell: string) => grid.locator(`[row-id="totals"] ${cell}`),
  };
  await expect(totals.locator('[col-id="opening"]')).toHaveText('6,100.00');
  await expect(totals.locator('[col-id="accrued"]')).toHaveText('4,000.00');
  await expect(totals.locator('[col-id="used"]')).toHaveText('5,000.00');
  await expect(totals.locator('[col-id="closing"]')).toHaveText('5,100.00');
  await expect(grid.locator('[row-id="D002"] [col-id="findings"]')).toHaveText('返利透支');
  await shot(page, '80-ledger');

  // the totals follow the filter, exactly
  await page.getByTestId('ledger-search').locator('input').fill('华光');
  await expect(page.getByTestId('ledger-count')).toContainText('显示 1 / 3 家');
  await expect(totals.locator('[col-id="closing"]')).toHaveText('5,500.00');
  await page.getByTestId('ledger-search').locator('input').fill('');

  // drill-down: D001's used figure → the settlement rows with file, sheet and row; the approved batch row
  await grid.locator('[row-id="D001"] [col-id="used"]').click();
  const drawer = page.getByTestId('ledger-drawer');
  await expect(drawer.getByTestId('ledger-detail-settlements')).toContainText('settlements-2026-01.xlsx / 返利核销 / 3');
  await expect(drawer.getByTestId('ledger-detail-settlements')).toContainText('货补');
  await expect(drawer.getByTestId('ledger-detail-batch')).toContainText('3,000.00');
  await expect(drawer.getByTestId('ledger-detail-summary')).toContainText('balances-2026-01.xlsx');
  await shot(page, '81-ledger-drilldown');
  // the accrued figure's calculation, in the same trace drawer as 核算结果: 300,000.00 × 1% = 3,000.00
  await drawer.getByTestId('ledger-open-trace').click();
  const trace = page.getByTestId('ledger-trace');
  await expect(trace.getByTestId('ledger-trace-final')).toHaveText('3,000.00');
  await expect(trace.getByTestId('ledger-trace-formulas')).toContainText('net * 0.01');
  await expect(trace.getByTestId('ledger-trace-sources')).toContainText('XS1');
  await shot(page, '81b-ledger-trace');
  await page.keyboard.press('Escape');
  await expect(trace).toBeHidden();
  await page.keyboard.press('Escape');

  // findings
  await page.getByTestId('ledger-findings-tab').click();
  await expect(page.getByTestId('ledger-findings')).toContainText('-700.00');
  await page.getByRole('tab', { name: '台账' }).click();

  // January is closed: no adjustments; February is open: write off D003's balance with a reason
  await expect(page.getByTestId('ledger-adjust')).toBeDisabled();
  await page.getByTestId('ledger-period').click();
  await page.getByTitle('2026-02', { exact: true }).click();
  await expect(page.getByTestId('ledger-state')).toHaveText('未审批（临时数）');
  await page.getByTestId('ledger-adjust').click();
  await page.getByTestId('ledger-adjust-code').click();
  await page.getByTitle('D003 南方食品').click();
  await page.getByTestId('ledger-adjust-amount').fill('-300.00');
  await page.getByTestId('ledger-adjust-reason').fill('返利逾期未使用，按政策核销');
  await page.getByTestId('ledger-adjust-save').click();
  await expect(page.getByText('已保存 D003 的台账调整')).toBeVisible({ timeout: 30_000 });
  const d003 = grid.locator('[row-id="D003"]');
  await expect(d003.locator('[col-id="adjusted"]')).toHaveText('-300.00');
  await expect(grid.locator('[row-id="D003"] [col-id="closing"]')).toHaveText('0.00');
  await d003.locator('[col-id="adjusted"]').click();
  await expect(drawer.getByTestId('ledger-detail-adjustments')).toContainText('返利逾期未使用，按政策核销');
  await drawer.getByRole('tab', { name: '历史' }).click();
  await expect(drawer.getByTestId('ledger-history')).toContainText('2026-01');
  await expect(drawer.getByTestId('ledger-history')).toContainText('2026-02');
  await shot(page, '82-ledger-history');
  await page.keyboard.press('Escape');

  // 设置: a dormant balance after 1 period instead of 6 → January's D003 (300.00, no settlement) is flagged
  await new ShellPage(page).open('settings');
  const dormant = page.getByTestId('settings-dormant');
  await expect(dormant).toHaveValue('6');
  await dormant.fill('1');
  // 公司信息, printed at the top of every statement
  await page.getByTestId('settings-company-name').fill('示例食品有限公司');
  await page.getByTestId('settings-company-address').fill('浙江省杭州市西湖区文三路 100 号');
  await page.getByTestId('settings-company-bank').fill('中国工商银行杭州文三路支行 1202 0212 0900 1234 567');
  await shot(page, '83-settings-dormant');
  await page.getByRole('button', { name: /保\s*存/ }).first().click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  const book = path.join(host.dir, 'statements.xlsx');
  cli(host, ADMIN.name, ADMIN.password, 'export', 'statements', '--period', '2026-01', '--out', book, '--one-workbook');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const first = wb.worksheets[0]!;
  expect([1, 2, 3].map((r) => first.getCell(`A${r}`).value)).toEqual(['示例食品有限公司 经销商返利对账单', '地址：浙江省杭州市西湖区文三路 100 号', '开户行及账号：中国工商银行杭州文三路支行 1202 0212 0900 1234 567']);
  await new ShellPage(page).open('ledger');
  await page.getByTestId('ledger-period').click();
  await page.getByTitle('2026-01', { exact: true }).click();
  await page.getByTestId('ledger-findings-tab').click();
  await expect(page.getByTestId('ledger-findings')).toContainText('余额长期未使用');
  await expect(page.getByTestId('ledger-page')).toContainText('余额连续 1 个账期未兑付即提示');
});
