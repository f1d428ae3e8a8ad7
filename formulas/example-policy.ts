import type { PolicyFile } from './policy-types';

/** The EAST-2026 example of formulas.md, verbatim: a starting point for new policies and demos. */
export const EXAMPLE_POLICY = {
  format: 'rebate-policy/1',
  code: 'EAST-2026',
  name: '华东区 2026 年经销商返利政策',
  priority: 10,
  effective_from: '2026-01',
  effective_to: '2026-12',
  scope: { regions: ['华东'], grades: ['A', 'B', 'C'] },
  parameters: {
    promo_bonus_rate: 0.005,
    grade_factor: { A: 1.2, B: 1.0, C: 0.8, D: 0.5 },
    cap: 200000,
  },
  formulas: [
    { name: 'base_rate', label: '基础返利率', expr: 'ladder(net, [0, 100000, 500000, 1000000], [0, 0.01, 0.02, 0.03])' },
    { name: 'base_rebate', label: '基础返利', expr: 'net * base_rate * lookup(grade, grade_factor)' },
    { name: 'promo_bonus', label: '促销奖励', expr: 'promo_rate >= 1 ? net * promo_bonus_rate : 0' },
    { name: 'penalty', label: '退货扣减', expr: 'return_rate > 0.05 ? net * 0.01 : 0' },
    { name: 'rebate', label: '返利金额', expr: 'min(cap, max(0, base_rebate + promo_bonus - penalty))' },
  ],
} satisfies PolicyFile;
