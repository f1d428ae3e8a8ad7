import { expect, onTestFinished } from 'vitest';
import type { ServiceContext } from '../services/context';
import { Harness } from './harness';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from './workbooks';

/**
 * A small month with hand-computable rebates (see calc.test.ts): 7 distributors in five regions, two
 * purchase lines for D1, returns with a negative sign and an unknown original document, a
 * promotion, four policies (a regional ladder, a national progressive one, and two tied policies).
 */
export const EAST = {
  format: 'rebate-policy/1',
  code: 'EAST',
  name: '华东阶梯返利',
  priority: 10,
  effective_from: '2026-01',
  scope: { regions: ['华东'] },
  parameters: { grade_factor: { A: 1.2, B: 1, C: 0.8, D: 0.5 }, promo_bonus_rate: 0.005 },
  formulas: [
    { name: 'base_rate', label: '基础返利率', expr: 'ladder(net, [0, 100000, 500000], [0, 0.01, 0.02])' },
    { name: 'base_rebate', label: '基础返利', expr: 'net * base_rate * lookup(grade, grade_factor)' },
    { name: 'promo_bonus', label: '促销奖励', expr: 'promo_rate >= 1 ? net * promo_bonus_rate : 0' },
    { name: 'rebate', label: '返利金额', expr: 'base_rebate + promo_bonus' },
  ],
};
export const NATIONAL = {
  format: 'rebate-policy/1',
  code: 'NATIONAL',
  name: '全国超额累进返利',
  priority: 1,
  effective_from: '2026-01',
  scope: { grades: ['A', 'B', 'C'] },
  formulas: [
    { name: 'progressive_rebate', label: '累进返利', expr: 'progressive(net, [0, 100000], [0.01, 0.02])' },
    { name: 'penalty', label: '退货扣减', expr: 'return_rate > 0.05 ? net * 0.01 : 0' },
    { name: 'rebate', label: '返利金额', expr: 'progressive_rebate - penalty' },
  ],
};
const central = (code: string) => ({
  format: 'rebate-policy/1',
  code,
  name: `华中 ${code}`,
  priority: 5,
  effective_from: '2026-01',
  scope: { regions: ['华中'] },
  formulas: [{ name: 'rebate', label: '返利金额', expr: 'net * 0.01' }],
});

export const P = (doc: string, code: string, amount: number | string, date = '2026-01-15') => [doc, 1, date, code, '', 'SKU1', '酱油', 1, amount, amount];

export async function seedMonth(h: Harness, admin: ServiceContext): Promise<void> {
  const d = (code: string, region: string, grade: string, status = '启用') => [code, `经销商${code}`, region, '某省', '某市', grade, status];
  const dist = await writeWorkbook(h.dir, 'distributors.xlsx', [
    { name: 'S', header: DISTRIBUTOR_HEADER, rows: [d('D1', '华东', 'A'), d('D2', '华东', 'B'), d('D3', '华南', 'A'), d('D4', '西北', 'D'), d('D5', '华北', 'C', '停用'), d('D6', '华中', 'B'), d('D7', '华南', 'B')] },
  ]);
  const purchases = writeGbkCsv(h.dir, 'purchases.csv', PURCHASE_HEADER, [
    P('XS1', 'D1', 400000),
    P('XS2', 'D1', 200000),
    P('XS3', 'D2', 50000),
    P('XS4', 'D3', 300000),
    P('XS5', 'D4', 10000),
    P('XS6', 'D5', '123456.78'),
    P('XS7', 'D6', 1000),
  ]);
  const returns = await writeWorkbook(h.dir, 'returns.xlsx', [
    {
      name: '退货',
      header: ['退货单号', '退货日期', '客户编码', '退货金额', '原单号'],
      rows: [
        ['TH1', '2026-01-20', 'D1', -10000, 'XS1'],
        ['TH2', '2026-01-21', 'D3', -30000, 'XS-NOPE'],
      ],
    },
  ]);
  const promotions = await writeWorkbook(h.dir, 'promotions.xlsx', [{ name: '促销', header: ['客户编码', '活动编码', '目标金额', '达成金额'], rows: [['D1', 'P1', 100000, 120000]] }]);
  const imported = await h.ok(admin, 'import.start', {
    imports: [
      { kind: 'distributors', files: [{ path: dist }] },
      { kind: 'purchases', period: '2026-01', files: [{ path: purchases }] },
      { kind: 'returns', period: '2026-01', files: [{ path: returns }] },
      { kind: 'promotions', period: '2026-01', files: [{ path: promotions }] },
    ],
  });
  let job = await h.ok(admin, 'import.job', { jobId: imported.jobId });
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await h.ok(admin, 'import.job', { jobId: imported.jobId });
  }
  expect(job.reports?.map((r) => [r.kind, r.status, r.errors.map((e) => e.message)])).toEqual([
    ['distributors', 'imported', []],
    ['purchases', 'imported', []],
    ['returns', 'imported', []],
    ['promotions', 'imported', []],
  ]);
  for (const p of [EAST, NATIONAL, central('CENTRAL-A'), central('CENTRAL-B')]) {
    await h.ok(admin, 'policy.import', { content: JSON.stringify(p) });
  }
}


/**
 * The fixture of the calculation tests: a fresh harness (closed when the test ends) with this month
 * imported by an administrator, and with `calculated` January calculated too.
 */
export async function openMonth(options: { calculated?: boolean } = {}): Promise<{ h: Harness; admin: ServiceContext }> {
  const h = new Harness();
  onTestFinished(() => h.close());
  const admin = await h.admin();
  await seedMonth(h, admin);
  if (options.calculated) await h.ok(admin, 'batch.calculate', { period: '2026-01' });
  return { h, admin };
}
