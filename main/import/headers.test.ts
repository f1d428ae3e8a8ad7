import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { isTaxInclusiveHeader, normaliseHeader } from './header-normalise';
import { findHeader, findHeaderWithTemplate, headerNotes, locateSignature, templateOf, type FindHeaderResult, type HeaderMatch } from './headers';

function matched(result: FindHeaderResult): HeaderMatch {
  if (!result.ok) throw new Error(`header not found: ${result.key} ${JSON.stringify(result.params)}`);
  return result.match;
}

const PURCHASE_DATA: CellValue[][] = [
  ['XS202601001', 1, new Date(Date.UTC(2026, 0, 5)), 'D001', '上海联华', 'SKU01', '矿泉水', 100, 12.5, 1106.19, 1250, ''],
  ['XS202601001', 2, new Date(Date.UTC(2026, 0, 5)), 'D001', '上海联华', 'SKU02', '苏打水', 50, 20, 884.96, 1000, '赠品'],
  ['合计', null, null, null, null, null, null, 150, null, 1991.15, 2250, null],
];

/** A sheet as an ERP exports it: title, report date, blank row, then the header. */
const PURCHASES_SHEET: CellValue[][] = [
  ['2026年1月进货明细表'],
  ['报表日期：2026-02-01', null, null, '制表人：张三'],
  [],
  ['单据编号', '行号', '单据日期', '客户编码', '客户名称', '存货编码', '存货名称', '数量', '含税单价', '金额（元）', '价税合计', '备注'],
  ...PURCHASE_DATA,
];

