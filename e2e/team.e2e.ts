import type { Browser, Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { ApprovalPage } from './approval-page';
import { expect, shot, test } from './fixtures';
import { ImportPage, ShellPage, SignInPage } from './pages';
import { addPeople, distributor, NATIONAL_POLICY, PASS, purchase, threeLevelChain } from './month-seed';

const AFTER_DECISION = { timeout: 60_000 };

const CHAIN = threeLevelChain(null);

/** A browser context of its own (own cookies), accepting the server's self-signed certificate. */
async function signedIn(browser: Browser, url: string, name: string): Promise<ApprovalPage> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(url);
  await new SignInPage(page).signIn(name, PASS(name));
  await page.getByTestId('current-user').waitFor();
  return new ApprovalPage(page);
}

async function download(page: Page, testId: string, dir: string, name: string): Promise<Buffer> {
  const event = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId(testId).click();
  const d = await event;
  const file = path.join(dir, name);
  await d.saveAs(file);
  return readFileSync(file);
}

test('a month over HTTPS: upload and import, calculate, submit, reject, resubmit, three approvals, exports — four people in four browsers', async ({ browser }) => {
  test.setTimeout(900_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-team-e2e-'));
  const db = path.join(dir, 'team.sqlite');
  const rebate = (args: string[], env: NodeJS.ProcessEnv = {}): string =>
    execFileSync(process.execPath, ['bin/rebate.mjs', ...args], { encoding: 'utf8', env: { ...process.env, REBATE_CONFIG_DIR: path.join(dir, 'config'), ...env } });
  let server: ChildProcess | undefined;
  try {
    // on the server machine: the database, the users, master data, a policy and the chain
    rebate(['init', '--db', db, '--admin', 'admin', '--password', 'admin-pass-1']);
    const asAdmin = { REBATE_USER: 'admin', REBATE_PASSWORD: 'admin-pass-1', REBATE_DB: db };
    addPeople((args) => rebate(args, asAdmin));
    const D = distributor;
    const distributors = await writeWorkbook(dir, 'distributors.xlsx', [
      { name: '档案', header: DISTRIBUTOR_HEADER, rows: [D('D001', '华光商贸', '华东', 'A'), D('D002', '江南食品', '华东', 'B'), D('D003', '南方食品', '华南', 'A'), D('D004', '北方粮油', '华北', 'C')] },
    ]);
    const line = (doc: string, code: string, amount: number) => purchase(doc, '2026-02-10', code, amount);
    const purchases = await writeWorkbook(dir, '进货-2026-02.xlsx', [
      { name: '进货', header: PURCHASE_HEADER, rows: [line('XS201', 'D001', 3200000), line('XS202', 'D002', 1000000), line('XS203', 'D003', 1200000), line('XS204', 'D004', 300000)] },
    ]);
    writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(NATIONAL_POLICY));
    writeFileSync(path.join(dir, 'chain.json'), JSON.stringify(CHAIN));
    rebate(['import', 'distributors', distributors], asAdmin);
    rebate(['policy', 'import', path.join(dir, 'policy.json')], asAdmin);
    rebate(['chain', 'set', path.join(dir, 'chain.json')], asAdmin);

    // the team server: exactly two lines, then it serves
    server = spawn(process.execPath, ['bin/rebate.mjs', 'serve', '--db', db, '--listen', '127.0.0.1:0'], { env: { ...process.env, REBATE_CONFIG_DIR: path.join(dir, 'config') }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = await new Promise<string[]>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`team server did not start: ${out}`)), 120_000);
      server?.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const l = out.split('\n').filter(Boolean);
        if (l.length >= 2) {
          clearTimeout(timer);
          resolve(l);
        }
      });
      server?.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      server?.on('exit', (code) => reject(new Error(`team server exited ${code}: ${out}`)));
    });
    expect(lines[0]).toMatch(/^Rebate Desk team server: https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(/^certificate SHA-256: ([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const url = (lines[0] ?? '').replace('Rebate Desk team server: ', '');
    const fingerprint = (lines[1] ?? '').replace('certificate SHA-256: ', '');

    // the preparer: the browser's sign-in page (no token in the URL), a Secure HttpOnly SameSite=Strict cookie
    const li = await signedIn(browser, url, 'li');
    const cookies = await li.page.context().cookies();
    expect(cookies.find((c) => c.name === 'rebate_sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(cookies.map((c) => c.value).join()).not.toContain('token');
    // upload and import in the browser
    await new ShellPage(li.page).open('import');
    const imp = new ImportPage(li.page);
    await imp.choosePeriod('2026-02');
    await imp.addFiles([purchases]);
    await imp.next();
    await imp.toValidate();
    await expect(li.page.getByTestId('validate-purchases')).toContainText('0 个错误', { timeout: 120_000 });
    await imp.store();
    await expect(imp.done()).toContainText('导入完成', { timeout: 120_000 });
    await expect(imp.done()).toContainText('5,700,000.00');
    await shot(li.page, '90-team-import');

    // IT's scheduled job: the CLI through --server (calculation), with the pinned fingerprint
    const calc = rebate(['calc', '--period', '2026-02', '--server', url, '--fingerprint', fingerprint, '--json'], { REBATE_USER: 'li', REBATE_PASSWORD: PASS('li') });
    // D001 64,000 + D002 15,000 + D003 24,000 + D004 3,000
    expect(calc).toContain('106000.00');

    await li.open();
    await expect(li.status()).toHaveText('草稿', AFTER_DECISION);
    await expect(li.page.getByTestId('approval-total')).toHaveText('106,000.00');
    await li.decide('submit', '2 月返利，请审批。');
    await expect(li.status()).toHaveText('已提交', AFTER_DECISION);

    // level 1 rejects with a comment
    const wang = await signedIn(browser, url, 'wang');
    await wang.open();
    await expect(wang.inbox()).toContainText('第 1 级 · 区域经理审核');
    const reason = 'D003 有 100,000 元属于 3 月发货，请扣减 2,000 元后重新提交。';
    await wang.decide('reject', reason);
    await expect(wang.status()).toHaveText('已驳回', AFTER_DECISION);

    // the preparer adjusts (CLI through the server) and resubmits
    await li.reload();
    await expect(li.page.getByTestId('approval-rejection-comment')).toHaveText(reason, AFTER_DECISION);
    rebate(['adjust', '--period', '2026-02', '--distributor', 'D003', '--amount', '-2000.00', '--reason', '扣减 3 月发货', '--server', url, '--fingerprint', fingerprint], { REBATE_USER: 'li', REBATE_PASSWORD: PASS('li') });
    await li.reload();
    await expect(li.page.getByTestId('approval-total')).toHaveText('104,000.00');
    await li.decide('submit', '已扣减。');
    await expect(li.status()).toHaveText('已提交', AFTER_DECISION);

    // three levels, three browsers
    await wang.reload();
    await wang.decide('approve', '同意。');
    await expect(wang.chain()).toContainText('同意。', AFTER_DECISION);
    const zhao = await signedIn(browser, url, 'zhao');
    await zhao.open();
    await expect(zhao.inbox()).toContainText('第 2 级 · 财务经理审核');
    await zhao.decide('approve');
    await expect(zhao.page.getByTestId('approval-cannot-sign')).toContainText('第 3 级', AFTER_DECISION);
    const chen = await signedIn(browser, url, 'chen');
    await chen.open();
    await expect(chen.inbox()).toContainText('第 3 级 · 财务总监审批');
    await chen.decide('approve', '同意发放。');
    await expect(chen.status()).toHaveText('已审批', AFTER_DECISION);
    await shot(chen.page, '91-team-approved');

    // the exports, downloaded in the preparer's browser
    await new ShellPage(li.page).open('export');
    await expect(li.page.getByTestId('export-status')).toHaveText('已审批', AFTER_DECISION);
    const workbook = await download(li.page, 'export-approval', dir, 'approval.xlsx');
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    const posting = await download(li.page, 'export-posting', dir, 'posting.xlsx');
    expect(posting.subarray(0, 2).toString()).toBe('PK');
    await shot(li.page, '92-team-exports');

    // a signed-out session is over on the server, too
    await new ShellPage(li.page).signOut();
    await li.page.waitForTimeout(500);
    const status = await li.page.evaluate(`fetch('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Rebate-Session': 'x'.repeat(20) }, body: JSON.stringify({ op: 'chain.get', input: {} }) }).then((r) => r.json()).then((j) => j.ok)`);
    expect(status).toBe(false);

    // SIGTERM: finishes and exits 0
    const exited = new Promise<number | null>((resolve) => server?.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  } finally {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
