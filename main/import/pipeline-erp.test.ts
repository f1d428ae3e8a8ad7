import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { formatMessage, type MessageKey } from './messages';
import { claims, digest, lines, run, sheetEvents, type TestSheet } from './pipeline-fixtures';

const jan = (day: number): string => `2026-01-${String(day).padStart(2, '0')}`;

describe('currency qualifiers (本币/原币)', () => {
  const sheet: TestSheet = {
    name: '销售统计表',
    rows: [
      ['销售统计表'],
      ['发货单号', '日期', '客户编码', '存货编码', '数量', '原币价税合计', '本币无税金额', '本币价税合计'],
      ['FH01', jan(3), 'D001', 'A1', 2, 226, 200, 1582],
      ['FH02', jan(4), 'D002', 'A2', 1, 113, 100, 791],
      ['合计', null, null, null, 3, 339, 300, 2373],
    ],
  };

  it('match a qualified header, prefer 本币 over 原币, and say so', async () => {
    const { records, result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(lines(records).map((r) => r.amount)).toEqual(['1582.00', '791.00']);
    expect(result.summary.total).toBe('2373.00');
    expect(result.errors).toEqual([]);
    expect(result.inferred.map(digest)).toEqual([
      'import.inferred.qualifier | 销售统计表 | 2 | H | 本币价税合计 | 本币价税合计',
      'import.inferred.amount | 销售统计表 | 2 | H | 本币价税合计 | 本币价税合计',
    ]);
    expect(result.inferred[1]?.params).toMatchObject({ columns: 'H,F', reason: 'home_currency' });
    expect(formatMessage('import.inferred.amount', result.inferred[1]?.params ?? {}, 'zh-CN')).toContain('本币优先于原币');
    // 本币无税金额 is not an amount (tax-exclusive figures never are): listed as ignored.
    expect(result.warnings.map(digest)).toEqual(['import.header.column_ignored | 销售统计表 | 2 | G | 本币无税金额 | 本币无税金额']);
  });

  it('reads a trailing qualifier too', async () => {
    const s: TestSheet = { name: 'S', rows: [['单据编号', '日期', '客户编码', '价税合计（本币）'], ['X1', jan(2), 'D001', '1,000.00']] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(lines(records)[0]?.amount).toBe('1000.00');
    expect(result.inferred[0]?.params).toMatchObject({ column: 'D', field: 'amount', qualifier: '本币' });
  });
});

describe('line-level over document-level amount', () => {
  // 价税合计 here is the document's total, repeated on each of its lines; 金额 is the line's.
  const sheet: TestSheet = {
    name: '发货单列表',
    rows: [
      ['单据编号', '日期', '客户编码', '存货编码', '金额', '价税合计'],
      ['D1', jan(5), 'D001', 'A1', 100, 300],
      ['D1', jan(5), 'D001', 'A2', 200, 300],
      ['D2', jan(6), 'D002', 'A1', 50, 50],
    ],
  };

  it('takes the column whose values differ between the lines of one document, and says why', async () => {
    const { records, result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(lines(records).map((r) => r.amount)).toEqual(['100.00', '200.00', '50.00']);
    expect(result.summary.total).toBe('350.00');
    expect(result.inferred.map((i) => [i.key, i.column, i.params['reason']])).toEqual([['import.inferred.amount', 'E', 'line_level']]);
    expect(result.mappings[0]?.columns.find((c) => c.field === 'amount')?.column).toBe('E');
    // The template saved from it keeps the line-level column for next month's file.
    expect(result.templates[0]?.columns['E']).toBe('amount');
  });

  it('keeps the tax-inclusive column when no document of several lines tells them apart', async () => {
    const single: TestSheet = { name: 'S', rows: [sheet.rows[0] ?? [], ['D1', jan(5), 'D001', 'A1', 100, 113], ['D2', jan(6), 'D002', 'A1', 50, 56.5]] };
    const { records, result } = await run(sheetEvents([single]), { kind: 'purchases' });
    expect(lines(records).map((r) => r.amount)).toEqual(['113.00', '56.50']);
    expect(result.inferred[0]?.params['reason']).toBe('tax_inclusive');
  });

  it('decides from rows beyond the 30 the header search holds', async () => {
    const rows: (CellValue[] | null)[] = [['单据编号', '日期', '客户编码', '存货编码', '金额', '价税合计']];
    for (let i = 0; i < 40; i++) rows.push([`S${i}`, jan(7), 'D001', 'A1', 10, 10]);
    rows.push(['M1', jan(8), 'D001', 'A1', 1, 3], ['M1', jan(8), 'D001', 'A2', 2, 3]);
    const { records, result } = await run(sheetEvents([{ name: 'S', rows }]), { kind: 'purchases' });
    expect(records).toHaveLength(42);
    expect(result.summary.total).toBe('403.00');
    expect(result.inferred[0]?.params['reason']).toBe('line_level');
  });
});

describe('documents on several lines', () => {
  // 金蝶 KIS / 精斗云: the document's fields on its first line only.
  const sheet: TestSheet = {
    name: '销售单',
    rows: [
      ['单据编号', '单据日期', '客户编码', '客户名称', '商品编码', '数量', '价税合计'],
      ['XS-001', jan(5), 'D001', '上海联华', 'A1', 1, 100],
      [null, null, null, null, 'A2', 2, 200],
      ['', '', '', '', 'A3', 3, 300],
      ['XS-002', jan(6), 'D002', '北京华联', 'A1', 1, 50],
      [null, null, null, null, 'A2', 1, 60],
      ['合计', null, null, null, null, 8, 710],
    ],
  };

  it('carries the document fields down to its continuation lines, with one warning for the file', async () => {
    const { records, result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(lines(records).map((r) => [r.row, r.doc_no, r.date, r.distributor_code, r.sku_code, r.amount])).toEqual([
      [2, 'XS-001', '2026-01-05', 'D001', 'A1', '100.00'],
      [3, 'XS-001', '2026-01-05', 'D001', 'A2', '200.00'],
      [4, 'XS-001', '2026-01-05', 'D001', 'A3', '300.00'],
      [5, 'XS-002', '2026-01-06', 'D002', 'A1', '50.00'],
      [6, 'XS-002', '2026-01-06', 'D002', 'A2', '60.00'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.key === 'import.filldown.rows').map((w) => w.params)).toEqual([{ rows: 3, sheets: '销售单' }]);
    expect(result.inferred.map((i) => i.key)).toEqual(['import.inferred.filled_down']);
    expect(result.summary.total).toBe('710.00');
  });

  it('fills a repeated document number’s blank date and distributor from its first line', async () => {
    const s: TestSheet = { name: 'S', rows: [sheet.rows[0] ?? [], ['XS-9', jan(9), 'D010', null, 'A1', 1, 10], ['XS-9', null, null, null, 'A2', 1, 20]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(lines(records).map((r) => [r.doc_no, r.date, r.distributor_code])).toEqual([
      ['XS-9', '2026-01-09', 'D010'],
      ['XS-9', '2026-01-09', 'D010'],
    ]);
    expect(result.warnings.find((w) => w.key === 'import.filldown.rows')?.params).toEqual({ rows: 1, sheets: 'S' });
  });

  it('refuses a continuation line that follows no document: first data row, and after a totals row', async () => {
    const s: TestSheet = {
      name: 'S',
      rows: [sheet.rows[0] ?? [], [null, null, null, null, 'A1', 1, 10], ['XS-1', jan(5), 'D001', null, 'A1', 1, 10], ['小计', null, null, null, null, 1, 10], [null, null, null, null, 'A9', 1, 5]],
    };
    const { result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors.map(digest)).toEqual(['import.line.orphan | S | 2 | A | 单据编号 | ', 'import.line.orphan | S | 5 | A | 单据编号 | ']);
    expect(formatMessage('import.line.orphan', result.errors[0]?.params ?? {}, 'zh-CN')).toContain('上方也没有可承接的单据');
  });

  it('still refuses a blank date on a document’s own first line', async () => {
    const s: TestSheet = { name: 'S', rows: [sheet.rows[0] ?? [], ['XS-1', null, 'D001', null, 'A1', 1, 10]] };
    const { result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors.map((e) => [e.key, e.field])).toEqual([['import.value.missing', 'date']]);
  });

  it('fills returns too', async () => {
    const s: TestSheet = { name: 'S', rows: [['退货单号', '退货日期', '客户编码', '存货编码', '退货金额'], ['TH1', jan(5), 'D001', 'A1', -10], [null, null, null, 'A2', -20]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'returns' });
    expect(lines(records).map((r) => [r.doc_no, r.amount])).toEqual([
      ['TH1', '10.00'],
      ['TH1', '20.00'],
    ]);
    expect(result.summary.total).toBe('30.00');
  });
});

describe('distributor by name', () => {
  const header = ['客户', '单据编号', '单据日期', '名称', '数量', '价税合计'];

  it('finds the distributor by its name when there is no code column (trimmed, NFKC), and says names were used', async () => {
    const s: TestSheet = { name: '单据明细', rows: [header, [' 上海联华 ', 'X1', jan(5), '茶', 1, 10], ['北京华联', 'X2', jan(5), '茶', 1, 20], ['上海联华', 'X3', jan(6), '茶', 1, 5]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors).toEqual([]);
    expect(lines(records).map((r) => [r.distributor_code, r.distributor_name])).toEqual([
      ['D001', '上海联华'],
      ['D002', '北京华联'],
      ['D001', '上海联华'],
    ]);
    expect(result.inferred.map((i) => [i.key, i.params])).toEqual([['import.inferred.names_used', { rows: 3, names: 2 }]]);
  });

  it('refuses a name that matches no distributor, naming similar ones; and a blank name', async () => {
    const s: TestSheet = { name: 'S', rows: [header, ['上海联华超市', 'X1', jan(5), '茶', 1, 10], ['天虹', 'X2', jan(5), '茶', 1, 10], ['无此客户', 'X3', jan(5), '茶', 1, 10], [null, 'X4', jan(5), '茶', 1, 10]] };
    const { result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors.map((e) => [e.row, e.key, e.params['candidates'] ?? null])).toEqual([
      [2, 'import.name.not_found_similar', 'D001 上海联华'],
      [3, 'import.name.not_found_similar', 'D010 深圳天虹'],
      [4, 'import.name.not_found', null],
      [5, 'import.value.missing', null],
    ]);
    expect(formatMessage('import.name.not_found_similar', result.errors[0]?.params ?? {}, 'zh-CN')).toContain('相近的有：D001 上海联华');
  });

  it('refuses a name that several distributors have, naming them', async () => {
    const masterNames = new Map([
      ['D001', '华联'],
      ['D002', '华联'],
      ['D003', '联华'],
    ]);
    const s: TestSheet = { name: 'S', rows: [header, ['华联', 'X1', jan(5), '茶', 1, 10], ['联华', 'X2', jan(5), '茶', 1, 10]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases', masterCodes: ['D001', 'D002', 'D003'], masterNames });
    expect(result.errors.map(digest)).toEqual(['import.name.ambiguous | S | 2 | A | 客户 | 华联']);
    expect(formatMessage('import.name.ambiguous', result.errors[0]?.params ?? {}, 'en')).toContain('matches 2 distributors in the master data: D001 华联, D002 华联');
    expect(lines(records).map((r) => r.distributor_code)).toEqual(['D003']);
  });

  it('uses the code column where there is one, whatever the name says', async () => {
    const s: TestSheet = { name: 'S', rows: [['客户编码', '客户', '单据编号', '日期', '金额'], ['D002', '上海联华', 'X1', jan(5), 10]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(lines(records)[0]?.distributor_code).toBe('D002');
    expect(result.warnings.map((w) => w.key)).toEqual(['import.name.mismatch']);
    expect(result.inferred).toEqual([]);
  });

  it('works for claims (申报) too', async () => {
    const s: TestSheet = { name: 'S', rows: [['购货单位', '申报返利'], ['深圳天虹', '1,200.00']] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'claims' });
    expect(result.errors).toEqual([]);
    expect(claims(records)).toEqual([{ sheet: 'S', row: 2, distributor_code: 'D010', claimed_rebate: '1200.00' }]);
  });

  it('works for settlements (返利兑付明细) too: a 兑付 export naming the customer only', async () => {
    const s: TestSheet = { name: 'S', rows: [['兑付单号', '兑付日期', '客户名称', '兑付金额', '兑付方式'], ['DF-1', jan(8), '深圳天虹', '300.00', '票折'], ['DF-2', jan(9), '无此客户', '10.00', '现金']] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'settlements' });
    expect(records.flatMap((r) => (r.kind === 'settlements' ? [[r.record.distributor_code, r.record.amount, r.record.method]] : []))).toEqual([['D010', '300.00', 'invoice']]);
    expect(result.errors.map((e) => [e.row, e.key])).toEqual([[3, 'import.name.not_found']]);
    expect(result.inferred.map((i) => i.key)).toEqual(['import.inferred.names_used']);
  });
});

describe('one layout per sheet', () => {
  const header = ['单据编号', '日期', '客户编码', '存货编码', '价税合计'];

  it('refuses a sheet with a second header of another layout below its data', async () => {
    const s: TestSheet = {
      name: 'S',
      rows: [header, ['X1', jan(5), 'D001', 'A1', 10], null, ['客户', '单号', '业务日期', '商品名称', '数量', '金额'], ['上海联华', 'Y1', jan(6), '茶', 1, 20]],
    };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors.map(digest)).toEqual(['import.sheet.mixed_layouts | S | 4 | - | - | -']);
    expect(result.errorCount).toBe(1);
    expect(records.map((r) => r.record.row)).toEqual([2]);
    const key: MessageKey = 'import.sheet.mixed_layouts';
    expect(formatMessage(key, result.errors[0]?.params ?? {}, 'zh-CN')).toBe(
      '工作表“S”混有多种格式：第 4 行又出现了一个列不同的表头（第一个表头在第 1 行）。一张工作表只能有一种格式，整个文件未导入；请把不同格式的数据放到不同的工作表或文件中。',
    );
  });

  it('skips the same header repeated (a print-style export), with a note', async () => {
    const s: TestSheet = { name: 'S', rows: [header, ['X1', jan(5), 'D001', 'A1', 10], header, ['X2', jan(5), 'D001', 'A1', 20]] };
    const { records, result } = await run(sheetEvents([s]), { kind: 'purchases' });
    expect(result.errors).toEqual([]);
    expect(records).toHaveLength(2);
    expect(result.inferred.map(digest)).toEqual(['import.inferred.repeated_header | S | 3 | - | - | -']);
  });
});
