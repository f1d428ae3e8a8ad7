import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DESKTOP_ORIGIN, installDesktopBridge } from './desktop-bridge';
import { expect, shot, test } from './fixtures';
import { SetupPage, ShellPage, SignInPage } from './pages';

// The desktop app's connection screens in Chromium (the Electron binary cannot run here): the
// renderer talks to the real desktop backend through the preload's API (desktop-bridge.ts), and the
// backend to a real `rebate serve` on 127.0.0.1 whose certificate is renewed in the middle.

const SECTIONS: [string, string][] = [
  ['overview', '期间总览'],
  ['import', '导入'],
  ['distributors', '经销商'],
  ['policies', '返利政策'],
  ['results', '核算结果'],
  ['ledger', '返利台账'],
  ['approval', '审批'],
  ['export', '导出'],
  ['audit', '审计日志'],
  ['settings', '设置'],
];

interface Served {
  child: ChildProcess;
  url: string;
  fingerprint: string;
}

function serve(dir: string, db: string, listen: string, extra: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ['bin/rebate.mjs', 'serve', '--db', db, '--listen', listen, ...extra], { env: { ...process.env, REBATE_CONFIG_DIR: path.join(dir, 'config') }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`team server did not start: ${out}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const l = out.split('\n').filter(Boolean);
      if (l.length >= 2) {
        clearTimeout(timer);
        resolve({ child, url: (l[0] ?? '').replace('Rebate Desk team server: ', ''), fingerprint: (l[1] ?? '').replace('certificate SHA-256: ', '') });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`team server exited ${code}: ${out}`)));
  });
}

async function stop(s: Served | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

test('desktop first start: 连接团队服务器 with the fingerprint confirmed once, every screen remote, a renewed certificate refused until 重新信任', async ({ page }) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-desktop-e2e-'));
  const db = path.join(dir, 'team.sqlite');
  execFileSync(process.execPath, ['bin/rebate.mjs', 'init', '--db', db, '--admin', 'admin', '--password', 'admin-pass-1'], { env: { ...process.env, REBATE_CONFIG_DIR: path.join(dir, 'config') } });
  let server: Served | undefined;
  const bridge = await installDesktopBridge(page);
  try {
    server = await serve(dir, db, '127.0.0.1:0');
    const { url, fingerprint } = server;

    // first start: the choice
    await page.goto(`${DESKTOP_ORIGIN}/index.html`);
    await expect(page.getByTestId('connect-page')).toBeVisible();
    await expect(page.getByTestId('connect-page')).toContainText('单机使用');
    await expect(page.getByTestId('connect-page')).toContainText('连接团队服务器');
    await shot(page, 'desktop-01-connect-choice');

    // plain http is refused with a message, nothing pinned
    await page.getByTestId('connect-url').fill(url.replace('https://', 'http://'));
    await page.getByTestId('connect-check').click();
    await expect(page.getByTestId('connect-error')).toContainText('只能通过 https://');
    expect(await bridge.ask('settings')).toMatchObject({ mode: 'unset' });

    // the server's fingerprint shown to compare with what IT sent (host:port is enough)
    await page.getByTestId('connect-url').fill(url.replace('https://', '').replace(/\/$/, ''));
    await page.getByTestId('connect-check').click();
    await expect(page.getByTestId('connect-confirm')).toBeVisible();
    await expect(page.getByTestId('connect-presented-url')).toHaveText(url);
    expect((await page.getByTestId('connect-fingerprint').innerText()).replace(/\s+/g, ':')).toBe(fingerprint);
    await shot(page, 'desktop-02-connect-confirm-fingerprint');
    await page.getByTestId('connect-trust').click();

    // pinned; the server's sign-in; the header names the server, not a database file
    await expect(page.getByTestId('sign-in-server')).toContainText(url);
    expect(await bridge.ask('settings')).toMatchObject({ mode: 'team', server: { url, fingerprint } });
    await new SignInPage(page).signIn('admin', 'admin-pass-1');
    const shell = new ShellPage(page);
    await expect(shell.user()).toContainText('admin');
    await expect(page.getByTestId('team-server')).toContainText(url);
    await expect(page.getByTestId('db-path')).toHaveCount(0);
    for (const [key, zh] of SECTIONS) {
      await shell.open(key);
      await expect(shell.heading()).toHaveText(zh);
      if (key !== 'ledger') await expect(page.getByTestId(`page-${key}`)).toBeVisible();
      await expect(page.locator('.ant-result-error, .ant-alert-error')).toHaveCount(0);
    }
    // 设置 → 团队 shows the connection; 关于 the server's address and fingerprint
    await page.getByRole('tab', { name: '团队' }).click();
    await expect(page.getByTestId('connection-mode')).toHaveText('团队服务器');
    await expect(page.getByTestId('connection-url')).toContainText(url);
    await expect(page.getByTestId('team-panel')).toHaveCount(0);
    await shot(page, 'desktop-03-settings-connection');
    await page.getByRole('tab', { name: '关于' }).click();
    await expect(page.getByTestId('about-server-url')).toHaveText(url);
    await expect(page.getByTestId('about-server-fingerprint')).toHaveText(fingerprint);
    await expect(page.getByTestId('about-db-path')).toHaveCount(0);
    // this PC keeps no rebate data in team mode
    expect(await bridge.ask('localOpen')).toBe(false);

    // IT renews the certificate: the app refuses the server, naming both fingerprints
    await stop(server);
    server = await serve(dir, db, url.replace('https://', '').replace(/\/$/, ''), ['--renew-certificate']);
    expect(server.fingerprint).not.toBe(fingerprint);
    await page.reload();
    await expect(page.getByTestId('certificate-changed')).toBeVisible();
    expect((await page.getByTestId('changed-old').innerText()).replace(/\s+/g, ':')).toBe(fingerprint);
    expect((await page.getByTestId('changed-new').innerText()).replace(/\s+/g, ':')).toBe(server.fingerprint);
    await expect(page.getByTestId('changed-what-to-do')).toContainText('请联系 IT');
    await shot(page, 'desktop-04-certificate-changed');
    // retrying does not get past it
    await page.getByTestId('changed-retry').click();
    await expect(page.getByTestId('certificate-changed')).toBeVisible();
    expect(await bridge.ask('settings')).toMatchObject({ server: { fingerprint } });

    // 重新信任 only after ticking that IT confirmed the new fingerprint
    await page.getByTestId('changed-retrust').click();
    await expect(page.getByTestId('retrust-ok')).toBeDisabled();
    await shot(page, 'desktop-05-retrust-confirm');
    await page.getByTestId('retrust-check').click();
    await page.getByTestId('retrust-ok').click();
    await expect(page.getByTestId('sign-in-form')).toBeVisible();
    expect(await bridge.ask('settings')).toMatchObject({ server: { fingerprint: server.fingerprint } });
    await new SignInPage(page).signIn('admin', 'admin-pass-1');
    await expect(shell.user()).toContainText('admin');

    // the server goes away: a message that says what to do, and the ways on
    await stop(server);
    server = undefined;
    await page.reload();
    await expect(page.getByTestId('server-unreachable')).toBeVisible();
    await expect(page.getByTestId('unreachable-message')).toContainText('请检查网络或 VPN');
    await shot(page, 'desktop-06-server-unreachable');

    // 改为单机使用: this PC's own (new) database asks for its first admin
    await page.getByTestId('unreachable-local').click();
    await expect(page.getByText('欢迎使用返利台')).toBeVisible();
    await new SetupPage(page).createAdmin('local', 'local-pass-1');
    await expect(page.getByTestId('db-path')).toContainText(bridge.dir);
    expect(await bridge.ask('settings')).toMatchObject({ mode: 'local', server: { url } });
  } finally {
    await stop(server);
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
