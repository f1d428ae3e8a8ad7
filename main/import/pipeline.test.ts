import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMessage } from './messages';
import { csvEvents, FileImporter } from './pipeline';
import { claims, digest, distributors, lines, MASTER_CODES, promotions, run, sheetEvents, type TestSheet } from './pipeline-fixtures';
import { readXlsx } from './readers/xlsx-reader';

const jan = (day: number): Date => new Date(Date.UTC(2026, 0, day));

describe('purchases: header search, values, records, summary', () => {
  const sheet: TestSheet = {
    name: '华东',
    rows: [
      ['2026年1月进货明细表'],
      ['制表日期：2026-02-01'],
      null,
      ['单据编号', '行号', '单据日期', '客户编码', '客户名称', '存货编码', '数量', '单价', '价税合计', '金额', '备注'],
      ['XS-001', 1, jan(5), 'D001', '上海联华', 'SKU1', 10, 12.5, 125, 110.62, ''],
      ['XS-001', 2, '2026/1/6', 'Ｄ００２', '北京华联超市', 'sku2', '5', '20', '¥1,234.50', '1,092.48', '加急'],
      ['', null, '  '],
      ['XS-002', 1, 46030, 123, '广州百佳', 'SKU3', 1, 1000, '1,000', 884.96],
      ['合计', null, null, null, null, null, 16, null, { formula: 'SUM(I5:I8)', result: 2359.5 }],
    ],
  };

  it('reads the rows under the header into records, skipping title, blank and totals rows', async () => {
    const { records: out, result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(lines(out)).toEqual([
      { sheet: '华东', row: 5, doc_no: 'XS-001', line_no: '1', date: '2026-01-05', distributor_code: 'D001', distributor_name: '上海联华', sku_code: 'SKU1', sku_name: null, quantity: '10', unit_price: '12.5', amount: '125.00' },
      { sheet: '华东', row: 6, doc_no: 'XS-001', line_no: '2', date: '2026-01-06', distributor_code: 'D002', distributor_name: '北京华联超市', sku_code: 'SKU2', sku_name: null, quantity: '5', unit_price: '20', amount: '1234.50' },
      { sheet: '华东', row: 8, doc_no: 'XS-002', line_no: '1', date: '2026-01-08', distributor_code: '00123', distributor_name: '广州百佳', sku_code: 'SKU3', sku_name: null, quantity: '1', unit_price: '1000', amount: '1000.00' },
    ]);
    expect(result.summary).toEqual({ file: 'test.xlsx', kind: 'purchases', sheets: [{ name: '华东', header_row: 4, rows: 3 }], rows: 3, total: '2359.50' });
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
  });

  it('warns of the ignored columns once, a padded code once, a differing name once; the amount choice is a note', async () => {
    const { result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(result.inferred.map(digest)).toEqual(['import.inferred.amount | 华东 | 4 | I | 价税合计 | 价税合计']);
    expect(result.inferred[0]?.params).toEqual({ field: 'amount', column: 'I', header: '价税合计', columns: 'I,J', reason: 'tax_inclusive' });
    expect(result.warnings.map(digest)).toEqual([
      'import.header.column_ignored | 华东 | 4 | K | 备注 | 备注',
      'import.name.mismatch | 华东 | 6 | E | 客户名称 | 北京华联超市',
      'import.code.padded_match | 华东 | 8 | D | 客户编码 | 123',
    ]);
    expect(result.warnings[1]?.params).toEqual({ field: 'distributor_name', value: '北京华联超市', code: 'D002', expected: '北京华联' });
    expect(result.warnings[2]?.params).toEqual({ field: 'distributor_code', value: '123', match: '00123' });
    expect(result.warningCount).toBe(3);
  });

  it('gives the mapping, a template per header and the first records for the preview', async () => {
    const { result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    const [mapping] = result.mappings;
    expect(mapping?.sheet).toBe('华东');
    expect(mapping?.header_row).toBe(4);
    expect(mapping?.columns.map((c) => `${c.column}:${c.field}:${c.header}`)).toEqual([
      'A:doc_no:单据编号',
      'B:line_no:行号',
      'C:date:单据日期',
      'D:distributor_code:客户编码',
      'E:distributor_name:客户名称',
      'F:sku_code:存货编码',
      'G:quantity:数量',
      'H:unit_price:单价',
      'I:amount:价税合计',
    ]);
    expect(mapping?.ignored).toEqual([{ column: 'K', header: '备注' }]);
    expect(result.templates).toHaveLength(1);
    expect(result.templates[0]).toMatchObject({ kind: 'purchases', signature: mapping?.signature, headerRowSpan: 1, columns: { I: 'amount', K: null } });
    expect(result.preview.map((r) => r.record.row)).toEqual([5, 6, 8]);
  });

  it('holds at most 20 records for the preview', async () => {
    const rows = Array.from({ length: 45 }, (_, i) => [`XS-${i}`, jan(1), 'D001', 1]);
    const { records: out, result } = await run(sheetEvents([{ name: 'S', rows: [['单据编号', '日期', '客户编码', '金额'], ...rows] }]), { kind: 'purchases' });
    expect(out).toHaveLength(45);
    expect(result.preview).toHaveLength(20);
    expect(result.summary.total).toBe('45.00');
  });
});

describe('purchases: every problem at its place', () => {
  const sheet: TestSheet = {
    name: '一月',
    rows: [
      ['单据编号', '单据日期', '经销商编码', '金额', '数量'],
      ['XS-101', '2026-02-03', 'D001', 100, 1],
      ['XS-102', '2026-01-10', 'd999', 50, 1],
      ['XS-103', '2026-01-11', 'D001', -80, -2],
      ['XS-104', '2026-01-12', 'D001', 'abc', 1],
      ['XS-105', null, 'D001', { formula: 'E6*10' }, 1],
      ['XS-106', '2026-01-13', 'D001', 70, 1],
      ['小计', null, null, 999],
      ['XS-107', '2026-01-14', 'D002', 30, 1],
      ['合计', null, null, 170],
      ['XS-108', '2026-01-15', 'D002', '(20.00)', 1],
      ['小计', null, null, '-20'],
    ],
  };

  it('reports each with key, sheet, row, column, header and value; rows with errors give no record', async () => {
    const { records: out, result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(result.errors.map(digest)).toEqual([
      'import.date.outside_period | 一月 | 2 | B | 单据日期 | 2026-02-03',
      'import.code.not_found | 一月 | 3 | C | 经销商编码 | d999',
      'import.purchase.negative | 一月 | 4 | D | 金额 | -80',
      'import.purchase.negative | 一月 | 4 | E | 数量 | -2',
      'import.value.not_number | 一月 | 5 | D | 金额 | abc',
      'import.value.missing | 一月 | 6 | B | 单据日期 | ',
      'import.value.formula_no_result | 一月 | 6 | D | 金额 | =E6*10',
      'import.purchase.negative | 一月 | 11 | D | 金额 | (20.00)',
    ]);
    expect(result.errors[0]).toMatchObject({ file: 'test.xlsx', field: 'date', params: { field: 'date', value: '2026-02-03', period: '2026-01' } });
    expect(result.errors[1]?.params).toEqual({ field: 'distributor_code', value: 'D999' });
    expect(lines(out).map((r) => r.row)).toEqual([7, 9]);
    expect(result.summary.rows).toBe(2);
    expect(result.summary.total).toBe('100.00');
  });

  it('checks totals rows against the rows since the header or since the previous totals row', async () => {
    const { result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    expect(result.warnings.map(digest)).toEqual(['import.totals.mismatch | 一月 | 8 | D | 金额 | 999']);
    // 100 + 50 - 80 + 70: the unreadable amounts are not in the sum, the rows with other errors are.
    expect(result.warnings[0]?.params).toEqual({ field: 'amount', value: '999.00', expected: '140.00', segment: '140.00' });
  });

  it('says what is wrong and what to do, in both languages', async () => {
    const { result } = await run(sheetEvents([sheet]), { kind: 'purchases' });
    const [outside, unknown, negative] = result.errors;
    expect(outside && formatMessage('import.date.outside_period', outside.params, 'zh-CN')).toBe(
      '单据日期“2026-02-03”不在导入账期 2026-01 内。请确认该行属于 2026-01；如属于其他月份，请放到该月份的文件中导入。',
    );
    expect(unknown && formatMessage('import.code.not_found', unknown.params, 'en')).toContain('"D999" is not in the distributor master data');
    expect(negative && formatMessage('import.purchase.negative', negative.params, 'en')).toBe(
      'Amount is negative (-80.00) in a purchases file; this is usually a return exported as a purchase line. Import returns as a returns file, or correct the row.',
    );
    const totals = result.warnings[0];
    expect(totals && formatMessage('import.totals.mismatch', totals.params, 'zh-CN')).toContain('自表头起合计为 140.00');
  });

  it('caps the issues it keeps but counts them all', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`XS-${i}`, '2026-03-01', 'D001', 1]);
    const { result } = await run(sheetEvents([{ name: 'S', rows: [['单据编号', '日期', '客户编码', '金额'], ...rows] }]), { kind: 'purchases', maxIssues: 5 });
    expect(result.errors).toHaveLength(5);
    expect(result.errorCount).toBe(30);
  });

  it('does not check codes without master data', async () => {
    const { records: out } = await run(sheetEvents([sheet]), { kind: 'purchases', masterCodes: null });
    expect(lines(out).map((r) => r.row)).toEqual([3, 7, 9]);
  });
});

describe('sheets: hidden, not selected, without a header, beyond row 30', () => {
  const data: TestSheet = { name: '数据', rows: [['单据编号', '单据日期', '客户编码', '价税合计'], ['XS-1', jan(2), 'D001', 10]] };
  const notes: TestSheet = { name: '说明', rows: [['本表由 ERP 导出'], ['金额单位：元']] };
  const hidden: TestSheet = { name: '底稿', hidden: true, rows: [['单据编号', '单据日期', '客户编码', '价税合计'], ['XS-9', jan(2), 'D001', 99]] };
  const empty: TestSheet = { name: 'Sheet3', rows: [] };

  it('reads the visible sheets with a header and names the others in the summary', async () => {
    const { records: out, result } = await run(sheetEvents([notes, data, hidden, empty]), { kind: 'purchases' });
    expect(result.summary.sheets).toEqual([
      { name: '说明', header_row: null, rows: 0, skipped: 'no_header' },
      { name: '数据', header_row: 1, rows: 1 },
      { name: '底稿', header_row: null, rows: 0, skipped: 'hidden' },
      { name: 'Sheet3', header_row: null, rows: 0, skipped: 'no_header' },
    ]);
    expect(out).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(digest)).toEqual(['import.sheet.no_header | 说明 | - | - | - | -']);
    expect(result.warnings[0]?.params).toEqual({ sheet: '说明', kind: 'purchases', fields: 'doc_no,date,distributor_code,amount' });
  });

  it('reads only the sheets asked for', async () => {
    const other: TestSheet = { ...data, name: '华南' };
    const { records: out, result } = await run(sheetEvents([data, other]), { kind: 'purchases', sheets: ['华南'] });
    expect(result.summary.sheets.map((s) => `${s.name}:${s.skipped ?? s.header_row}`)).toEqual(['数据:not_selected', '华南:1']);
    expect(lines(out).map((r) => r.sheet)).toEqual(['华南']);
  });

  it('rejects the file when an asked-for sheet is not in it', async () => {
    const { result } = await run(sheetEvents([notes, data, hidden]), { kind: 'purchases', sheets: ['二月'] });
    expect(result.errors.map(digest)).toEqual(['import.file.sheet_not_found | - | - | - | - | -']);
    expect(formatMessage('import.file.sheet_not_found', result.errors[0]?.params ?? {}, 'en')).toBe(
      'The file has no sheet named 二月, so nothing was imported. Its sheets are: 说明, 数据. Check the sheet names.',
    );
  });

  it('rejects the file when no sheet has a header, naming the closest', async () => {
    const partial: TestSheet = { name: '明细', rows: [['2026年1月'], ['单据编号', '单据日期', '客户编码', '结算额'], ['XS-1', jan(2), 'D001', 10]] };
    const { records: out, result } = await run(sheetEvents([notes, partial, hidden]), { kind: 'purchases' });
    expect(out).toEqual([]);
    expect(result.errors.map(digest)).toEqual(['import.file.header_incomplete | 明细 | 2 | - | - | -']);
    expect(result.errors[0]?.params).toEqual({ kind: 'purchases', sheet: '明细', row: 2, fields: 'amount' });
    expect(formatMessage('import.file.header_incomplete', result.errors[0]?.params ?? {}, 'zh-CN')).toBe(
      '文件中没有任何工作表含有完整的进货明细表头，整个文件未导入：最接近的是工作表“明细”第 2 行，但缺少 金额 列。请检查列名，或手动指定这些列。',
    );
    expect(result.warnings.map(digest)).toEqual(['import.sheet.no_header | 说明 | - | - | - | -', 'import.sheet.header_incomplete | 明细 | 2 | - | - | -']);
  });

  it('rejects a file with nothing but hidden and empty sheets', async () => {
    const { result } = await run(sheetEvents([hidden, empty]), { kind: 'claims' });
    expect(result.errors.map((e) => [e.key, e.params])).toEqual([['import.file.no_header', { kind: 'claims', fields: 'distributor_code,claimed_rebate' }]]);
  });

  it('finds a header as low as row 30 and streams the rows after it', async () => {
    const rows: (string | number | Date)[][] = Array.from({ length: 27 }, (_, i) => [`说明第 ${i + 1} 行`]);
    rows.push(['单据编号', '单据日期', '客户编码', '价税合计']);
    for (let i = 0; i < 12; i++) rows.push([`XS-${i}`, jan(3), 'D001', i]);
    const { records: out, result } = await run(sheetEvents([{ name: 'S', rows }]), { kind: 'purchases' });
    expect(result.summary.sheets).toEqual([{ name: 'S', header_row: 28, rows: 12 }]);
    expect(lines(out).map((r) => r.row)).toEqual([29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]);
  });

  it('does not look for a header below row 30', async () => {
    const rows: string[][] = Array.from({ length: 30 }, () => ['说明']);
    rows.push(['单据编号', '单据日期', '客户编码', '价税合计'], ['XS-1', '2026-01-02', 'D001', '1']);
    const { result } = await run(sheetEvents([{ name: 'S', rows }]), { kind: 'purchases' });
    expect(result.summary.sheets[0]?.skipped).toBe('no_header');
    expect(result.errors.map((e) => e.key)).toEqual(['import.file.no_header']);
  });
});

describe('mapping: the user override and saved templates', () => {
  const settled: TestSheet = { name: 'S', rows: [['单号', '日期', '客户编码', '结算金额', '金额（不含税）'], ['XS-1', jan(4), 'D001', 113, 100]] };

  it('takes the user column choices', async () => {
    const { records: out, result } = await run(sheetEvents([settled]), { kind: 'purchases', override: { columns: { D: 'amount' } } });
    expect(lines(out).map((r) => r.amount)).toEqual(['113.00']);
    expect(result.templates[0]?.columns).toMatchObject({ D: 'amount' });
  });

  it('applies a saved template to a file of the same shape, and the user choices on top of it', async () => {
    const first = await run(sheetEvents([settled]), { kind: 'purchases', override: { columns: { D: 'amount' } } });
    const templates = first.result.templates;
    const again = await run(sheetEvents([{ ...settled, rows: [['2026年2月'], ...settled.rows] }]), { kind: 'purchases', templates });
    expect(lines(again.records).map((r) => [r.row, r.amount])).toEqual([[3, '113.00']]);
    const overridden = await run(sheetEvents([settled]), { kind: 'purchases', template: templates[0] ?? null, override: { columns: { E: 'amount' } } });
    expect(overridden.result.errors).toEqual([]);
    expect(lines(overridden.records).map((r) => r.amount)).toEqual(['100.00']);
  });

  it('ignores a template whose header the sheet does not have', async () => {
    const first = await run(sheetEvents([settled]), { kind: 'purchases', override: { columns: { D: 'amount' } } });
    const other: TestSheet = { name: 'S', rows: [['单据编号', '单据日期', '客户编码', '价税合计', '结算金额'], ['XS-1', jan(4), 'D001', 5, 6]] };
    const { records: out } = await run(sheetEvents([other]), { kind: 'purchases', templates: first.result.templates });
    expect(lines(out).map((r) => r.amount)).toEqual(['5.00']);
  });

  it('reports an override that names a field of another kind as an error', async () => {
    const { result } = await run(sheetEvents([settled]), { kind: 'purchases', override: { columns: { D: 'claimed_rebate' } } });
    expect(result.errors.map(digest)).toEqual(['import.mapping.field_not_in_kind | S | - | - | - | -']);
  });
});

describe('returns', () => {
  const sheet: TestSheet = {
    name: '退货',
    rows: [
      ['退货单号', '退货日期', '客户编码', '退货金额', '退货数量', '原单号', '退货原因'],
      ['TH-1', jan(7), 'D001', '(100.00)', -2, 'XS-001', '破损'],
      ['TH-2', jan(8), 'D002', -50, '-1', 'XS-002', null],
      ['TH-3', jan(9), 'D001', 30, 1, null, '临期'],
      ['合计', null, null, -120, -2],
      ['TH-4', jan(10), 'D010', -5, -1],
      ['小计', null, null, 5],
    ],
  };

  it('stores magnitudes, checks totals in either sign, and warns once of mixed signs at the rarer sign', async () => {
    const { records: out, result } = await run(sheetEvents([sheet]), { kind: 'returns' });
    expect(lines(out).map((r) => [r.row, r.amount, r.quantity, r.original_doc_no, r.reason])).toEqual([
      [2, '100.00', '2', 'XS-001', '破损'],
      [3, '50.00', '1', 'XS-002', null],
      [4, '30.00', '1', null, '临期'],
      [6, '5.00', '1', null, null],
    ]);
    expect(result.summary.total).toBe('185.00');
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(digest)).toEqual(['import.returns.mixed_signs | 退货 | 4 | D | 退货金额 | 30']);
    expect(result.warnings[0]?.params).toEqual({ positive: 1, negative: 3, sheet: '退货', row: 4 });
  });

  it('keeps purchases-only records free of the returns fields', async () => {
    const { records: out } = await run(sheetEvents([{ name: 'S', rows: [['单据编号', '日期', '客户编码', '金额'], ['XS-1', jan(1), 'D001', 1]] }]), { kind: 'purchases' });
    expect(Object.keys(lines(out)[0] ?? {})).not.toContain('reason');
  });
});