describe('normaliseHeader', () => {
  it.each<[string, string]>([
    ['  金额  ', '金额'],
    ['金额（元）', '金额'],
    ['金额(元)', '金额'],
    ['Amount (RMB)', 'amount'],
    ['达成率(%)', '达成率'],
    ['达成率（%）', '达成率'],
    ['达成率【%】', '达成率'],
    ['单据\n日期', '单据日期'],
    ['单据\r\n日期', '单据日期'],
    ['ＤＯＣ　ＮＯ', 'docno'],
    ['Doc No.', 'docno'],
    ['line_no', 'lineno'],
    ['*单号', '单号'],
    ['单号：', '单号'],
    ['金额（含税）', '金额'],
    ['Amount (incl. VAT)', 'amount'],
    ['金额（不含税）', '金额(不含税)'],
    ['Amount (excl. tax)', 'amount(excltax)'],
    ['税额(元)', '税额'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });

  it('knows tax-inclusive headers', () => {
    for (const h of ['价税合计', '含税金额', '金额（含税）', 'Amount (incl. tax)']) expect(isTaxInclusiveHeader(h), h).toBe(true);
    for (const h of ['金额', '不含税金额', '金额(未税)', 'Amount (excl. tax)', 'net amount incl']) expect(isTaxInclusiveHeader(h), h).toBe(false);
  });
});

describe('findHeader: realistic sheets', () => {
  it('skips title, report date and blank rows', () => {
    const match = matched(findHeader(PURCHASES_SHEET, 'purchases'));
    expect(match.headerRow).toBe(4);
    expect(match.headerRowSpan).toBe(1);
    expect(match.fieldColumns).toEqual({
      doc_no: 0,
      line_no: 1,
      date: 2,
      distributor_code: 3,
      distributor_name: 4,
      sku_code: 5,
      sku_name: 6,
      quantity: 7,
      unit_price: 8,
      amount: 10,
    });
    expect(match.unmatched).toEqual([{ index: 11, letter: 'L', header: '备注' }]);
    expect(match.ambiguities).toEqual([
      { field: 'amount', chosen: { index: 10, letter: 'K', header: '价税合计' }, others: [{ index: 9, letter: 'J', header: '金额（元）' }], reason: 'tax_inclusive' },
    ]);
    expect(match.columns[0]).toEqual({ index: 0, letter: 'A', header: '单据编号', field: 'doc_no' });
  });

  it('lists the report lines: ambiguities and ignored columns', () => {
    expect(headerNotes(matched(findHeader(PURCHASES_SHEET, 'purchases')))).toEqual([
      { key: 'import.header.ambiguous', params: { field: 'amount', column: 'K', columns: 'K,J' } },
      { key: 'import.header.column_ignored', params: { column: 'L', header: '备注' } },
    ]);
  });

  it('reads 备注 as the reason of a returns sheet', () => {
    expect(matched(findHeader(PURCHASES_SHEET, 'returns')).fieldColumns.reason).toBe(11);
  });

  it('reads a two-row merged header as the streaming reader delivers it (value in the top-left cell only)', () => {
    const sheet: CellValue[][] = [
      ['2026年1月退货明细'],
      ['单据信息', null, null, '经销商', null, '退货金额（元）', '原单号', '备注'],
      ['单号', '日期', '行号', '编码', '名称', null, null, null],
      ['TH001', '2026-01-08', 1, 'D001', '上海联华', 300, 'XS202601001', '破损'],
    ];
    const match = matched(findHeader(sheet, 'returns'));
    expect(match.headerRow).toBe(3);
    expect(match.headerRowSpan).toBe(2);
    expect(match.fieldColumns).toEqual({ doc_no: 0, date: 1, line_no: 2, distributor_code: 3, distributor_name: 4, amount: 5, original_doc_no: 6, reason: 7 });
    expect(match.columns.find((c) => c.field === 'distributor_code')?.header).toBe('经销商/编码');
    expect(match.unmatched).toEqual([]);
  });

  it('reads a two-row merged header as the full loader delivers it (value repeated over the merge)', () => {
    const sheet: CellValue[][] = [
      ['单据信息', '单据信息', '单据信息', '经销商', '经销商', '金额（元）'],
      ['单号', '日期', '行号', '编码', '名称', '金额（元）'],
      ['XS1', '2026-01-08', 1, 'D001', '上海联华', 300],
    ];
    const match = matched(findHeader(sheet, 'purchases'));
    expect(match.headerRow).toBe(2);
    expect(match.headerRowSpan).toBe(2);
    expect(match.fieldColumns).toEqual({ doc_no: 0, date: 1, line_no: 2, distributor_code: 3, distributor_name: 4, amount: 5 });
  });

  it('prefers the two-row reading when the group titles add columns', () => {
    const sheet: CellValue[][] = [
      [null, null, '经销商', null, '商品', null, null],
      ['单号', '日期', '编码', '名称', '编码', '名称', '金额'],
    ];
    // The names alone lack the distributor code: only 经销商 + 编码 makes it.
    expect(matched(findHeader(sheet, 'purchases'))).toMatchObject({ headerRow: 2, headerRowSpan: 2, fieldColumns: { distributor_code: 2, sku_code: 4 } });
    // Here the names alone would do, but the titles make 商品 + 编码 / 名称 readable too.
    const withCode: CellValue[][] = [
      [null, null, '经销商', null, '商品', null, null, null],
      ['单号', '日期', '客户编码', '名称', '编码', '名称', '金额', null],
    ];
    const match = matched(findHeader(withCode, 'purchases'));
    expect(match.headerRowSpan).toBe(2);
    expect(match.fieldColumns).toMatchObject({ distributor_code: 2, distributor_name: 3, sku_code: 4, sku_name: 5, amount: 6 });
  });

  it('does not glue a title row onto the header below it', () => {
    const sheet: CellValue[][] = [['2026年1月进货明细表', null, null, null], ['单号', '日期', '客户编码', '金额']];
    const match = matched(findHeader(sheet, 'purchases'));
    expect(match).toMatchObject({ headerRow: 2, headerRowSpan: 1 });
  });

  it('reads full-width headers with units and line breaks', () => {
    const sheet: CellValue[][] = [['ＤＯＣ　ＮＯ', '单据\n日期', '客户编码', '含税金额（元）', '数量（箱）', '单价(元/箱)']];
    expect(matched(findHeader(sheet, 'purchases')).fieldColumns).toEqual({ doc_no: 0, date: 1, distributor_code: 2, amount: 3, quantity: 4, unit_price: 5 });
  });

  it('reads English headers', () => {
    const sheet: CellValue[][] = [
      ['Purchases January 2026'],
      ['Invoice No.', 'Line', 'Order Date', 'Customer Code', 'Customer Name', 'Item Code', 'Qty', 'Unit Price', 'Total Amount (RMB)'],
    ];
    expect(matched(findHeader(sheet, 'purchases')).fieldColumns).toEqual({
      doc_no: 0,
      line_no: 1,
      date: 2,
      distributor_code: 3,
      distributor_name: 4,
      sku_code: 5,
      quantity: 6,
      unit_price: 7,
      amount: 8,
    });
  });

  it('reads rich text header cells', () => {
    const sheet: CellValue[][] = [[{ richText: [{ text: '经销商' }, { text: '编码' }] }, '申报返利（元）']];
    expect(matched(findHeader(sheet, 'claims')).fieldColumns).toEqual({ distributor_code: 0, claimed_rebate: 1 });
  });

  it('reads a distributors master sheet', () => {
    const sheet: CellValue[][] = [['经销商档案'], ['客户编码', '客户名称', '所属大区', '省份', '城市', '客户等级', '启用状态']];
    expect(matched(findHeader(sheet, 'distributors')).fieldColumns).toEqual({ code: 0, name: 1, region: 2, province: 3, city: 4, grade: 5, status: 6 });
  });

  it('accepts either a rate or target and actual for promotions', () => {
    expect(findHeader([['经销商编码', '活动名称', '达成率(%)']], 'promotions').ok).toBe(true);
    expect(findHeader([['经销商编码', '活动名称', '目标金额', '实际金额']], 'promotions').ok).toBe(true);
    expect(findHeader([['经销商编码', '活动名称', '目标金额']], 'promotions')).toMatchObject({ ok: false, missing: ['achievement_rate'] });
  });
});

describe('findHeader: the amount column', () => {
  const amountOf = (headers: string[]): string | undefined => {
    const match = matched(findHeader([['单号', '日期', '客户编码', ...headers]], 'purchases'));
    return match.columns.find((c) => c.field === 'amount')?.header;
  };

  it.each<[string[], string]>([
    [['金额', '价税合计'], '价税合计'],
    [['金额', '含税金额'], '含税金额'],
    [['销售金额', '金额（含税）'], '金额（含税）'],
    [['含税金额', '价税合计'], '价税合计'],
    [['金额（不含税）', '金额'], '金额'],
    [['amount', 'total'], 'amount'],
    [['进货金额', '金额'], '金额'],
  ])('%j → %s', (headers, expected) => {
    expect(amountOf(headers)).toBe(expected);
  });
});

describe('findHeader: not found', () => {
  it('names the closest row and its missing columns', () => {
    const sheet: CellValue[][] = [['2026年1月进货明细表'], ['单号', '日期', '客户编码', '销售收入'], ['XS1', '2026-01-05', 'D001', 100]];
    expect(findHeader(sheet, 'purchases')).toEqual({
      ok: false,
      key: 'import.header.missing_columns',
      params: { kind: 'purchases', row: 2, fields: 'amount' },
      missing: ['amount'],
      closestRow: 2,
    });
  });

  it('says no header when nothing resembles one', () => {
    expect(findHeader([['hello'], ['world']], 'purchases')).toEqual({
      ok: false,
      key: 'import.header.not_found',
      params: { kind: 'purchases', fields: 'doc_no,date,distributor_code,amount' },
      missing: ['doc_no', 'date', 'distributor_code', 'amount'],
    });
    expect(findHeader([], 'claims')).toMatchObject({ ok: false, key: 'import.header.not_found' });
  });

  it('looks at the first 30 rows only', () => {
    const header: CellValue[] = ['单号', '日期', '客户编码', '金额'];
    const filler = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`说明 ${i + 1}`]);
    expect(matched(findHeader([...filler(29), header], 'purchases')).headerRow).toBe(30);
    expect(findHeader([...filler(30), header], 'purchases').ok).toBe(false);
  });
});

