import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { approve, calculatedMonth, type ApprovalWorld } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { cellCents, readWorkbook, rowStarting, sheet, sheetXml, texts } from '../testing/xlsx-read';

let h: Harness;
afterEach(() => h?.close());

/** Text a spreadsheet would run as a formula if it were written as one: in names and in reasons. */
export const NAMES: Record<string, string> = { D1: "=cmd|' /C calc'!A0", D2: '\t=1+1', D3: '\r=1+1', D5: '@SUM(A1)' };
export const REASONS: Record<string, string> = { D1: '=HYPERLINK("http://evil","x")', D2: '+1+1', D3: '-2+3', D5: '@SUM(A1:A9)' };

/** The seeded month with dangerous text in distributor names and adjustment reasons. */
export async function hostileMonth(): Promise<ApprovalWorld> {
  h = new Harness();
  const w = await calculatedMonth(h);
  for (const [code, name] of Object.entries(NAMES)) h.store.db.prepare('UPDATE distributors SET name = ? WHERE code = ?').run(name, code);
  await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
  for (const [i, [code, reason]] of Object.entries(REASONS).entries()) {
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code, amount: i % 2 ? '-12.34' : '100.01', reason });
  }
  return w;
}

const HEADER_ROW = 3;

function headerIndex(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(HEADER_ROW);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`no column ${header}: ${JSON.stringify(row.values)}`);
}

