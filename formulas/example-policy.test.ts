import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile-policy';
import type { FormulaInputs } from './inputs';
import { EXAMPLE_POLICY as EAST_2026 } from './example-policy';
import { parsePolicyFile } from './validate-policy';

function compiled() {
  const c = compilePolicy(EAST_2026);
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c;
}

/** The engine's inputs for a distributor (net and return_rate are computed upstream). */
function distributor(purchase: number, returns: number, promo_rate: string, grade: string): FormulaInputs {
  return {
    purchase: String(purchase), returns: String(returns), net: String(purchase - returns),
    return_rate: purchase === 0 ? '0' : String(returns / purchase), promo_rate, grade, region: '华东',
  };
}

describe('the EAST-2026 example policy', () => {
  it('is a valid policy file', () => {
    const parsed = parsePolicyFile(EAST_2026);
    expect(parsed.issues).toEqual([]);
    expect(parsed.ok && parsed.policy.code).toBe('EAST-2026');
  });

  it('grade A, net 580,000, promotion met, low returns', () => {
    // base_rate: 580,000 is in the 500k tier → 0.02; base_rebate: 580,000 × 0.02 × 1.2 = 13,920;
    // promo_bonus: 580,000 × 0.005 = 2,900; penalty: 20,000 / 600,000 = 3.3% ≤ 5% → 0;
    // rebate: min(200,000, max(0, 13,920 + 2,900 − 0)) = 16,820.
    const r = compiled().evaluate(distributor(600000, 20000, '1.1', 'A'));
    expect(r).toEqual({
      ok: true,
      values: { base_rate: '0.02', base_rebate: '13920', promo_bonus: '2900', penalty: '0', rebate: '16820' },
      rebate: '16820.00',
    });
  });

  it('grade C with high returns: the penalty outweighs the rebate, floored at 0', () => {
    // net 110,000 → 0.01; base 110,000 × 0.01 × 0.8 = 880; promotion 0.8 < 1 → 0;
    // returns 10,000 / 120,000 = 8.3% > 5% → penalty 1,100; max(0, 880 − 1,100) = 0.
    const r = compiled().evaluate(distributor(120000, 10000, '0.8', 'C'));
    expect(r.ok && r.values).toEqual({ base_rate: '0.01', base_rebate: '880', promo_bonus: '0', penalty: '1100', rebate: '0' });
    expect(r.ok && r.rebate).toBe('0.00');
  });

  it('a large distributor is capped', () => {
    // net 12,000,000 → 0.03; 12,000,000 × 0.03 × 1.2 = 432,000; + 60,000 bonus = 492,000 → cap 200,000.
    const r = compiled().evaluate(distributor(12000000, 0, '1', 'A'));
    expect(r.ok && r.values.base_rebate).toBe('432000');
    expect(r.ok && r.values.promo_bonus).toBe('60000');
    expect(r.ok && r.rebate).toBe('200000.00');
  });

  it('thresholds are inclusive: exactly 100,000 is in the 1% tier', () => {
    // 100,000 × 0.01 × 1.0 (grade B) = 1,000; no bonus, no penalty.
    const r = compiled().evaluate(distributor(100000, 0, '0', 'B'));
    expect(r.ok && r.values.base_rate).toBe('0.01');
    expect(r.ok && r.rebate).toBe('1000.00');
    const below = compiled().evaluate({ ...distributor(100000, 0, '0', 'B'), net: '99999.99' });
    expect(below.ok && below.values.base_rate).toBe('0');
    const atTier = compiled().evaluate({ ...distributor(500000, 0, '0', 'B'), net: '500000.00' });
    expect(atTier.ok && atTier.values.base_rate).toBe('0.02');
  });

  it('a grade missing from grade_factor is an error naming the formula and the table', () => {
    const r = compiled().evaluate(distributor(600000, 0, '1', 'E'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.formula).toBe('base_rebate');
    expect(r.key).toBe('lookup.missingKey');
    expect(r.params).toMatchObject({ key: 'E', table: 'grade_factor' });
    expect(r.values).toEqual({ base_rate: '0.02' });
  });

  it('evaluates thousands of distributors per second for a 10-formula policy', () => {
    const policy = {
      ...EAST_2026,
      formulas: [
        ...EAST_2026.formulas.filter((f) => f.name !== 'rebate'),
        { name: 'ytd_rate', expr: 'ladder(ytd_net, [0, 1e6, 5e6], [0, 0.01, 0.015])' },
        { name: 'true_up', expr: 'max(0, ytd_rate * ytd_net - ytd_rebate)' },
        { name: 'q_bonus', expr: 'if(quarter == 4 and region == "华东", progressive(net, [0, 1e5], [0.001, 0.002]), 0)' },
        { name: 'province_adj', expr: 'lookup(province, {江苏: 1.05, 浙江: 1.02}, 1)' },
        { name: 'subtotal', expr: '(base_rebate + promo_bonus - penalty) * province_adj + q_bonus' },
        { name: 'rebate', expr: 'round(clamp(subtotal + true_up * 0, 0, cap), 2)' },
      ],
    };
    const c = compilePolicy(policy);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const n = 5000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const r = c.evaluate({
        ...distributor(10000 + i * 997, i % 50, String((i % 13) / 10), 'ABC'[i % 3] ?? 'A'),
        ytd_net: String(i * 4001), ytd_rebate: String(i), quarter: 1 + (i % 4), province: i % 2 ? '江苏' : '安徽',
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    const perSecond = n / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(2000);
  });
});