describe('promotions and claims', () => {
  it('reads rates from % formats, % text and plain numbers, and wants a rate or target + actual', async () => {
    const sheet: TestSheet = {
      name: '促销',
      rows: [
        ['经销商编码', '活动编码', '活动名称', '目标金额', '达成金额', '达成率'],
        ['D001', 'P01', '春节', 10000, 8550, 0.855],
        ['D002', 'P01', '春节', null, null, 85],
        ['D010', 'P01', '春节', 5000, 6000, null],
        ['D001', 'P02', '元宵', 5000, null, null],
        ['D002', 'P02', '元宵', null, null, '92.5%'],
        ['D010', 'P02', '元宵', null, null, 'n/a'],
      ],
      percent: { 2: [5] },
    };
    const { records: out, result } = await run(sheetEvents([sheet]), { kind: 'promotions' });
    expect(promotions(out).map((r) => [r.row, r.distributor_code, r.target_amount, r.actual_amount, r.achievement_rate])).toEqual([
      [2, 'D001', '10000.00', '8550.00', '0.855'],
      [3, 'D002', null, null, '0.85'],
      [4, 'D010', '5000.00', '6000.00', null],
      [6, 'D002', null, null, '0.925'],
    ]);
    expect(result.summary.total).toBe('14550.00');
    expect(result.warnings.map(digest)).toEqual(['import.value.rate_as_percent | 促销 | 3 | F | 达成率 | 85']);
    expect(result.errors.map(digest)).toEqual(['import.promotion.rate_or_target | 促销 | 5 | F | 达成率 | ', 'import.value.not_rate | 促销 | 7 | F | 达成率 | n/a']);
  });

  it('places the rate-or-target error at the missing amount when the file has no rate column', async () => {
    const sheet: TestSheet = { name: 'S', rows: [['客户编码', '目标', '实际'], ['D001', 100, null], ['D002', null, 50]] };
    const { result } = await run(sheetEvents([sheet]), { kind: 'promotions' });
    expect(result.errors.map(digest)).toEqual(['import.promotion.rate_or_target | S | 2 | C | 实际 | ', 'import.promotion.rate_or_target | S | 3 | B | 目标 | ']);
  });

  it('reads claims and adds up the claimed rebate', async () => {
    const sheet: TestSheet = { name: '申报', rows: [['客户编码', '申报返利（元）'], ['D001', '1,200.00'], ['00123', 300.456], ['合计', 1500.46]] };
    const { records: out, result } = await run(sheetEvents([sheet]), { kind: 'claims' });
    expect(claims(out)).toEqual([
      { sheet: '申报', row: 2, distributor_code: 'D001', claimed_rebate: '1200.00' },
      { sheet: '申报', row: 3, distributor_code: '00123', claimed_rebate: '300.46' },
    ]);
    expect(result.summary.total).toBe('1500.46');
    expect(result.warnings).toEqual([]);
  });
});

