import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../testing/workbooks';

let h: Harness;
afterEach(() => h?.close());

describe('a file with no data rows (issue 11, item 7)', () => {
  it('a header alone, or a header over thousands of empty styled rows, is refused naming the file; nothing is stored', async () => {
    h = new Harness();
    const admin = await h.admin();
    await seedMonth(h, admin);
    const headerOnly = writeGbkCsv(h.dir, '2月进货-空.csv', PURCHASE_HEADER, []);
    const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: headerOnly }] });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.message)).toEqual(['文件“2月进货-空.csv”没有数据行（只有表头或空行），未导入。如果本月没有这类数据，不必导入这个文件。']);
    const blank = await writeWorkbook(h.dir, 'blank.xlsx', [{ name: '进货', header: PURCHASE_HEADER, rows: Array.from({ length: 3000 }, () => PURCHASE_HEADER.map(() => '')) }]);
    const en = h.context('en');
    await h.ok(en, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    const r2 = await h.ok(en, 'import.run', { kind: 'purchases', period: '2026-02', files: [{ path: blank }] });
    expect(r2.status).toBe('rejected');
    expect(r2.errors[0]?.message).toBe('The file "blank.xlsx" has no data rows (only a header or empty rows); nothing was imported. If the month has no data of this kind, no file is needed.');
    expect(h.store.db.prepare("SELECT COUNT(*) AS n FROM import_files WHERE period = '2026-02'").get()).toEqual({ n: 0 });
  }, 60_000);
});
