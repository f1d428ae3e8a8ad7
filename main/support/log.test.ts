import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { DISTRIBUTOR_HEADER, writeWorkbook } from '../testing/workbooks';
import { configureLogging, logFileFor, logger, pruneLogs, redact, redactText, stopLogging } from './log';

let h: Harness | undefined;
let dir: string;
afterEach(() => {
  stopLogging();
  h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** electron-log writes the file as lines arrive; give it a moment on a busy machine. */
async function logText(file: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes('import.run')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return readFileSync(file, 'utf8');
}

describe('the log file', () => {
  it('records operations of a real import in one file per day, without the password or the file’s contents', async () => {
    dir = mkdtempSync(path.join(tmpdir(), '返利 日志 '));
    const logs = path.join(dir, 'logs');
    const now = new Date(2026, 3, 2, 9, 30);
    configureLogging({ dir: logs, process: 'test', now: () => now });
    h = new Harness();
    const password = 'Zhang-San-秘密-2026';
    const admin = await h.admin('zhangsan', password);
    const secretName = '绝密客户甲乙丙有限公司';
    const file = await writeWorkbook(h.dir, '经销商 档案.xlsx', [{ name: '档案', header: DISTRIBUTOR_HEADER, rows: [['Q9001', secretName, '华东', '江苏', '南京', 'A', '启用']] }]);
    await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: file }] });
    const wrong = h.context();
    await h.call(wrong, 'auth.signIn', { name: 'zhangsan', password: 'wrong-秘密-password' });
    logger('test').warn('settings saved', { updateUrl: 'http://updates.local/', smtpPassword: 'p@ss-in-object' });

    const logFile = logFileFor(logs, now);
    expect(path.basename(logFile)).toBe('rebate-desk-2026-04-02.log');
    const text = await logText(logFile);
    expect(text).toMatch(/\[info\] +\[test \d+\] \(op\) auth\.setupAdmin host=test user=zhangsan ok \d+ms/);
    expect(text).toMatch(/import\.run host=test user=zhangsan ok/);
    expect(text).toMatch(/auth\.signIn host=test user=- unauthenticated:auth\.bad_credentials/);
    expect(text).toContain('updates.local');
    for (const secret of [password, 'wrong-秘密-password', secretName, 'Q9001', 'p@ss-in-object']) expect(text).not.toContain(secret);
  });

  it('keeps 30 days: older files are deleted when logging starts, newer and foreign files stay', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logs-'));
    const now = new Date(2026, 3, 2, 9, 0);
    const names = ['rebate-desk-2026-03-02.log', 'rebate-desk-2026-03-03.log', 'rebate-desk-2026-03-01.old.log', 'rebate-desk-2026-04-01.log', 'notes.txt'];
    mkdirSync(dir, { recursive: true });
    for (const n of names) writeFileSync(path.join(dir, n), 'x');
    expect(pruneLogs(dir, now).sort()).toEqual(['rebate-desk-2026-03-01.old.log', 'rebate-desk-2026-03-02.log']);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'rebate-desk-2026-03-03.log', 'rebate-desk-2026-04-01.log']);
  });
});

describe('redaction', () => {
  it('masks passwords and tokens in command lines, JSON, URLs and headers', () => {
    expect(redactText('rebate user add li --password s3cret --roles preparer')).toBe('rebate user add li --password *** --roles preparer');
    expect(redactText('--password="two words" next')).toBe('--password=*** next');
    expect(redactText('{"name":"li","password":"s3cret","newPassword":"n3w"}')).toBe('{"name":"li","password":***,"newPassword":***}');
    expect(redactText('GET /?token=abc-123&x=1')).toBe('GET /?token=***&x=1');
    expect(redactText('Authorization: Bearer eyJ.abc.def')).not.toContain('eyJ');
    expect(redactText('密码：张三123')).toBe('密码：***');
    expect(redact({ user: 'li', oldPassword: 'a', nested: { csc_key_password: 'b', list: ['--password c'] } })).toEqual({ user: 'li', oldPassword: '***', nested: { csc_key_password: '***', list: ['--password ***'] } });
    expect(redactText('imported 3 files, 1,200 rows')).toBe('imported 3 files, 1,200 rows');
  });
});
