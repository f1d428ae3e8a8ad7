import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../main/testing/workbooks';
import { ApprovalPage } from '../e2e/approval-page';
import { ExportPage, ImportPage, SetupPage, ShellPage, SignInPage } from '../e2e/pages';
import { expect, shot, test } from './fixtures';

// The same page objects as the browser suite (e2e/), driving the real Electron window.

/** UTC month before now: the period the demo loads by default. */
function previousMonth(): string {
  const d = new Date();
  const p = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${p.getUTCFullYear()}-${String(p.getUTCMonth() + 1).padStart(2, '0')}`;
}

const DEMO_PASSWORD = 'demo-1234';

test('the window is isolated, sandboxed, without Node, under the CSP, and cannot navigate away', async ({ desktop }) => {
  const { app, window: page } = desktop;
  // a fresh install asks first: this PC's own database or a team server
  await expect(page.getByTestId('connect-page')).toBeVisible();
  await page.getByTestId('connect-local').click();
  await expect(page.getByText('欢迎使用返利台')).toBeVisible();

  // the window's title, and its renderer process sandboxed (as the OS reports it: Windows, macOS)
  const outside = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0];
    const pid = win?.webContents.getOSProcessId();
    const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
    return { title: win?.getTitle(), sandboxed: metric?.sandboxed, type: metric?.type };
  });
  expect(outside).toEqual({ title: '返利台 Rebate Desk', sandboxed: true, type: 'Tab' });

  // from inside the page: no Node, only the bridge's named functions, on our own origin
  const inside = await page.evaluate(() => {
    const w = globalThis as unknown as Record<string, unknown>;
    const location = w['location'] as { origin: string };
    return {
      require: typeof w['require'],
      process: typeof w['process'],
      module: typeof w['module'],
      bridge: Object.keys((w['rebate'] ?? {}) as object).sort(),
      origin: location.origin,
    };
  });
  expect(inside).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    bridge: ['connection', 'getPreferences', 'host', 'invoke', 'pathForFile', 'pickFiles', 'probeServer', 'saveDownload', 'setLanguage', 'showInFolder', 'trustServer', 'useLocal'],
    origin: 'app://rebate',
  });

  // context isolation: the bridge exists only through contextBridge (which requires it), and the
  // page cannot change what the preload's world handed over
  const replaced = await page.evaluate(() => {
    const w = globalThis as unknown as { rebate: { host: string } };
    try {
      w.rebate.host = 'tampered';
    } catch {
      // frozen by contextBridge
    }
    return w.rebate.host;
  });
  expect(replaced).toBe('electron');

  // the CSP: on the response, and enforced (no eval, no foreign fetch)
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  const blocked = await page.evaluate(async () => {
    let evalBlocked = false;
    try {
      eval('1 + 1');
    } catch {
      evalBlocked = true;
    }
    let fetchBlocked = false;
    try {
      await fetch('https://example.com/');
    } catch {
      fetchBlocked = true;
    }
    return { evalBlocked, fetchBlocked };
  });
  expect(blocked).toEqual({ evalBlocked: true, fetchBlocked: true });

  // navigation away and new windows are refused; the app stays on its own page
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toMatch(/^app:\/\/rebate\//);
  const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);

  // an IPC call from the page's own origin works; the services answer through the bridge
  const info = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { rebate: { invoke(op: string, input: unknown, lang: string): Promise<{ ok: boolean; result?: { dbPath?: string } }> } }).rebate.invoke('app.info', {}, 'zh-CN');
    return r;
  });
  expect(info.ok).toBe(true);
  expect(info.result?.dbPath).toContain(desktop.userData);
  await shot(page, '01-electron-first-start');
});

test('first start with demo data, sign in, import a messy workbook through the open dialog, calculate, approve, export to a chosen folder', async ({ desktop }) => {
  const { window: page, dir } = desktop;
  const period = previousMonth();

  // first start: this PC's own database, the administrator, with the demo month
  await page.getByTestId('connect-local').click();
  await new SetupPage(page).createAdmin('admin', 'admin-pass-1', '管理员', { demo: true });
  const demo = page.locator('.ant-modal-confirm');
  await expect(demo.locator('.ant-modal-confirm-title')).toHaveText(`演示数据已加载：${period} 可以核算了`, { timeout: 300_000 });
  await demo.getByRole('button').click();
  const shell = new ShellPage(page);
  const signIn = new SignInPage(page);
  await expect(page.getByTestId('db-path')).toContainText(desktop.userData);

  // the preparer signs in
  await shell.signOut();
  await signIn.signIn('li', DEMO_PASSWORD);
  await expect(shell.user()).toBeVisible();

  // a messy workbook (title rows, a merged title, a note row) and a GBK CSV with a Chinese name,
  // picked through the native open dialog
  const inbox = path.join(dir, '张三', 'Documents', `返利 ${period.slice(0, 4)}`);
  mkdirSync(inbox, { recursive: true });
  const date = new Date(`${period}-20T00:00:00Z`);
  const messy = await writeWorkbook(inbox, `进货 补录 ${period}.xlsx`, [
    {
      name: '补录',
      preamble: [[`${period} 进货补录`], ['制表：财务部 张三'], []],
      mergeTitle: true,
      header: PURCHASE_HEADER,
      rows: [
        [`E2E-${period}-1`, 1, date, 'JX00001', '', 'SKU-E2E', '酱油 500ml', 10, 100, 1000],
        [`E2E-${period}-2`, 1, date, 'JX00002', '', 'SKU-E2E', '酱油 500ml', 20, 100, '2,000.00'],
      ],
    },
  ]);
  const csv = writeGbkCsv(inbox, `进货-华南 补录.csv`, PURCHASE_HEADER, [[`E2E-${period}-3`, 1, `${period}-21`, 'JX00003', '', 'SKU-E2E', '醋', 5, 100, '500.00']]);
  await shell.open('import');
  const imp = new ImportPage(page);
  await imp.choosePeriod(period);
  desktop.answerOpen([messy, csv]);
  await imp.pick();
  await expect(page.getByTestId('import-file-list')).toContainText(path.basename(messy));
  await expect(page.getByTestId('import-file-list')).toContainText(path.basename(csv));
  await imp.next();
  await expect(page.getByTestId('kind-select-0')).toContainText('进货');
  await imp.toValidate();
  await expect(page.getByTestId('validate-purchases')).toContainText('0 个错误');
  await imp.store();
  await expect(imp.done()).toContainText('导入完成', { timeout: 120_000 });
  await expect(imp.done()).toContainText('3,500.00');
  await shot(page, '02-electron-imported');

  // calculate the month
  await shell.open('overview');
  await page.getByTestId(`period-next-${period}`).click();
  await page.getByRole('button', { name: /开始核算|确定|确 定/ }).last().click();
  await expect(page.getByTestId('page-results')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('results-count')).toContainText('家', { timeout: 60_000 });

  // submit, then each level of the demo chain signs in this window in turn
  const approval = new ApprovalPage(page);
  await approval.open(period);
  await approval.decide('submit', '本月返利已复核，请审批。');
  await expect(approval.status()).toHaveText('已提交', { timeout: 60_000 });
  for (const approver of ['wang', 'zhao', 'chen']) {
    await shell.signOut();
    await signIn.signIn(approver, DEMO_PASSWORD);
    await approval.open(period);
    if ((await approval.status().textContent()) === '已审批') break;
    await approval.decide('approve', '同意。');
    await expect(approval.chain()).toContainText('同意。', { timeout: 60_000 });
  }
  await expect(approval.status()).toHaveText('已审批', { timeout: 60_000 });
  await shot(page, '03-electron-approved');

  // export the approval workbook into a folder chosen in the save dialog
  await shell.signOut();
  await signIn.signIn('li', DEMO_PASSWORD);
  await shell.open('export');
  const out = path.join(dir, '张三', 'Documents', `返利 ${period.slice(0, 4)}`, '导出');
  mkdirSync(out, { recursive: true });
  desktop.answerSave(out);
  const exp = new ExportPage(page);
  await expect(exp.status()).toContainText('已审批');
  await exp.export('approval');
  await expect(exp.savedPaths().first()).toContainText(out, { timeout: 120_000 });
  const saved = (await exp.savedPaths().first().textContent()) ?? '';
  expect(path.dirname(saved)).toBe(out);
  expect(existsSync(saved)).toBe(true);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  expect(book.worksheets.length).toBeGreaterThan(0);
  await shot(page, '04-electron-exported');
});
