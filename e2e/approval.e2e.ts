import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { ApprovalPage } from './approval-page';
import { expect, shot, test, type WebHostProcess, ADMIN, addUser, cli } from './fixtures';
import { SetupPage, ShellPage } from './pages';
import { PEOPLE, distributor, NATIONAL_POLICY, PASS, purchase, threeLevelChain } from './month-seed';

/** a decision takes a backup first and reloads the view: allow for a busy machine */
const AFTER_DECISION = { timeout: 30_000 };

/** Three levels; the CFO's only from ¥100,000 — February reaches it, January (68,000.00) does not. */
const CHAIN = threeLevelChain('100000');

/**
 * The decision view scrolls inside the app's content area, so a full-page screenshot shows only the
 * window: grow the window to the content's height for the picture, then restore it.
 */
async function tallShot(page: Page, name: string): Promise<void> {
  const height = Number(await page.evaluate('document.querySelector(".app-content")?.scrollHeight ?? 844'));
  await page.setViewportSize({ width: 1440, height: Math.min(4000, height + 56) });
  await page.waitForTimeout(300); // AG Grid re-lays out its rows on resize
  await shot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * January approved (the month to compare with) and February calculated as a draft:
 * D001 3,200,000 × 2% = 64,000 (+24,000 vs January), D002 1,000,000 × 1.5% = 15,000,
 * D003 1,200,000 × 2% = 24,000 (+14,000), D004 (300,000 − 30,000 return) × 1% = 2,700,
 * D005 grade D: no policy → exception. Total 105,700.00; D002 claims 15,500 (differs by 500).
 */
async function seed(host: WebHostProcess): Promise<void> {
  for (const [name, roles, display] of PEOPLE) addUser(host, name, roles, display);
  const admin = (...args: string[]): string => cli(host, ADMIN.name, ADMIN.password, ...args);
  const as = (name: string, ...args: string[]): string => cli(host, name, PASS(name), ...args);

  const D = distributor;
  const distributors = await writeWorkbook(host.dir, 'distributors.xlsx', [
    { name: '档案', header: DISTRIBUTOR_HEADER, rows: [D('D001', '华光商贸', '华东', 'A'), D('D002', '江南食品', '华东', 'B'), D('D003', '南方食品', '华南', 'A'), D('D004', '北方粮油', '华北', 'C'), D('D005', '西部商行', '西北', 'D')] },
  ]);
  const line = purchase;
  const jan = await writeWorkbook(host.dir, 'purchases-01.xlsx', [
    { name: '进货', header: PURCHASE_HEADER, rows: [line('XS101', '2026-01-15', 'D001', 2000000), line('XS102', '2026-01-15', 'D002', 1000000), line('XS103', '2026-01-15', 'D003', 500000), line('XS104', '2026-01-15', 'D004', 300000)] },
  ]);
  const feb = await writeWorkbook(host.dir, 'purchases-02.xlsx', [
    {
      name: '进货',
      header: PURCHASE_HEADER,
      rows: [line('XS201', '2026-02-10', 'D001', 3200000), line('XS202', '2026-02-10', 'D002', 1000000), line('XS203', '2026-02-12', 'D003', 1200000), line('XS204', '2026-02-12', 'D004', 300000), line('XS205', '2026-02-14', 'D005', 100000)],
    },
  ]);
  const returns = await writeWorkbook(host.dir, 'returns-02.xlsx', [{ name: '退货', header: ['退货单号', '退货日期', '客户编码', '退货金额', '原单号'], rows: [['TH201', '2026-02-20', 'D004', -30000, 'XS-NOPE']] }]);
  const claims = await writeWorkbook(host.dir, 'claims-02.xlsx', [
    { name: '申报', header: ['经销商编码', '经销商名称', '申报返利（元）'], rows: [['D001', '华光商贸', 64000], ['D002', '江南食品', 15500], ['D003', '南方食品', 24000], ['D004', '北方粮油', 2700]] },
  ]);
  const policy = path.join(host.dir, 'policy.json');
  writeFileSync(policy, JSON.stringify(NATIONAL_POLICY, null, 2));
  const chain = path.join(host.dir, 'chain.json');
  writeFileSync(chain, JSON.stringify(CHAIN, null, 2));

  admin('import', 'distributors', distributors);
  admin('import', 'purchases', jan, '--period', '2026-01');
  admin('import', 'purchases', feb, '--period', '2026-02');
  admin('import', 'returns', returns, '--period', '2026-02');
  admin('import', 'claims', claims, '--period', '2026-02');
  admin('policy', 'import', policy);
  admin('chain', 'set', chain);
  // January goes through its two levels on the command line: the month February is compared with
  as('li', 'calc', '--period', '2026-01');
  as('li', 'submit', '--period', '2026-01');
  as('wang', 'approve', '--period', '2026-01');
  expect(as('zhao', 'approve', '--period', '2026-01', '--json')).toContain('"approved"');
  as('li', 'calc', '--period', '2026-02');
}

test('submit, reject with a comment, adjust, resubmit, approve through three levels in three browsers', async ({ browser, page, host }) => {
  // seeding through the real CLI: each command starts Node and hashes a password (seconds on a busy
  // machine; with eight helpers on two cores the seeding alone took eight minutes)
  test.setTimeout(1_500_000);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
  await seed(host);

  // the admin sees the chain the CLI set, in 设置 → 审批流
  await new ShellPage(page).open('settings');
  await page.getByRole('tab', { name: '审批流' }).click();
  await expect(page.getByTestId('chain-name-3')).toHaveValue('财务总监审批');
  await expect(page.getByTestId('chain-min-3')).toHaveValue('100,000.00');
  await expect(page.getByTestId('chain-approvers-2')).toContainText('赵经理');
  await shot(page, '60-settings-chain');
  await page.getByTestId('chain-save').click();
  await expect(page.getByText('审批流已保存')).toBeVisible();

  // the preparer reviews the draft and submits it
  const li = await ApprovalPage.signedIn(browser, host.url, 'li', PASS('li'));
  await li.open();
  await expect(li.page.getByTestId('approval-period')).toContainText('2026-02');
  await expect(li.status()).toHaveText('草稿');
  await expect(li.page.getByTestId('approval-total')).toHaveText('105,700.00');
  await expect(li.inbox()).toContainText('没有等待您审批的批次');
  await tallShot(li.page, '61-preparer-draft');
  await li.page.getByTestId('approval-submit').click();
  await expect(li.page.getByTestId('decision-modal')).toContainText('1 区域经理审核 → 2 财务经理审核 → 3 财务总监审批');
  await li.page.getByTestId('decision-comment').fill('2 月返利已复核，请审批。');
  await shot(li.page, '62-preparer-submit-dialog');
  await li.page.getByTestId('decision-ok').click();
  await expect(li.status()).toHaveText('已提交', AFTER_DECISION);
  await expect(li.bar()).toContainText('本批次由您提交');
  await tallShot(li.page, '63-preparer-submitted');

  // level 1 reviews: figures, changes, issues, a trace — then rejects with a comment
  const wang = await ApprovalPage.signedIn(browser, host.url, 'wang', PASS('wang'));
  // an approver with something waiting lands on the inbox; the menu shows how many wait
  await expect(wang.page.getByTestId('page-approval')).toBeVisible();
  await expect(wang.page.getByTestId('nav-approval-count')).toHaveText('1');
  await wang.open();
  await expect(wang.inbox()).toContainText('第 1 级 · 区域经理审核');
  await expect(wang.inbox()).toContainText('105,700.00');
  // 华东 = D001 64,000 + D002 15,000; the totals row equals the batch total
  await expect(wang.page.getByTestId('approval-by-region')).toContainText(/华东.*79,000\.00.*合计.*105,700\.00/);
  await expect(wang.page.getByTestId('approval-vs-previous')).toContainText('+37,700.00');
  await expect(wang.page.getByTestId('approval-changes')).toContainText('华光商贸');
  await expect(wang.page.getByTestId('approval-changes')).toContainText('+60.0%');
  await expect(wang.page.getByTestId('approval-hash')).toHaveText(/^[0-9a-f]{64}$/);
  await tallShot(wang.page, '64-level1-decision-view');
  await wang.tab('issues');
  await expect(wang.page.getByTestId('approval-exceptions')).toContainText('西部商行');
  await expect(wang.page.getByTestId('approval-claims')).toContainText('江南食品');
  await expect(wang.page.getByTestId('approval-checks')).toContainText('退货率偏高');
  await tallShot(wang.page, '65-level1-issues');
  await wang.tab('rows');
  await wang.page.getByTestId('approval-rows').locator('.ag-row[row-id="D003"]').first().click();
  await expect(wang.page.getByTestId('approval-trace')).toContainText('net * lookup(grade, rate_by_grade, 0)');
  await expect(wang.page.getByTestId('approval-trace-final')).toHaveText('24,000.00');
  await expect(wang.page.getByTestId('approval-trace')).toContainText('XS203');
  await shot(wang.page, '66-level1-trace');
  await wang.page.keyboard.press('Escape');

  await wang.page.getByTestId('approval-reject').click();
  await wang.page.getByTestId('decision-ok').click();
  await expect(wang.page.getByTestId('decision-modal')).toContainText('驳回必须填写意见');
  await shot(wang.page, '67-level1-reject-needs-comment');
  const reason = '南方食品 D003 的 2 月进货中有 100,000 元属于 3 月发货，请扣减对应返利 2,000 元后重新提交。';
  await wang.page.getByTestId('decision-comment').fill(reason);
  await wang.page.getByTestId('decision-ok').click();
  await expect(wang.status()).toHaveText('已驳回', AFTER_DECISION);
  await expect(wang.chain()).toContainText(reason);
  await tallShot(wang.page, '68-level1-rejected');

  // the preparer's open page shows the rejection by itself (it looks again every few seconds)
  await expect(li.status()).toHaveText('已驳回', AFTER_DECISION);
  await expect(li.page.getByTestId('approval-rejection-comment')).toHaveText(reason);
  // ... and so do 期间总览 and 核算结果, with the way to the change
  await new ShellPage(li.page).open('overview');
  await expect(li.page.getByTestId('period-rejection-2026-02')).toContainText('王经理');
  await expect(li.page.getByTestId('period-rejection-2026-02-comment')).toHaveText(reason);
  await li.page.getByTestId('period-fix-2026-02').click();
  await expect(li.page.getByTestId('results-rejection-comment')).toHaveText(reason);
  await expect(li.page.getByTestId('results-submit')).toHaveText(/重新提交审批/);
  await shot(li.page, '69a-preparer-results-rejection');
  // the claim difference is explained and confirmed per distributor; the chips filter the grid
  await li.page.getByTestId('tab-reconcile').click();
  // D002's difference of 500 and D004's two data checks (return rate, unknown original document)
  await expect(li.page.getByTestId('rec-chip-open')).toContainText('待处理 3');
  await li.page.getByTestId('rec-chip-differs').click();
  await expect(li.page.getByTestId('reconcile-claims')).toContainText('江南食品');
  await expect(li.page.getByTestId('reconcile-claims')).not.toContainText('华光商贸');
  await li.page.getByTestId('note-edit-D002').click();
  await li.page.getByTestId('note-text').fill('申报含 3 月促销返利 500 元，下月结算');
  await li.page.getByTestId('note-confirmed').click();
  await li.page.getByTestId('note-text').press('Enter');
  await expect(li.page.getByTestId('reconcile-claims')).toContainText('李会计');
  await expect(li.page.getByTestId('rec-chip-open')).toContainText('待处理 2');
  await shot(li.page, '69b-preparer-reconcile-note');

  // the preparer sees the comment, adjusts (CLI), and submits again
  await li.open();
  await li.reload();
  await expect(li.status()).toHaveText('已驳回', AFTER_DECISION);
  await expect(li.page.getByTestId('approval-rejection-comment')).toHaveText(reason);
  await expect(li.page.getByTestId('approval-rejection')).toContainText('王经理');
  await tallShot(li.page, '69-preparer-sees-rejection');
  cli(host, 'li', PASS('li'), 'adjust', '--period', '2026-02', '--distributor', 'D003', '--amount', '-2000.00', '--reason', '扣减 3 月发货对应返利（100,000.00 × 2%）');
  await li.reload();
  await expect(li.page.getByTestId('approval-total')).toHaveText('103,700.00');
  await li.tab('adjustments');
  await expect(li.page.getByTestId('approval-adjustments')).toContainText('扣减 3 月发货');
  await expect(li.page.getByTestId('approval-adjustments')).toContainText('-2,000.00');
  await tallShot(li.page, '70-preparer-adjusted');
  await li.decide('submit', '已按意见扣减 D003 返利 2,000 元。');
  await expect(li.status()).toHaveText('已提交', AFTER_DECISION);

  // level 1 approves; the same person cannot sign level 2
  await wang.reload();
  await expect(wang.page.getByTestId('approval-total')).toHaveText('103,700.00');
  // the preparer's explanation reaches the approver, and only what is still open is counted
  await wang.tab('issues');
  await expect(wang.page.getByTestId('approval-claims')).toContainText('申报含 3 月促销返利');
  // D002 is confirmed; the −2,000 adjustment opened a new difference against D003's claim
  await expect(wang.page.getByTestId('approval-open')).toContainText('待处理 3');
  await expect(wang.bar()).toContainText('请您审批：第 1 级');
  await wang.decide('approve', '调整已核对，同意。');
  await expect(wang.chain()).toContainText('调整已核对，同意。');
  await expect(wang.page.getByTestId('approval-cannot-sign')).toContainText('同一人不能签署两个级别');
  await tallShot(wang.page, '71-level1-approved');

  // level 2 and level 3, each in their own browser
  const zhao = await ApprovalPage.signedIn(browser, host.url, 'zhao', PASS('zhao'));
  await zhao.open();
  await expect(zhao.inbox()).toContainText('第 2 级 · 财务经理审核');
  await expect(zhao.bar()).toContainText('请您审批：第 2 级');
  await tallShot(zhao.page, '72-level2-decision-view');
  await zhao.decide('approve');
  await expect(zhao.page.getByTestId('approval-cannot-sign')).toContainText('第 3 级');

  const chen = await ApprovalPage.signedIn(browser, host.url, 'chen', PASS('chen'));
  await chen.open();
  await expect(chen.inbox()).toContainText('第 3 级 · 财务总监审批');
  await chen.decide('approve', '同意发放。');
  await expect(chen.status()).toHaveText('已审批', AFTER_DECISION);
  await expect(chen.page.getByTestId('approval-approved-notice')).toBeVisible();
  const round2 = chen.page.getByTestId('chain-round-2');
  await expect(round2.getByTestId('chain-level-1')).toContainText('王经理');
  await expect(round2.getByTestId('chain-level-2')).toContainText('赵经理');
  await expect(round2.getByTestId('chain-level-3')).toContainText('陈总监');
  await expect(round2).toContainText('已通过');
  await expect(chen.page.getByTestId('chain-round-1')).toContainText('已驳回');
  await expect(chen.inbox()).toContainText('没有等待您审批的批次');
  await tallShot(chen.page, '73-approved-all-signatures');

  // the preparer sees the approved, locked batch
  await li.reload();
  await expect(li.status()).toHaveText('已审批', AFTER_DECISION);
  await expect(li.bar()).toContainText('已锁定');
  await tallShot(li.page, '74-preparer-approved');
});