describe('findHeader: the user chooses columns', () => {
  const sheet: CellValue[][] = [['2026年1月进货明细表'], ['单号', '日期', '客户编码', '销售额', '金额（不含税）'], ['XS1', '2026-01-05', 'D001', 113, 100]];

  it('maps a column the synonyms miss, so the header is found', () => {
    const match = matched(findHeader(sheet, 'purchases', { columns: { D: 'amount' } }));
    expect(match.headerRow).toBe(2);
    expect(match.fieldColumns.amount).toBe(3);
    expect(match.unmatched).toEqual([{ index: 4, letter: 'E', header: '金额（不含税）' }]);
  });

  it('moves a field to another column and ignores a column', () => {
    const match = matched(findHeader(PURCHASES_SHEET, 'purchases', { columns: { J: 'amount', l: null, F: null } }));
    expect(match.fieldColumns.amount).toBe(9);
    expect(match.fieldColumns.sku_code).toBeUndefined();
    expect(match.ambiguities).toEqual([]);
    expect(match.unmatched.map((c) => c.letter)).toEqual(['F', 'K', 'L']);
  });

  it('uses the header row the user gives', () => {
    const match = matched(findHeader(sheet, 'purchases', { headerRow: 2, columns: { E: 'amount' } }));
    expect(match).toMatchObject({ headerRow: 2, fieldColumns: { amount: 4 } });
    expect(findHeader(sheet, 'purchases', { headerRow: 3 })).toMatchObject({ ok: false, key: 'import.header.missing_columns', closestRow: 3 });
  });

  it('refuses bad choices', () => {
    expect(findHeader(sheet, 'purchases', { columns: { '1A': 'amount' } })).toMatchObject({ ok: false, key: 'import.mapping.bad_column', params: { column: '1A' } });
    expect(findHeader(sheet, 'purchases', { columns: { D: 'claimed_rebate' } })).toMatchObject({
      ok: false,
      key: 'import.mapping.field_not_in_kind',
      params: { field: 'claimed_rebate', kind: 'purchases', column: 'D' },
    });
    expect(findHeader(sheet, 'purchases', { columns: { D: 'amount', E: 'amount' } })).toMatchObject({
      ok: false,
      key: 'import.mapping.duplicate_field',
      params: { field: 'amount', columns: 'D,E' },
    });
    expect(findHeader(sheet, 'purchases', { headerRow: 9 })).toMatchObject({ ok: false, key: 'import.mapping.bad_row' });
    expect(findHeader(sheet, 'purchases', { headerRow: 1, headerRowSpan: 2 })).toMatchObject({ ok: false, key: 'import.mapping.bad_row' });
  });
});