async function exportApproval(ctx: ApprovalWorld['prep']): Promise<string> {
  const out = path.join(h.dir, `approval-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await h.ok(ctx, 'export.approval', { period: '2026-01', out });
  expect(r.out).toBe(out);
  return out;
}

describe('approval workbook (审批表)', () => {
  it('has the five sheets, values only, money and rates formatted, totals exact to the cent', async () => {
    const w = await hostileMonth();
    await approve(h, w);
    const file = await exportApproval(w.prep);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '公式', '对账', '异常']);
    for (const xml of await sheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);

    const d = sheet(wb, '明细');
    expect(d.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 });
    expect(d.getRow(HEADER_ROW).getCell(1).font?.bold).toBe(true);
    // every formula's label is a column header, the rebate formula last among them
    const headers = (d.getRow(HEADER_ROW).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(headers).toEqual(expect.arrayContaining(['经销商编码', '经销商名称', '大区', '省份', '等级', '政策', '进货额（元）', '退货额（元）', '净进货额（元）', '退货率', '促销达成率', '基础返利率', '基础返利', '促销奖励', '累进返利', '退货扣减', '返利金额', '计算返利（元）', '调整（元）', '调整原因', '最终返利（元）']));
    expect(headers.indexOf('返利金额')).toBeGreaterThan(headers.indexOf('退货扣减'));

    const final = headerIndex(d, '最终返利（元）');
    const rate = headerIndex(d, '基础返利率');
    const totals = rowStarting(d, '合计');
    let sum = 0n;
    for (let r = HEADER_ROW + 1; r < totals.number; r++) {
      const c = d.getRow(r).getCell(final);
      if (c.value !== null) sum += cellCents(c);
    }
    expect(cellCents(totals.getCell(final))).toBe(sum);
    const d1 = rowStarting(d, 'D1');
    expect(d1.getCell(final).numFmt).toBe('#,##0.00');
    expect(d1.getCell(rate).numFmt).toBe('0.00%');
    expect(d1.getCell(rate).value).toBe(0.02);
    expect(d1.getCell(headerIndex(d, '进货额（元）')).value).toBe(600000);

    const s = sheet(wb, '汇总');
    const summaryTotal = rowStarting(s, '最终返利合计（元）').getCell(2);
    expect(summaryTotal.numFmt).toBe('#,##0.00');
    expect(cellCents(summaryTotal)).toBe(sum);
    const batchTotal = (h.store.db.prepare("SELECT total_cents FROM batches WHERE period = '2026-01'").get() as { total_cents: number }).total_cents;
    expect(sum).toBe(BigInt(batchTotal));
    // totals by region and by grade add up to the same cents
    const regionTotal = s.getRows(1, s.rowCount)?.filter((r) => r.getCell(1).value === '合计') ?? [];
    expect(regionTotal.map((r) => cellCents(r.getCell(5)))).toEqual([sum, sum]);
    const created = rowStarting(s, '创建人');
    expect(created.getCell(4).value).toBe('创建时间');
    expect(created.getCell(5).value).toBeInstanceOf(Date);
  });

  it('shows every decision and a signature per level of an approved batch, no draft mark', async () => {
    const w = await hostileMonth();
    await approve(h, w);
    const wb = await readWorkbook(await exportApproval(w.prep));
    const s = sheet(wb, '汇总');
    const all = texts(s).join('\n');
    expect(s.getCell('A1').value).toBe('示例食品有限公司 经销商返利审批表 2026-01');
    expect(all).not.toContain('草稿');
    for (const t of ['区域经理审核', '财务总监审批', '王经理（wang）', '赵总监（zhao）', '刘会计（prep）', '区域数据已核对', '同意发放', '一月返利，请审批', '制表', '审核', '批准', '签字：', '姓名：']) {
      expect(all).toContain(t);
    }
    const hash = (h.store.db.prepare("SELECT content_hash FROM batches WHERE period = '2026-01'").get() as { content_hash: string }).content_hash;
    expect(all).toContain(hash);
    // decision times are date cells
    const trail = rowStarting(s, '第 1 次');
    expect(trail.getCell(6).value).toBeInstanceOf(Date);
    expect(trail.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('marks a draft as 草稿 DRAFT in the title, a warning and every sheet title', async () => {
    const w = await hostileMonth();
    const wb = await readWorkbook(await exportApproval(w.prep));
    expect(String(sheet(wb, '汇总').getCell('A1').value)).toContain('【草稿 DRAFT】');
    expect(texts(sheet(wb, '汇总')).join('\n')).toContain('本表不得作为付款或入账依据');
    for (const name of ['明细', '公式', '对账', '异常']) expect(String(sheet(wb, name).getCell('A1').value)).toContain('草稿 DRAFT');
    // unsigned levels leave an empty signature line
    expect(texts(sheet(wb, '汇总')).join('\n')).toContain('尚未提交审批');
  });

  it('writes dangerous text as plain text cells, never formulas', async () => {
    const w = await hostileMonth();
    const file = await exportApproval(w.prep);
    const wb = await readWorkbook(file);
    const d = sheet(wb, '明细');
    const reasonCol = headerIndex(d, '调整原因');
    for (const code of Object.keys(NAMES)) {
      const row = rowStarting(d, code);
      for (const [cell, expected] of [[row.getCell(2), NAMES[code]], [row.getCell(reasonCol), REASONS[code]]] as const) {
        expect(cell.type, `${code} ${cell.address}`).toBe(ExcelJS.ValueType.String);
        // XML turns a bare CR into LF when read back: still text, still not a formula
        expect(cell.value).toBe(expected?.replace(/\r/g, '\n'));
      }
    }
    for (const xml of await sheetXml(file)) expect(xml).not.toMatch(/<f[ >]/);
  });

  it('speaks English for an English user', async () => {
    const w = await hostileMonth();
    const en = h.context('en');
    await h.ok(en, 'auth.signIn', { name: 'prep', password: 'prep-pass-1' });
    const wb = await readWorkbook(await exportApproval(en));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'Details', 'Formulas', 'Reconciliation', 'Exceptions']);
    expect(String(sheet(wb, 'Summary').getCell('A1').value)).toContain('Distributor Rebate Approval 2026-01【DRAFT】');
    expect(texts(sheet(wb, 'Exceptions')).join('\n')).toContain('No policy');
    expect(w.prep).toBeDefined();
  });

  it('lists policies with parameters and formulas, reconciliation findings and exceptions', async () => {
    const w = await hostileMonth();
    // a finding explained and confirmed by the preparer travels into the 对账 sheet
    const rec = await h.ok(w.prep, 'batch.reconcile', { period: '2026-01' });
    const flagged = rec.checks[0]!.code;
    await h.ok(w.prep, 'reconcile.note', { period: '2026-01', code: flagged, note: NOTE, confirmed: true });
    const wb = await readWorkbook(await exportApproval(w.prep));
    const f = texts(sheet(wb, '公式')).join('\n');
    for (const t of ['EAST', '华东阶梯返利', '大区：华东', 'grade_factor', 'A: 1.2, B: 1, C: 0.8, D: 0.5', '[0, 100000, 500000]', 'ladder(net, [0, 100000, 500000], [0, 0.01, 0.02])', '基础返利率', 'NATIONAL', '等级：A、B、C']) {
      expect(f).toContain(t);
    }
    const r = texts(sheet(wb, '对账')).join('\n');
    expect(r).toContain('退货率偏高');
    expect(r).toContain('退货原单未知');
    expect(r).toContain('本期未导入经销商申报');
    expect(r).toContain('已与经销商电话核实，属正常');
    // the long note prints whole: its cell wraps, its row is tall enough for its lines, every cell at the top
    const rs = sheet(wb, '对账');
    const noteRow = rs.getRows(1, rs.rowCount)!.find((row) => row.values instanceof Array && row.values.includes(NOTE))!;
    expect(noteRow, 'the note row').toBeDefined();
    const noteCell = noteRow.getCell((noteRow.values as unknown[]).indexOf(NOTE));
    expect(noteCell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const noteWidth = rs.getColumn(noteCell.col).width!;
    expect(noteRow.height).toBeGreaterThanOrEqual(Math.ceil((NOTE.length * 2) / noteWidth) * 15);
    // in every table text wraps and figures do not
    const details = sheet(wb, '明细');
    const first = details.getRows(1, details.rowCount)!.find((row) => (row.values as unknown[]).some((v) => typeof v === 'number'))!;
    first.eachCell((cell) => expect(cell.alignment?.wrapText ?? false, `${cell.address} ${String(cell.value)}`).toBe(typeof cell.value === 'string'));
    expect(r).toMatch(/待处理 \d+ 项/);
    expect(r).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const e = texts(sheet(wb, '异常')).join('\n');
    expect(e).toContain('无适用政策');
    expect(e).toContain('政策冲突');
    expect(e).toContain('数据检查：停用但有业务');
  });

  it('saves to the downloads folder for the UI, and refuses a path from a window', async () => {
    const w = await hostileMonth();
    const r = await h.ok(w.prep, 'export.approval', { period: '2026-01' });
    expect(r.download_id).toEqual(expect.any(String));
    expect(r.file_name).toBe('经销商返利审批表-2026-01.xlsx');
    expect(h.store.downloads.get(r.download_id ?? '', w.prep.session.user?.id ?? -1)?.fileName).toBe(r.file_name);
    const fromWindow = await h.call({ ...w.prep, host: 'electron' }, 'export.approval', { period: '2026-01', out: path.join(h.dir, 'x.xlsx') });
    expect(!fromWindow.ok && fromWindow.error.key).toBe('export.out_not_allowed');
    const noBatch = await h.call(w.prep, 'export.approval', { period: '2025-12' });
    expect(!noBatch.ok && noBatch.error.key).toBe('batch.not_found');
  });
});

describe('the audit chain head on the approval workbook (issue 11)', () => {
  it('prints the newest audit entry as ID:HASH; audit verify --head checks a printout against the database it came from', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await approve(h, w);
    const file = await exportApproval(w.prep);
    const s = sheet(await readWorkbook(file), '汇总');
    const row = rowStarting(s, '审计链头');
    const printed = String(row.getCell(2).value);
    expect(printed).toMatch(/^\d+:[0-9a-f]{64}$/);
    const [id, hash] = printed.split(':');
    expect(h.store.db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(Number(id))).toEqual({ hash });
    expect(texts(s).join('\n')).toContain(`rebate audit verify --head ${printed}`);
    const auditor = w.admin;
    expect(await h.ok(auditor, 'audit.verify', { head: printed })).toMatchObject({ ok: true });
    // a printout that did not come from this log (another hash at that entry, or an entry the log does not have)
    const forged = `${id}:${'0'.repeat(64)}`;
    const r = await h.ok(auditor, 'audit.verify', { head: forged });
    expect(r).toMatchObject({ ok: false, reason: 'printed_head' });
    if (!r.ok) expect(r.message).toContain(`第 ${id} 条记录`);
    expect(await h.ok(auditor, 'audit.verify', { head: `99999:${hash}` })).toMatchObject({ ok: false, reason: 'printed_head' });
  }, 60_000);
});

/** A reconciliation note longer than its column (40 wide), as preparers explain a finding. */
const NOTE = '已与经销商电话核实，属正常：该经销商三月集中退回二月的临期品，退货单已由区域经理签字确认，政策按退货率扣减，不需要另行调整。';

/** A comment longer than its column, as approvers write them. */
const LONG_COMMENT = '三月返利已按政策核算完毕。华南区两家经销商的申报与系统计算存在差异，已逐一核对原因并在对账表中说明；西南区退货率偏高的经销商已按政策扣减，请审批。';

describe('approval workbook printed (exports.md: wrapped text, page width, repeated headers, signatures, page numbers)', () => {
  it('prints the summary on one page with a signature block per level, wraps long comments, repeats table headers, numbers the pages', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await h.ok(w.prep, 'approval.submit', { period: '2026-01', comment: LONG_COMMENT });
    await h.ok(w.wang, 'approval.approve', { period: '2026-01', comment: '区域数据已核对' });
    await h.ok(w.zhao, 'approval.approve', { period: '2026-01', comment: '同意发放' });
    const wb = await readWorkbook(await exportApproval(w.prep));
    const s = sheet(wb, '汇总');

    // the summary: one page wide and one page tall, so the signatures print with the figures
    expect(s.pageSetup.fitToPage).toBe(true);
    expect([s.pageSetup.fitToWidth, s.pageSetup.fitToHeight, s.pageSetup.orientation]).toEqual([1, 1, 'landscape']);
    // every sheet's footer: batch and status left, 第 N 页 / 共 M 页 right
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddFooter).toBe('&L2026-01 批次 1 · 已审批&R第 &P 页 / 共 &N 页');
    // the tables repeat their header row (and the frozen code/name columns) on every printed page
    expect(sheet(wb, '明细').pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet(wb, '对账').pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);

    // the submission's long comment: whole, in a wrapping cell, on a row tall enough for its lines
    const submitted = s.getRows(1, s.rowCount)!.find((r) => r.getCell(7).value === LONG_COMMENT)!;
    expect(submitted, 'the comment row').toBeDefined();
    expect(submitted.getCell(7).alignment?.wrapText).toBe(true);
    expect(submitted.height).toBeGreaterThanOrEqual(45); // 143 display units in a 34-wide column: 5 lines
    const short = s.getRows(1, s.rowCount)!.find((r) => r.getCell(7).value === '区域数据已核对')!;
    expect(short.height ?? 15).toBeLessThanOrEqual(15);

    // a block per level: role, level, the printed name, an empty box to sign in, the date
    const block = rowStarting(s, '制表');
    expect([1, 3, 5].map((c) => block.getCell(c).value)).toEqual(['制表', '审核', '批准']);
    const level = s.getRow(block.number + 1);
    expect([3, 5].map((c) => level.getCell(c).value)).toEqual(['1. 区域经理审核', '2. 财务总监审批']);
    const names = s.getRow(block.number + 2);
    expect([1, 2, 3, 4, 5, 6].map((c) => names.getCell(c).value)).toEqual(['姓名：', '刘会计（prep）', '姓名：', '王经理（wang）', '姓名：', '赵总监（zhao）']);
    const signature = s.getRow(block.number + 3);
    expect([1, 3, 5].map((c) => signature.getCell(c).value)).toEqual(['签字：', '签字：', '签字：']);
    expect(signature.height).toBe(48);
    const dates = s.getRow(block.number + 4);
    expect([1, 3, 5].map((c) => dates.getCell(c).value)).toEqual(['日期：', '日期：', '日期：']);
    for (const c of [2, 4, 6]) expect(dates.getCell(c).value).toBeInstanceOf(Date);
  });
});
