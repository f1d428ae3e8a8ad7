import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostingLayout } from '../../contract/ops/exports';
import { approve, calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { cellCents, readWorkbook, sheetXml, texts } from '../testing/xlsx-read';

let h: Harness;
afterEach(() => h?.close());

const batchTotal = (): bigint => BigInt((h.store.db.prepare("SELECT total_cents FROM batches WHERE period = '2026-01'").get() as { total_cents: number }).total_cents);

describe('distributor statements (经销商对账单)', () => {
  it('writes one workbook per distributor with a rebate, or one sheet each; exceptions are skipped', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    h.store.db.prepare("UPDATE distributors SET name = '=HYPERLINK(\"x\")' WHERE code = 'D3'").run();
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '-10.00', reason: '@退货补差', note: '=扣回 12 月多计的促销奖励' });
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D2', amount: '5.00', reason: '内部：王总口头同意' });
    await approve(h, w);

    const dir = path.join(h.dir, 'statements');
    const r = await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'files', out: dir });
    expect(r.statements).toBe(4);
    expect(r.skipped).toEqual(['D4', 'D6']);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['经销商返利对账单-2026-01-D1-经销商D1.xlsx', '经销商返利对账单-2026-01-D2-经销商D2.xlsx', '经销商返利对账单-2026-01-D3-=HYPERLINK(_x_).xlsx', '经销商返利对账单-2026-01-D5-经销商D5.xlsx']);

    const wb = await readWorkbook(path.join(dir, files[0] ?? ''));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const all = texts(ws).join('\n');
    for (const t of ['示例食品有限公司 经销商返利对账单', '账期 2026-01', 'D1', '经销商D1', '进货额（元）', '退货额（元）', '净进货额（元）', '促销达成率', '返利计算（华东阶梯返利）', '基础返利率', '促销奖励', '返利金额', '调整（元）', '本期返利（元）', '已审批', '审批日期']) {
      expect(all).toContain(t);
    }
    // only what the distributor should see: no policy code or version, no formula names, no batch
    // id or hash, no internal adjustment reason, no login names
    const hash = (h.store.db.prepare("SELECT content_hash FROM batches WHERE period = '2026-01'").get() as { content_hash: string }).content_hash;
    for (const t of ['EAST', ' v1', 'base_rate', 'promo_bonus', hash, hash.slice(0, 12), '内容哈希', '调整原因', '@退货补差', '(prep)', '(wang)', '(zhao)', '（prep）', '（wang）', '（zhao）']) expect(all, t).not.toContain(t);
    const value = (label: string): ExcelJS.Cell => {
      for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === label) return ws.getRow(i).getCell(2);
      throw new Error(label);
    };
    // the adjustment's note for the distributor, as plain text (never a formula); the reason stays internal
    expect(value('调整说明').value).toBe('=扣回 12 月多计的促销奖励');
    expect(value('调整说明').type).toBe(ExcelJS.ValueType.String);
    const d2 = texts((await readWorkbook(path.join(dir, files[1] ?? ''))).worksheets[0]!).join('\n');
    for (const t of ['调整说明', '内部：王总口头同意', '调整原因']) expect(d2).not.toContain(t);
    // the distributor's confirmation: a box for its stamp, a line for who signs, the date
    for (const t of ['经销商确认（盖章确认）', '以上对账内容经我方核对无误', '经销商盖章：', '经办人签字：', '日期：']) expect(all).toContain(t);
    const stamp = ws.getRows(1, ws.rowCount)!.find((row) => row.getCell(1).value === '经销商盖章：')!;
    expect(stamp.getCell(2).value).toBeNull();
    expect(stamp.height).toBeGreaterThanOrEqual(119); // a 42 mm round company seal fits
    expect(all).not.toContain('草稿');
    expect(value('进货额（元）').value).toBe(600000);
    expect(value('进货额（元）').numFmt).toBe('#,##0.00');
    expect(value('促销达成率').numFmt).toBe('0.00%');
    expect(cellCents(value('本期返利（元）'))).toBe(1710000n);
    expect(value('审批日期').value).toBeInstanceOf(Date);

    const one = path.join(h.dir, 'one.xlsx');
    const r2 = await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'workbook', out: one });
    const book = await readWorkbook(one);
    expect(book.worksheets.map((s) => s.name)).toEqual(['D1 经销商D1', 'D2 经销商D2', 'D3 =HYPERLINK("x")', 'D5 经销商D5']);
    expect(r2.total).toBe(r.total);
    for (const xml of await sheetXml(one)) expect(xml).not.toMatch(/<f[ >]/);

    // the UI gets the folder as one zip
    const z = await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'files' });
    const d = h.store.downloads.get(z.download_id ?? '', w.prep.session.user?.id ?? -1);
    expect(z.file_name).toBe('经销商对账单-2026-01.zip');
    const zip = await JSZip.loadAsync(readFileSync(d?.path ?? ''));
    expect(Object.keys(zip.files).sort()).toEqual(files);
  });

  it('carries the company (设置 → 公司信息: name, address, contact, bank) at the top of every statement', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await approve(h, w);
    const info = { companyName: '示例食品有限公司', companyAddress: '浙江省杭州市西湖区文三路 100 号', companyContact: '财务部 王会计 0571-88886666', companyBank: '中国工商银行杭州文三路支行 1202 0212 0900 1234 567' };
    const saved = await h.ok(w.admin, 'settings.update', info);
    expect(saved).toMatchObject(info);
    expect(await h.ok(w.prep, 'settings.get', {})).toMatchObject(info);
    const one = path.join(h.dir, 'one.xlsx');
    await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'workbook', out: one });
    const book = await readWorkbook(one);
    expect(book.worksheets.length).toBe(4);
    for (const ws of book.worksheets) {
      expect(ws.getCell('A1').value).toBe('示例食品有限公司 经销商返利对账单');
      expect([2, 3, 4].map((r) => ws.getCell(`A${r}`).value)).toEqual([`地址：${info.companyAddress}`, `联系方式：${info.companyContact}`, `开户行及账号：${info.companyBank}`]);
      expect(ws.getCell('A5').value).toBe('账期 2026-01');
    }
    // an address left empty is left out, not printed as an empty line
    await h.ok(w.admin, 'settings.update', { companyAddress: '' });
    await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'workbook', out: one });
    const again = (await readWorkbook(one)).worksheets[0]!;
    expect([2, 3, 4].map((r) => again.getCell(`A${r}`).value)).toEqual([`联系方式：${info.companyContact}`, `开户行及账号：${info.companyBank}`, '账期 2026-01']);
  });

  it('keeps the note for the distributor with the adjustment: in the signed content when given, the hash as before without it', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const hash = (): string => (h.store.db.prepare("SELECT content_hash FROM batches WHERE period = '2026-01'").get() as { content_hash: string }).content_hash;
    const row = await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '-10.00', reason: '退货补差' });
    expect(row.adjustment_note).toBeNull();
    const plain = hash();
    const noted = await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '-10.00', reason: '退货补差', note: ' 扣回 12 月多计的促销奖励 ' });
    expect(noted.adjustment_note).toBe('扣回 12 月多计的促销奖励');
    expect(hash()).not.toBe(plain);
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '-10.00', reason: '退货补差', note: '  ' });
    expect(hash()).toBe(plain);
  });

  it('marks a draft statement', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const one = path.join(h.dir, 'one.xlsx');
    await h.ok(w.prep, 'export.statements', { period: '2026-01', mode: 'workbook', out: one });
    const ws = (await readWorkbook(one)).worksheets[0];
    expect(String(ws?.getCell('A1').value)).toContain('【草稿 DRAFT】');
    expect(texts(ws ?? new ExcelJS.Workbook().addWorksheet('x')).join('\n')).toContain('尚未审批');
  });
});

