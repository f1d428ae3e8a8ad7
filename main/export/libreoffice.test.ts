import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice');

let h: Harness;
const LONG = '三月返利已按政策核算完毕。华南区两家经销商的申报与系统计算存在差异，已逐一核对原因并在对账表中说明；西南区退货率偏高的经销商已按政策扣减，请审批。';
afterEach(() => h?.close());

/**
 * Another program must accept what we write: LibreOffice opens the approval workbook and prints it
 * to PDF (CI installs libreoffice-calc-nogui and poppler-utils; see .ci/run).
 */
describe.skipIf(!soffice)('the approval workbook in LibreOffice (skipped: soffice is not installed)', () => {
  it('converts to a PDF whose first page carries the title, the totals, the whole comments, the signatures and 第 1 页 / 共 N 页', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await h.ok(w.prep, 'approval.submit', { period: '2026-01', comment: LONG });
    await h.ok(w.wang, 'approval.approve', { period: '2026-01', comment: '区域数据已核对' });
    await h.ok(w.zhao, 'approval.approve', { period: '2026-01', comment: '同意发放' });
    const book = path.join(h.dir, 'approval.xlsx');
    await h.ok(w.prep, 'export.approval', { period: '2026-01', out: book });
    // a profile of its own, so a second LibreOffice (or a parallel test) never blocks this one
    const profile = pathToFileURL(path.join(h.dir, 'lo-profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', h.dir, book], { timeout: 120_000, stdio: 'pipe' });
    const pdf = path.join(h.dir, 'approval.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env['KEEP_PRINT']) execFileSync('cp', [pdf, book, process.env['KEEP_PRINT']]);
    if (has('pdftotext')) {
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
      for (const t of ['示例食品有限公司 经销商返利审批表 2026-01', '20,279.14', '制表', '审核', '批准', '王经理（wang）', '赵总监（zhao）']) expect(first).toContain(t);
      // the long comment is printed whole (wrapped over lines, not cut at its cell's edge), and the
      // signature block — names, boxes to sign, dates — is on the first page with the totals
      const flat = first.replace(/\s+/g, '');
      // (the hash column's text sits beside the comment's first line: left out when reading the comment)
      expect(flat.replace(/[0-9a-f]{12}…/g, '')).toContain(LONG.replace(/\s+/g, ''));
      expect(first.match(/签字：/g)?.length).toBe(3);
      expect(first.match(/日期：/g)?.length).toBe(3);
      const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
      expect(flat).toContain(`第1页/共${pages}页`); // the footer (text extraction drops some spaces)
    }
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', pdf, path.join(h.dir, 'page')]);
      const png = ['page-1.png', 'page-01.png'].map((f) => path.join(h.dir, f)).find(existsSync);
      expect(png && statSync(png).size).toBeGreaterThan(10_000);
    }
  }, 180_000);
});
