import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { approve, calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { Store } from '../services/store';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../testing/workbooks';
import { zipFolder } from '../export/statements';
import { sqliteFileName } from '../db/paths';

// What a finance PC running Windows brings, checked here: profile folders with Chinese names and
// spaces, deep folders past the old 260-character limit, CRLF files from Excel, Chinese file names
// inside zips, the Chinese UI font, the Chinese window title.
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

/** The general-purpose flag and raw name bytes of every entry in a zip's central directory. */
function centralDirectory(zip: Buffer): { flag: number; name: Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: { flag: number; name: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const flag = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    out.push({ flag, name: zip.subarray(at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const UTF8_FLAG = 0x0800;

describe('Windows realities', () => {
  it('a database and workbooks under C:\\Users\\张三\\Documents\\返利 2026\\ (Chinese and spaces): import, calculate, back up, export', async () => {
    h = new Harness(path.join('Users', '张三', 'Documents', '返利 2026', '返利台 数据.sqlite'));
    const folder = path.dirname(h.store.path);
    expect(folder).toContain(path.join('张三', 'Documents', '返利 2026'));
    const admin = await h.admin();
    const dist = await writeWorkbook(folder, '经销商 档案 (2026).xlsx', [{ name: '档案', header: DISTRIBUTOR_HEADER, rows: [['D001', '华光 商贸', '华东', '江苏', '南京', 'A', '启用']] }]);
    const buy = await writeWorkbook(folder, '进货 明细 2026-03.xlsx', [{ name: '进货', header: PURCHASE_HEADER, rows: [['XS1', 1, '2026-03-05', 'D001', '华光 商贸', 'SKU1', '酱油', 10, 12.5, 125]] }]);
    expect((await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: dist }] })).status).toBe('imported');
    expect((await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-03', files: [{ path: buy }] })).rows).toBe(1);
    const history = await h.ok(admin, 'import.history', {});
    expect(JSON.stringify(history)).toContain('进货 明细 2026-03.xlsx');
    const backup = await h.ok(admin, 'backup.create', {});
    expect(existsSync(backup.path)).toBe(true);
    expect(backup.path).toContain('返利 2026');
  });

  it('a database on a path longer than 260 characters opens, writes, backs up and reopens', async () => {
    // > 260 characters (Windows' MAX_PATH), < 512 bytes (SQLite's own limit on Linux and macOS)
    const deep = Array.from({ length: 5 }, (_, i) => `level ${i + 1} of the rebate desk data folder 返利 ${'x'.repeat(16)}`);
    h = new Harness(path.join(...deep, '返利台.sqlite'));
    expect(h.store.path.length).toBeGreaterThan(260);
    const admin = await h.admin();
    await h.ok(admin, 'settings.update', { companyName: '长路径测试有限公司' });
    const backup = await h.ok(admin, 'backup.create', {});
    expect(existsSync(backup.path)).toBe(true);
    // a second connection (another process: the CLI) on the same long path sees the data
    const other = new Store(h.store.path);
    try {
      expect(other.db.prepare("SELECT value FROM app_settings WHERE key = 'company_name'").get()).toEqual({ value: '长路径测试有限公司' });
    } finally {
      other.close();
    }
  });

  it('reads CRLF files with Chinese names: a GBK CSV, and a UTF-8 CSV with BOM as Excel saves it', async () => {
    h = new Harness();
    const admin = await h.admin();
    const dist = await writeWorkbook(h.dir, '经销商.xlsx', [{ name: '档案', header: DISTRIBUTOR_HEADER, rows: [['D001', '华光商贸', '华东', '江苏', '南京', 'A', '启用'], ['D002', '南方食品', '华南', '广东', '广州', 'B', '启用']] }]);
    await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: dist }] });
    const rows = (doc: string, code: string, amount: string): string => [doc, '1', '2026-03-05', code, '', 'SKU1', '酱油', '1', `"${amount}"`, `"${amount}"`].join(',');
    const gbk = path.join(h.dir, '进货-华东 三月.csv');
    writeFileSync(gbk, iconv.encode([PURCHASE_HEADER.join(','), rows('XS1', 'D001', '1,000.50'), ''].join('\r\n'), 'gbk'));
    const bom = path.join(h.dir, '进货-华南（Excel 另存）.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([PURCHASE_HEADER.join(','), rows('XS2', 'D002', '2,000.25'), ''].join('\r\n'), 'utf8')]));
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-03', files: [{ path: gbk }, { path: bom }] });
    expect(r.rows).toBe(2);
    const lines = h.store.db.prepare('SELECT doc_no, amount_cents FROM purchases ORDER BY doc_no').all();
    expect(lines).toEqual([{ doc_no: 'XS1', amount_cents: 100050 }, { doc_no: 'XS2', amount_cents: 200025 }]);
  });

  it('zips statements with Chinese file names that Windows Explorer reads: the UTF-8 flag on every entry', async () => {
    h = new Harness();
    const w = await calculatedMonth(h, '示例食品有限公司');
    await approve(h, w);
    const dir = path.join(h.dir, '对账单 2026-01');
    await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'files', out: dir });
    const names = readdirSync(dir).sort();
    expect(names.length).toBeGreaterThan(1);
    const file = path.join(h.dir, '对账单.zip');
    await zipFolder(dir, file);
    const entries = centralDirectory(readFileSync(file));
    expect(entries.map((e) => e.name.toString('utf8')).sort()).toEqual(names);
    for (const e of entries) expect(e.flag & UTF8_FLAG, e.name.toString('utf8')).toBe(UTF8_FLAG);
    // and the zip the UI downloads is the same kind of file
    const z = await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'files' });
    const d = h.store.downloads.get(z.download_id ?? '', w.prep.session.user?.id ?? -1);
    for (const e of centralDirectory(readFileSync(d?.path ?? ''))) expect(e.flag & UTF8_FLAG).toBe(UTF8_FLAG);
    expect(Object.keys((await JSZip.loadAsync(readFileSync(d?.path ?? ''))).files).sort()).toEqual(names);
  });

  it('on Windows, SQLite gets long paths with the \\\\?\\ prefix; short paths and other systems as they are', () => {
    const long = `C:\\Users\\张三\\Documents\\返利 2026\\${'子文件夹\\'.repeat(60)}返利台.sqlite`;
    expect(sqliteFileName(long, 'win32')).toBe(`\\\\?\\${long}`);
    expect(sqliteFileName('C:\\Users\\张三\\返利台.sqlite', 'win32')).toBe('C:\\Users\\张三\\返利台.sqlite');
    expect(sqliteFileName(`\\\\?\\${long}`, 'win32')).toBe(`\\\\?\\${long}`);
    expect(sqliteFileName(`/home/zhang/${'a/'.repeat(200)}x.sqlite`, 'linux')).toBe(`/home/zhang/${'a/'.repeat(200)}x.sqlite`);
  });

  it('the UI font prefers Microsoft YaHei UI; the window and the installer are named 返利台', () => {
    // the renderer's theme (read as text: the renderer is not part of this Node program)
    const FONT_FAMILY = /export const FONT_FAMILY = '([^']+)'/.exec(readFileSync('renderer/src/theme.ts', 'utf8'))?.[1] ?? '';
    expect(FONT_FAMILY.split(',')[0]?.trim()).toBe('"Microsoft YaHei UI"');
    expect(FONT_FAMILY).toContain('"Microsoft YaHei"');
    expect(readFileSync('renderer/index.html', 'utf8')).toContain('<title>返利台 Rebate Desk</title>');
    expect(readFileSync('main/shell/window.ts', 'utf8')).toContain("title: '返利台 Rebate Desk'");
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/shortcutName: 返利台\n/);
  });
});
