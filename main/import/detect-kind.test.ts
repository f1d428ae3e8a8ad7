import { describe, expect, it } from 'vitest';
import type { CellValue } from './cell-value';
import { detectKind, rankKinds } from './detect-kind';

const kindOf = (rows: CellValue[][]): string | undefined => detectKind(rows)?.kind;

describe('detectKind', () => {
  it('proposes purchases for a purchase export, even with a 备注 column', () => {
    const rows: CellValue[][] = [
      ['2026年1月进货明细表'],
      [],
      ['单据编号', '单据日期', '客户编码', '客户名称', '存货名称', '数量', '价税合计', '备注'],
      ['XS1', '2026-01-05', 'D001', '联华', '矿泉水', 10, 100, ''],
    ];
    const guess = detectKind(rows);
    expect(guess).toMatchObject({ kind: 'purchases', headerRow: 3 });
    expect(guess?.score).toBeGreaterThan(0.8);
  });

  it('proposes purchases over returns when nothing is return-specific', () => {
    const ranked = rankKinds([['单号', '日期', '客户编码', '金额']]);
    expect(ranked[0]?.kind).toBe('purchases');
    expect(ranked[1]?.kind).toBe('returns');
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  it.each<[string, CellValue[][]]>([
    ['return columns', [['退货单号', '退货日期', '客户编码', '退货数量', '退货金额', '退货原因']]],
    ['an original document column', [['单号', '日期', '客户编码', '金额', '原单号']]],
    ['a 退货 title and 原出库单号', [['2026年1月退货明细'], ['单据编号', '单据日期', '经销商编码', '价税合计', '原出库单号']]],
  ])('proposes returns for %s', (_, rows) => {
    expect(kindOf(rows)).toBe('returns');
  });

  it('proposes distributors for a master data sheet, even one a purchases sheet could resemble', () => {
    expect(kindOf([['经销商档案'], ['经销商编码', '经销商名称', '大区', '省份', '城市', '等级', '状态']])).toBe('distributors');
    const wide: CellValue[][] = [['单号', '日期', '客户编码', '客户名称', '大区', '等级', '金额', '数量', '存货编码']];
    expect(kindOf(wide)).toBe('purchases');
  });

  it('proposes promotions and claims', () => {
    expect(kindOf([['2026年1月促销达成'], ['经销商编码', '活动编码', '活动名称', '目标金额', '达成金额', '达成率']])).toBe('promotions');
    expect(kindOf([['经销商编码', '经销商名称', '申报返利（元）']])).toBe('claims');
    expect(kindOf([['Customer Code', 'Claimed Rebate']])).toBe('claims');
  });

  it('proposes nothing for a sheet without a known header', () => {
    expect(detectKind([['说明'], ['本文件仅供参考']])).toBeNull();
    expect(detectKind([])).toBeNull();
    const ranked = rankKinds([['单号', '日期']]);
    expect(ranked.every((g) => g.headerRow === null && g.score < 0.4)).toBe(true);
  });

  it('scores every kind between 0 and 1', () => {
    for (const g of rankKinds([['退货单号', '退货日期', '客户编码', '退货金额', '原单号', '退货原因']])) {
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(1);
    }
  });
});
