import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import { Dec } from './decimal';
import { formatIssue } from './format-issue';
import type { FormulaDefinition } from './policy-types';

function compile(formulas: FormulaDefinition[], parameters: Record<string, number | string | number[] | Record<string, number>> = {}): CompiledPolicy {
  const c = compilePolicy({ parameters, formulas });
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c;
}

describe('compilePolicy', () => {
  it('orders formulas by dependency but reports values in the written order', () => {
    const c = compile([
      { name: 'rebate', label: '返利金额', expr: 'subtotal - deduction' },
      { name: 'deduction', expr: 'subtotal * 0.1' },
      { name: 'subtotal', label: '小计', expr: 'net * 0.02' },
    ]);
    expect(c.evaluationOrder).toEqual(['subtotal', 'deduction', 'rebate']);
    expect(c.labels).toEqual({ rebate: '返利金额', deduction: 'deduction', subtotal: '小计' });
    expect(c.variables).toEqual(['net']);
    const r = c.evaluate({ net: '123456.78' });
    expect(r).toEqual({
      ok: true,
      // 123,456.78 × 0.02 = 2,469.1356; a tenth is 246.91356; the difference 2,222.22204.
      values: { rebate: '2222.22204', deduction: '246.91356', subtotal: '2469.1356' },
      rebate: '2222.22',
    });
    expect(Object.keys(r.ok ? r.values : {})).toEqual(['rebate', 'deduction', 'subtotal']);
  });

  it('rounds the rebate half away from zero, negatives included, never "-0.00"', () => {
    const c = compile([{ name: 'rebate', expr: 'net / 1000' }]);
    const rebate = (net: string): string => {
      const r = c.evaluate({ net });
      return r.ok ? r.rebate : r.key;
    };
    expect(rebate('2345')).toBe('2.35');
    expect(rebate('-2345')).toBe('-2.35');
    expect(rebate('2344.999')).toBe('2.34');
    expect(rebate('-4')).toBe('0.00');
    expect(rebate('0')).toBe('0.00');
  });

  it('keeps full precision in the trace', () => {
    const c = compile([{ name: 'share', expr: 'net / 3' }, { name: 'rebate', expr: 'share' }]);
    const r = c.evaluate({ net: '100' });
    expect(r.ok && r.values.share).toBe('33.33333333333333333333333333333333');
    expect(r.ok && r.rebate).toBe('33.33');
  });

  it('accepts inputs as decimal text, numbers or Decimal-like objects', () => {
    const c = compile([{ name: 'rebate', expr: 'purchase - returns + promo_rate' }]);
    const r = c.evaluate({ purchase: new Dec('1000000000000.01'), returns: 0.01, promo_rate: '1e-2' });
    expect(r.ok && r.values.rebate).toBe('1000000000000.01');
  });

  it('names the formula and the cause of a failure, with the values computed so far', () => {
    const c = compile([
      { name: 'ok_first', expr: 'returns * 2' },
      { name: 'ratio', expr: 'returns / purchase' },
      { name: 'rebate', expr: 'ratio * 100' },
    ]);
    const r = c.evaluate({ returns: '5', purchase: '0' });
    expect(r).toEqual({ ok: false, formula: 'ratio', key: 'eval.divisionByZero', params: {}, values: { ok_first: '10' } });
    if (!r.ok) expect(formatIssue(r)).toBe('公式「ratio」：除数为 0。');
  });

  it('reports a missing or invalid input against the first formula that needs it', () => {
    const c = compile([{ name: 'a', expr: 'month + 1' }, { name: 'rebate', expr: 'a + net' }]);
    expect(c.evaluate({ month: 3 })).toMatchObject({ ok: false, formula: 'rebate', key: 'input.missing', params: { variable: 'net' } });
    expect(c.evaluate({ month: 13, net: '1' })).toMatchObject({ ok: false, formula: 'a', key: 'input.invalid' });
    expect(c.evaluate({ month: 3, net: 'abc' })).toMatchObject({ ok: false, formula: 'rebate', key: 'input.invalid' });
    const text = compile([{ name: 'rebate', expr: 'if(grade == "A", 1, 0)' }]);
    expect(text.evaluate({})).toMatchObject({ ok: false, key: 'input.missing', params: { variable: 'grade' } });
    expect(text.evaluate({ grade: 'A' })).toMatchObject({ ok: true, rebate: '1.00' });
  });

  it('requires a numeric rebate, while other formulas may be conditions or text', () => {
    const c = compile([{ name: 'qualifies', expr: 'grade == "A"' }, { name: 'rebate', expr: 'if(qualifies, 100, 0)' }]);
    expect(c.evaluate({ grade: 'A' })).toEqual({ ok: true, values: { qualifies: 'true', rebate: '100' }, rebate: '100.00' });
    const bad = compile([{ name: 'rebate', expr: 'grade' }]);
    expect(bad.evaluate({ grade: 'A' })).toMatchObject({ ok: false, formula: 'rebate', key: 'eval.rebateNotNumber' });
  });

  it('returns the issues of an invalid policy instead of throwing', () => {
    const c = compilePolicy({ parameters: {}, formulas: [{ name: 'rebate', expr: 'a' }, { name: 'a', expr: 'rebate' }] });
    expect(c.ok).toBe(false);
    expect(!c.ok && c.issues.map((i) => i.key)).toEqual(['formula.cycle']);
  });

  it('does not let one evaluation affect another', () => {
    const c = compile([{ name: 'x', expr: 'net * 2' }, { name: 'rebate', expr: 'x + 1' }]);
    const first = c.evaluate({ net: '1' });
    c.evaluate({ net: 'abc' });
    const again = c.evaluate({ net: '1' });
    expect(again).toEqual(first);
  });
});
