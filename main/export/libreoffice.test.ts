import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { approve, calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice');

let h: Harness;
afterEach(() => h?.close());

/**
 * Another program must accept what we write: LibreOffice opens the approval workbook and prints it
 * to PDF (CI installs libreoffice-calc-nogui and poppler-utils; see .ci/run).
 */
describe.skipIf(!soffice)('the approval workbook in LibreOffice (skipped: soffice is not installed)', () => {
  it('converts to a PDF whose first page carries the title, the totals and the signatures', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await approve(h, w);
    const book = path.join(h.dir, 'approval.xlsx');
    await h.ok(w.prep, 'export.approval', { period: '2026-01', out: book });
    // a profile of its own, so a second LibreOffice (or a parallel test) never blocks this one
    const profile = pathToFileURL(path.join(h.dir, 'lo-profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', h.dir, book], { timeout: 120_000, stdio: 'pipe' });
    const pdf = path.join(h.dir, 'approval.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (has('pdftotext')) {
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
      for (const t of ['示例食品有限公司 经销商返利审批表 2026-01', '20,279.14', '制表', '审核', '批准', '王经理 (wang)', '赵总监 (zhao)']) expect(first).toContain(t);
    }
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf, path.join(h.dir, 'page')]);
      const png = ['page-1.png', 'page-01.png'].map((f) => path.join(h.dir, f)).find(existsSync);
      expect(png && statSync(png).size).toBeGreaterThan(10_000);
    }
  }, 180_000);
});
