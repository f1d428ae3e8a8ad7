import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, shot, test } from './fixtures';
import { SetupPage, ShellPage, SignInPage } from './pages';

// When the HTTP exchange itself fails, the message fits the mode the page runs in: the loopback
// host of `npm run web` (run it again, open its link), or the team server (network, VPN, IT; a
// session the server no longer has → sign in again).

function started(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${out}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Leaves the overview and comes back: the overview loads again (and shows a failure). */
async function reloadOverview(shell: ShellPage): Promise<void> {
  await shell.open('audit');
  await shell.open('overview');
}

test('npm run web: a stopped host says to run npm run web again and open its link', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-http-e2e-'));
  const child = spawn(process.execPath, ['out/node/web.mjs', '--db', path.join(dir, 'rebate.sqlite')], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await started(child, /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
    await page.goto(url);
    await new SetupPage(page).createAdmin('admin', 'admin-pass-1');
    const shell = new ShellPage(page);
    await expect(shell.user()).toBeVisible();
    await stop(child);
    await reloadOverview(shell);
    const alert = page.locator('.ant-alert-error').first();
    await expect(alert).toContainText('与本机服务的连接已断开。请重新运行 npm run web，并打开它打印的链接。');
    await expect(page.locator('body')).not.toContainText('团队服务器');
    await shot(page, 'http-01-loopback-host-stopped');
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('team server in a browser: a lost session asks to sign in again; an unreachable server names it and the way on, never npm run web', async ({ browser }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-http-e2e-'));
  const db = path.join(dir, 'team.sqlite');
  const env = { ...process.env, REBATE_CONFIG_DIR: path.join(dir, 'config') };
  execFileSync(process.execPath, ['bin/rebate.mjs', 'init', '--db', db, '--admin', 'admin', '--password', 'admin-pass-1'], { env });
  const serve = (listen: string): ChildProcess => spawn(process.execPath, ['bin/rebate.mjs', 'serve', '--db', db, '--listen', listen], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let server: ChildProcess | undefined = serve('127.0.0.1:0');
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const url = await started(server, /Rebate Desk team server: (https:\/\/\S+)/);
    const page = await context.newPage();
    await page.goto(url);
    await new SignInPage(page).signIn('admin', 'admin-pass-1');
    const shell = new ShellPage(page);
    await expect(shell.user()).toBeVisible();
    // the header names the server, not a file on its disk
    await expect(page.getByTestId('team-server')).toContainText(url);

    // the server restarts: the session is gone → the sign-in page says why
    await stop(server);
    server = serve(url.replace('https://', '').replace(/\/$/, ''));
    await started(server, /Rebate Desk team server: (https:\/\/\S+)/);
    await shell.open('audit'); // loads the audit log: the server no longer knows the session
    await expect(page.getByTestId('sign-in-session-ended')).toContainText('请重新登录');
    await shot(page, 'http-02-team-session-ended');

    // the server is down: signing in names the server and what to do
    await stop(server);
    server = undefined;
    await new SignInPage(page).signIn('admin', 'admin-pass-1');
    await expect(page.getByTestId('sign-in-error')).toContainText(`无法连接团队服务器 ${url.replace(/\/$/, '')}。请检查网络或 VPN`);
    await expect(page.getByTestId('sign-in-error')).not.toContainText('npm run web');
    await shot(page, 'http-03-team-server-down');
  } finally {
    await context.close();
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