describe('distributors', () => {
  it('defaults the status, requires code, name, region and grade, and refuses a code twice in the file', async () => {
    const sheets: TestSheet[] = [
      {
        name: '华东',
        rows: [
          ['经销商编码', '经销商名称', '大区', '省份', '城市', '等级', '状态'],
          ['D001', '上海联华', '华东', '上海', '上海', 'A', null],
          ['D002', '杭州联华', '华东', '浙江', '杭州', 'B', '停用'],
          ['D003', '南京联华', null, '江苏', null, 'B', '正常'],
          ['D004', '苏州联华', '华东', '江苏', '苏州', 'C', '暂停'],
        ],
      },
      { name: '华北', rows: [['客户编码', '客户名称', '区域', '级别'], ['d001', '上海联华(重复)', '华北', 'A'], [' D005 ', '北京物美', '华北', 'A']] },
    ];
    const { records: out, result } = await run(sheetEvents(sheets), { kind: 'distributors' });
    expect(distributors(out)).toEqual([
      { sheet: '华东', row: 2, code: 'D001', name: '上海联华', region: '华东', province: '上海', city: '上海', grade: 'A', status: 'active' },
      { sheet: '华东', row: 3, code: 'D002', name: '杭州联华', region: '华东', province: '浙江', city: '杭州', grade: 'B', status: 'inactive' },
      { sheet: '华北', row: 3, code: 'D005', name: '北京物美', region: '华北', province: null, city: null, grade: 'A', status: 'active' },
    ]);
    expect(result.errors.map(digest)).toEqual([
      'import.value.missing | 华东 | 4 | C | 大区 | ',
      'import.value.not_status | 华东 | 5 | G | 状态 | 暂停',
      'import.distributor.duplicate_in_file | 华北 | 2 | A | 客户编码 | d001',
    ]);
    expect(result.errors[2]?.params).toEqual({ field: 'code', value: 'D001', firstSheet: '华东', firstRow: 2 });
    expect(result.summary.total).toBe('0.00');
    expect(result.summary.rows).toBe(3);
  });
});