describe('header signatures and templates', () => {
  const header: CellValue[] = ['单号', '日期', '客户编码', '销售额'];

  it('is the same for the same header whatever rows surround it', () => {
    const a = matched(findHeader([['2026年1月'], header, ['XS1']], 'purchases', { columns: { D: 'amount' } }));
    const b = matched(findHeader([['2026年2月'], [], ['报表日期'], [' 单号 ', '日期', '客户编码', '销售额', null]], 'purchases', { columns: { D: 'amount' } }));
    expect(a.signature).toBe(b.signature);
    expect(a.signature).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs when columns differ or move', () => {
    const a = matched(findHeader([header], 'purchases', { columns: { D: 'amount' } }));
    const moved = matched(findHeader([['日期', '单号', '客户编码', '销售额']], 'purchases', { columns: { D: 'amount' } }));
    const more = matched(findHeader([[...header, '备注']], 'purchases', { columns: { D: 'amount' } }));
    expect(new Set([a.signature, moved.signature, more.signature]).size).toBe(3);
  });

  it('reapplies a saved template to a file of the same shape', () => {
    const first = matched(findHeader([['2026年1月'], header, ['XS1']], 'purchases', { columns: { D: 'amount' } }));
    const template = templateOf(first);
    expect(template).toEqual({ kind: 'purchases', signature: first.signature, headerRowSpan: 1, columns: { A: 'doc_no', B: 'date', C: 'distributor_code', D: 'amount' } });
    const next: CellValue[][] = [['2026年2月进货'], ['制表：李四'], header, ['XS9']];
    expect(locateSignature(next, template.signature, 1)).toBe(3);
    const reused = findHeaderWithTemplate(next, template);
    expect(reused && matched(reused).fieldColumns).toEqual({ doc_no: 0, date: 1, distributor_code: 2, amount: 3 });
    expect(findHeaderWithTemplate([['单号', '日期']], template)).toBeNull();
  });

  it('round-trips a two-row header through a template', () => {
    const sheet: CellValue[][] = [['单据', null, '经销商', '金额'], ['单号', '日期', '编码', null]];
    const first = matched(findHeader(sheet, 'purchases'));
    const reused = findHeaderWithTemplate([['标题'], ...sheet], templateOf(first));
    expect(reused && matched(reused)).toMatchObject({ headerRow: 3, headerRowSpan: 2, fieldColumns: first.fieldColumns });
  });
});