describe('ERP posting file (凭证导入)', () => {
  it('is refused for a batch that is not approved, then written as xlsx and CSV in the default layout', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    h.store.db.prepare("UPDATE distributors SET name = '-1+2' WHERE code = 'D5'").run();
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    const draft = await h.call(w.prep, 'export.posting', { period: '2026-01', format: 'xlsx', out: path.join(h.dir, 'p.xlsx') });
    expect(!draft.ok && [draft.error.kind, draft.error.key]).toEqual(['rejected', 'export.posting_not_approved']);
    expect(!draft.ok && draft.error.message).toContain('只有审批通过的批次');
    await approve(h, w);

    const xlsx = path.join(h.dir, 'post', 'p.xlsx');
    const r = await h.ok(w.prep, 'export.posting', { period: '2026-01', format: 'xlsx', out: xlsx });
    expect(r.rows).toBe(6); // D1, D3, D5 have a non-zero final: a debit and a credit line each
    const ws = (await readWorkbook(xlsx)).worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).values).toEqual([undefined, '凭证日期', '摘要', '科目编码', '借贷方向', '客户编码', '客户名称', '借方金额', '贷方金额', '批次哈希']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 0, 31)));
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect([ws.getCell('C2').value, ws.getCell('D2').value, ws.getCell('C3').value, ws.getCell('D3').value]).toEqual(['6601', '借', '2241', '贷']);
    expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
    let debit = 0n;
    let credit = 0n;
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      if (row.getCell(7).value !== null) debit += cellCents(row.getCell(7));
      if (row.getCell(8).value !== null) credit += cellCents(row.getCell(8));
    }
    expect(debit).toBe(batchTotal());
    expect(credit).toBe(batchTotal());
    const d5 = ws.getRows(2, ws.rowCount - 1)?.find((row) => row.getCell(5).value === 'D5');
    expect(d5?.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(d5?.getCell(6).value).toBe('-1+2');

    const csvFile = path.join(h.dir, 'p.csv');
    const c = await h.ok(w.prep, 'export.posting', { period: '2026-01', format: 'csv', out: csvFile });
    expect(c.total).toBe(r.total);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF凭证日期,摘要,科目编码,借贷方向,客户编码,客户名称,借方金额,贷方金额,批次哈希\r\n')).toBe(true);
    expect(csv).toContain("2026-01-31,2026-01 经销商返利 -1+2,6601,借,D5,'-1+2,1469.14,,");
    expect(csv.trimEnd().split('\r\n')).toHaveLength(7);
  });

  it('follows the layout an administrator sets (and only an administrator)', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await approve(h, w);
    const got = await h.ok(w.prep, 'export.postingLayout.get', {});
    expect(got.is_default).toBe(true);
    const layout: PostingLayout = {
      mode: 'single',
      skip_zero: false,
      params: { debit_account: '6601.05', credit_account: '=2241', summary: '{code} 返利', voucher_date: '2026-02-05' },
      columns: [
        { header: '凭证字', source: 'constant', value: '记' },
        { header: '日期', source: 'voucher_date' },
        { header: '借方科目', source: 'debit_account' },
        { header: '贷方科目', source: 'credit_account' },
        { header: '金额', source: 'amount' },
        { header: '摘要', source: 'summary' },
      ],
    };
    const byPrep = await h.call(w.prep, 'export.postingLayout.set', { layout });
    expect(!byPrep.ok && byPrep.error.kind).toBe('forbidden');
    const dup = await h.call(w.admin, 'export.postingLayout.set', { layout: { ...layout, columns: [...layout.columns, { header: '金额', source: 'amount' }] } });
    expect(!dup.ok && dup.error.key).toBe('payload.invalid');
    const saved = await h.ok(w.admin, 'export.postingLayout.set', { layout });
    expect(saved.is_default).toBe(false);

    const csvFile = path.join(h.dir, 'single.csv');
    const r = await h.ok(w.prep, 'export.posting', { period: '2026-01', format: 'csv', out: csvFile });
    expect(r.rows).toBe(4); // every distributor with a final amount, zero included
    const lines = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('凭证字,日期,借方科目,贷方科目,金额,摘要');
    expect(lines[1]).toBe("记,2026-02-05,6601.05,'=2241,17110.00,D1 返利");

    const reset = await h.ok(w.admin, 'export.postingLayout.set', { layout: null });
    expect(reset.is_default).toBe(true);
    const audit = h.store.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'settings.posting_layout'").get() as { n: number };
    expect(audit.n).toBe(2);
  });
});