describe('the FileImporter API', () => {
  it('refuses a malformed period and rows before a sheet', () => {
    expect(() => new FileImporter({ file: 'f', kind: 'claims', period: '2026-13', masterCodes: [] }, () => undefined)).toThrow(RangeError);
    const importer = new FileImporter({ file: 'f', kind: 'claims', period: '2026-01', masterCodes: [] }, () => undefined);
    expect(() => importer.row({ row: 1, values: [] })).toThrow();
  });

  it('counts the rows it receives, for progress', () => {
    const importer = new FileImporter({ file: 'f', kind: 'claims', period: '2026-01', masterCodes: MASTER_CODES }, () => undefined);
    for (const e of sheetEvents([{ name: 'S', rows: [['客户编码', '申报返利'], ['D001', 1], null, ['D002', 2]] }])) {
      if (e.type === 'sheet') importer.sheet(e.sheet);
      else importer.row(e.row);
    }
    expect(importer.rowsRead).toBe(3);
    expect(importer.finish().summary.rows).toBe(2);
  });
});

describe('CSV through csvEvents', () => {
  it('reads a GBK (GB18030) CSV as one sheet with Excel row numbers', async () => {
    const text = ['单据编号,单据日期,客户编码,客户名称,价税合计', 'XS-1,2026/1/5,D001,上海联华,"1,234.50"', 'XS-2,2026年1月6日,Ｄ００９,某某商行,￥88', '合计,,,,"1,322.50"', ''].join('\r\n');
    const bytes = iconv.encode(text, 'gbk');
    const { records: out, result } = await run(csvEvents(bytes, '进货明细'), { kind: 'purchases', file: '进货明细.csv' });
    expect(lines(out).map((r) => [r.sheet, r.row, r.date, r.distributor_name, r.amount])).toEqual([['进货明细', 2, '2026-01-05', '上海联华', '1234.50']]);
    expect(result.errors.map(digest)).toEqual(['import.code.not_found | 进货明细 | 3 | C | 客户编码 | Ｄ００９']);
    expect(result.errors[0]?.file).toBe('进货明细.csv');
    expect(result.warnings).toEqual([]);
  });

  it('turns an unreadable CSV into the file error, without a second "no header" error', async () => {
    const malformed = await run(csvEvents(Buffer.from('单据编号,金额\n"XS-1,1\n'), 'x'), { kind: 'purchases' });
    expect(malformed.result.errors.map((e) => [e.key, e.row])).toEqual([['import.csv.malformed', 2]]);
    const empty = await run(csvEvents(Buffer.alloc(0), 'x'), { kind: 'purchases' });
    expect(empty.result.errors.map((e) => e.key)).toEqual(['import.csv.empty']);
  });
});

