import Decimal from 'decimal.js';
import { compilePolicy, type FormulaInputs, type PolicyFile } from '../formulas';
import { measure, median, type BenchRow } from './measure';
import { CalcDecimal } from '../domain';

/** A 10-formula policy in the shapes policies really take: tiers, tables, conditions, bands, caps. */
export const TEN_FORMULAS: PolicyFile = {
  format: 'rebate-policy/1',
  code: 'BENCH-10',
  name: '基准测试政策',
  priority: 1,
  effective_from: '2026-01',
  parameters: { grade_factor: { A: 1.2, B: 1, C: 0.8, D: 0.5 }, cap: 200000, bands: [0, 100000, 300000], rates: [0.008, 0.012, 0.018] },
  formulas: [
    { name: 'base_rate', expr: 'ladder(net, [0, 50000, 200000, 500000], [0, 0.01, 0.015, 0.02])' },
    { name: 'factor', expr: 'lookup(grade, grade_factor, 1)' },
    { name: 'base_rebate', expr: 'net * base_rate * factor' },
    { name: 'progressive_part', expr: 'progressive(net, bands, rates)' },
    { name: 'promo_bonus', expr: 'promo_rate >= 1 ? net * 0.005 : 0' },
    { name: 'penalty', expr: 'return_rate > 0.05 ? net * 0.01 : 0' },
    { name: 'quarter_bonus', expr: 'if(month == quarter * 3, ytd_net * 0.001, 0)' },
    { name: 'subtotal', expr: 'base_rebate + promo_bonus + quarter_bonus - penalty' },
    { name: 'blended', expr: 'max(subtotal, progressive_part * 0.5)' },
    { name: 'rebate', expr: 'clamp(blended, 0, cap)' },
  ],
};

const FACTOR: Record<string, number> = { A: 1.2, B: 1, C: 0.8, D: 0.5 };
const Dx = CalcDecimal;

function ladder(x: Decimal, t: number[], v: number[]): Decimal {
  let r = new Dx(0);
  for (let i = 0; i < t.length; i++) if (x.gte(t[i] ?? 0)) r = new Dx(v[i] ?? 0);
  return r;
}

function progressive(x: Decimal, t: number[], rates: number[]): Decimal {
  let sum = new Dx(0);
  for (let i = 0; i < t.length; i++) {
    const lo = new Dx(t[i] ?? 0);
    const hi = i + 1 < t.length ? new Dx(t[i + 1] ?? 0) : null;
    if (x.lte(lo)) break;
    const top = hi && x.gt(hi) ? hi : x;
    sum = sum.plus(top.minus(lo).times(rates[i] ?? 0));
  }
  return sum;
}

/** The same policy written by hand in TypeScript with decimal.js: the floor of any evaluator. */
export function handWritten(i: Record<string, string>): string {
  const net = new Dx(i['net'] ?? 0);
  const baseRate = ladder(net, [0, 50000, 200000, 500000], [0, 0.01, 0.015, 0.02]);
  const base = net.times(baseRate).times(FACTOR[i['grade'] ?? ''] ?? 1);
  const prog = progressive(net, [0, 100000, 300000], [0.008, 0.012, 0.018]);
  const promo = new Dx(i['promo_rate'] ?? 0).gte(1) ? net.times(0.005) : new Dx(0);
  const penalty = new Dx(i['return_rate'] ?? 0).gt(0.05) ? net.times(0.01) : new Dx(0);
  const qb = Number(i['month']) === Number(i['quarter']) * 3 ? new Dx(i['ytd_net'] ?? 0).times(0.001) : new Dx(0);
  const subtotal = base.plus(promo).plus(qb).minus(penalty);
  const blended = Dx.max(subtotal, prog.times(0.5));
  return Dx.min(Dx.max(blended, 0), 200000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export async function benchEvaluator(workload: string, inputs: FormulaInputs[], runs: number): Promise<BenchRow[]> {
  const c = compilePolicy(TEN_FORMULAS);
  if (!c.ok) throw new Error('bench policy invalid');
  const ours: number[] = [];
  const floor: number[] = [];
  let mismatch = 0;
  for (let r = 0; r < runs; r++) {
    ours.push(
      (
        await measure(() => {
          for (const i of inputs) c.evaluate(i);
        })
      ).ms,
    );
    floor.push(
      (
        await measure(() => {
          for (const i of inputs) handWritten(i as Record<string, string>);
        })
      ).ms,
    );
  }
  for (const i of inputs) {
    const a = c.evaluate(i);
    if (!a.ok || a.rebate !== handWritten(i as Record<string, string>)) mismatch++;
  }
  const n = inputs.length;
  return [
    { workload, measure: 'formula evaluator, 10-formula policy', value: n / (median(ours) / 1000), unit: 'distributors/s', peakRssMb: null, runs, note: mismatch ? `${mismatch} results differ from the hand-written version` : 'same results as hand-written' },
    { workload, measure: 'hand-written TypeScript + decimal.js (floor)', value: n / (median(floor) / 1000), unit: 'distributors/s', peakRssMb: null, runs },
    { workload, measure: 'evaluator ÷ hand-written time', value: median(ours) / median(floor), unit: '×', peakRssMb: null, runs },
  ];
}