describe('a real workbook through readXlsx', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-pipeline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function purchasesWorkbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    notes.addRow(['本文件由 ERP 导出，请勿修改格式']);
    notes.addRow(['金额单位：元']);

    const ws = wb.addWorksheet('1月');
    ws.getCell('A1').value = '2026年1月进货明细表';
    ws.mergeCells('A1:H1');
    ws.getRow(3).values = ['单据信息', null, null, '经销商', null, '金额', null, '备注'];
    ws.getRow(4).values = ['单据编号', '行号', '日期', '编码', '名称', '数量', '价税合计'];
    ws.mergeCells('A3:C3');
    ws.mergeCells('D3:E3');
    ws.mergeCells('F3:G3');
    ws.mergeCells('H3:H4');
    const rows: ExcelJS.CellValue[][] = [
      ['XS-001', 1, jan(5), ' Ｄ００１ ', '上海联华', 10, '¥1,234.50'],
      ['XS-001', 2, jan(6), '123', '广州百佳', 5, 100],
      ['XS-002', 1, new Date(Date.UTC(2026, 1, 1)), 'D001', '上海联华', 1, 50],
      ['XS-003', 1, jan(7), 'D777', '未知商行', 1, 60],
      ['XS-004', 1, jan(8), 'D002', '北京华联', -3, -300],
      ['XS-005', 1, jan(9), 'D002', '北京华联', 2, { formula: 'F10*100', date1904: false }],
      ['小计', null, null, null, null, null, { formula: 'SUM(G5:G10)', result: 1144.5, date1904: false }],
      ['XS-006', 1, jan(10), 'D002', '北京华联', 1, 20],
      ['合计', null, null, null, null, null, 2000],
    ];
    rows.forEach((values, i) => {
      ws.getRow(5 + i).values = values;
    });

    const hidden = wb.addWorksheet('隐藏底稿');
    hidden.state = 'hidden';
    hidden.addRow(['单据编号', '单据日期', '客户编码', '价税合计']);
    hidden.addRow(['XS-999', jan(9), 'D001', 1]);

    const file = path.join(dir, 'purchases.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('reads title, merged two-row header, text codes and amounts; skips hidden and header-less sheets', async () => {
    const { records: out, result } = await run(readXlsx(await purchasesWorkbook()), { kind: 'purchases', file: 'purchases.xlsx' });
    expect(lines(out)).toEqual([
      { sheet: '1月', row: 5, doc_no: 'XS-001', line_no: '1', date: '2026-01-05', distributor_code: 'D001', distributor_name: '上海联华', sku_code: null, sku_name: null, quantity: '10', unit_price: null, amount: '1234.50' },
      { sheet: '1月', row: 6, doc_no: 'XS-001', line_no: '2', date: '2026-01-06', distributor_code: '00123', distributor_name: '广州百佳', sku_code: null, sku_name: null, quantity: '5', unit_price: null, amount: '100.00' },
      { sheet: '1月', row: 12, doc_no: 'XS-006', line_no: '1', date: '2026-01-10', distributor_code: 'D002', distributor_name: '北京华联', sku_code: null, sku_name: null, quantity: '1', unit_price: null, amount: '20.00' },
    ]);
    expect(result.summary).toEqual({
      file: 'purchases.xlsx',
      kind: 'purchases',
      sheets: [
        { name: '说明', header_row: null, rows: 0, skipped: 'no_header' },
        { name: '1月', header_row: 4, rows: 3 },
        { name: '隐藏底稿', header_row: null, rows: 0, skipped: 'hidden' },
      ],
      rows: 3,
      total: '1354.50',
    });
    expect(result.mappings[0]?.header_row_span).toBe(2);
    expect(result.mappings[0]?.columns.map((c) => `${c.column}:${c.field}:${c.header}`)).toEqual([
      'A:doc_no:单据编号',
      'B:line_no:行号',
      'C:date:日期',
      'D:distributor_code:经销商/编码',
      'E:distributor_name:经销商/名称',
      'F:quantity:数量',
      'G:amount:价税合计',
    ]);
  });

  it('reports every problem of the workbook at its cell', async () => {
    const { result } = await run(readXlsx(await purchasesWorkbook()), { kind: 'purchases', file: 'purchases.xlsx' });
    expect(result.errors.map(digest)).toEqual([
      'import.date.outside_period | 1月 | 7 | C | 日期 | 2026-02-01',
      'import.code.not_found | 1月 | 8 | D | 经销商/编码 | D777',
      'import.purchase.negative | 1月 | 9 | G | 价税合计 | -300',
      'import.purchase.negative | 1月 | 9 | F | 数量 | -3',
      'import.value.formula_no_result | 1月 | 10 | G | 价税合计 | =F10*100',
    ]);
    expect(result.warnings.map(digest)).toEqual([
      'import.sheet.no_header | 说明 | - | - | - | -',
      'import.header.column_ignored | 1月 | 4 | H | 备注 | 备注',
      'import.code.padded_match | 1月 | 6 | D | 经销商/编码 | 123',
      'import.totals.mismatch | 1月 | 13 | G | 价税合计 | 2000',
    ]);
    expect(result.warnings[3]?.params).toEqual({ field: 'amount', value: '2000.00', expected: '1164.50', segment: '20.00' });
    expect(formatMessage('import.value.formula_no_result', result.errors[4]?.params ?? {}, 'zh-CN')).toContain('请用 Excel 或 WPS 打开该文件并保存');
  });

  it('reads a returns workbook with (100.00) and negative amounts as positive returns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('退货');
    ws.addRow(['退货单号', '退货日期', '客户编码', '退货金额']);
    ws.addRow(['TH-1', jan(3), 'D001', '(100.00)']);
    ws.addRow(['TH-2', jan(4), '00123', -50.5]);
    ws.addRow(['合计', null, null, { formula: 'SUM(D2:D3)', result: -150.5 }]);
    const file = path.join(dir, 'returns.xlsx');
    await wb.xlsx.writeFile(file);
    const { records: out, result } = await run(readXlsx(file), { kind: 'returns' });
    expect(lines(out).map((r) => [r.row, r.distributor_code, r.amount])).toEqual([
      [2, 'D001', '100.00'],
      [3, '00123', '50.50'],
    ]);
    expect(result.summary.total).toBe('150.50');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
