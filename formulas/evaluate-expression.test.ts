import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate-expression';
import type { FormulaInputs } from './inputs';
import type { ParameterValue } from './policy-types';

const inputs: FormulaInputs = {
  purchase: '600000', returns: '20000', net: '580000', return_rate: '0.0333', promo_rate: '1.1',
  grade: 'A', region: '华东', province: '江苏', month: 2, quarter: 1,
};

function value(expr: string, more: FormulaInputs = {}, parameters: Record<string, ParameterValue> = {}): string {
  const r = evaluateExpression(expr, { ...inputs, ...more }, parameters);
  if (!r.ok) throw new Error(`${expr}: ${r.issues.map((i) => i.key).join(', ')}`);
  return r.value;
}

function failKey(expr: string, more: FormulaInputs = {}, parameters: Record<string, ParameterValue> = {}): string {
  const r = evaluateExpression(expr, { ...inputs, ...more }, parameters);
  return r.ok ? `ok: ${r.value}` : (r.issues[0]?.key ?? '?');
}

describe('exact decimal arithmetic', () => {
  it('compares exactly', () => {
    expect(value('1000000000000.01 > 1000000000000')).toBe('true');
    expect(value('1000000000000.01 == 1000000000000')).toBe('false');
    expect(value('0.1 + 0.2 == 0.3')).toBe('true');
    expect(value('0.1 + 0.2')).toBe('0.3');
    expect(value('purchase > 599999.99999999')).toBe('true');
  });

  it('keeps full precision in intermediate values', () => {
    expect(value('1 / 3')).toBe('0.3333333333333333333333333333333333');
    expect(value('net * 0.015')).toBe('8700');
    expect(value('round(2 / 3, 4)')).toBe('0.6667');
  });

  it('rounds half away from zero, also with negative digits like Excel', () => {
    expect(value('round(-2.345, 2)')).toBe('-2.35');
    expect(value('round(2.345, 2)')).toBe('2.35');
    expect(value('round(-2.5)')).toBe('-3');
    expect(value('ROUND(123456, -3)')).toBe('123000');
    expect(value('floor(-2.341, 2)')).toBe('-2.35');
    expect(value('ceil(2.341, 2)')).toBe('2.35');
    expect(value('fix(-2.349, 2)')).toBe('-2.34');
    expect(failKey('round(1, 0.5)')).toBe('eval.roundDigits');
  });

  it('supports percent, mod, powers and roots within limits', () => {
    expect(value('net * 1.5%')).toBe('8700');
    expect(value('7 mod 3')).toBe('1');
    expect(value('-7 % 3')).toBe('2');
    expect(value('1.1 ^ 2')).toBe('1.21');
    expect(value('sqrt(16)')).toBe('4');
    expect(failKey('sqrt(-1)')).toBe('eval.domain');
    expect(failKey('log(0)')).toBe('eval.domain');
    expect(failKey('2 ^ 1001')).toBe('eval.exponentTooLarge');
    expect(failKey('10 ^ 999')).toBe('eval.tooLarge');
  });
});

describe('errors per distributor', () => {
  it('division by zero is an error, not Infinity', () => {
    expect(failKey('purchase / 0')).toBe('eval.divisionByZero');
    expect(failKey('purchase / returns', { returns: '0' })).toBe('eval.divisionByZero');
    expect(failKey('mod(5, returns)', { returns: '0' })).toBe('eval.divisionByZero');
    expect(failKey('0 ^ -1')).toBe('eval.divisionByZero');
  });

  it('text where a number is needed is an error', () => {
    expect(failKey('grade * 2')).toBe('eval.notNumber');
    expect(failKey('grade == 1')).toBe('eval.compareMismatch');
    expect(failKey('if(region, 1, 2)')).toBe('eval.notCondition');
  });
});

describe('if and the conditional operator', () => {
  it('evaluates only the chosen branch', () => {
    expect(value('if(purchase > 0, returns / purchase, 0)', { purchase: '0' })).toBe('0');
    expect(value('purchase > 0 ? returns / purchase : 0', { purchase: '0' })).toBe('0');
    expect(value('IF(purchase > 0, returns / purchase, 0)', { purchase: '200', returns: '10' })).toBe('0.05');
    expect(value('if(false, 1 / 0, 2)')).toBe('2');
    expect(value('if(true, 1, lookup("Z", {A: 1}))')).toBe('1');
  });

  it('treats numbers as conditions like Excel', () => {
    expect(value('IF(1, 2, 3)')).toBe('2');
    expect(value('IF(0, 2, 3)')).toBe('3');
  });

  it('short-circuits and / or', () => {
    expect(value('purchase > 0 and returns / purchase > 0.05', { purchase: '0' })).toBe('false');
    expect(value('purchase == 0 or returns / purchase > 0.05', { purchase: '0' })).toBe('true');
    expect(value('AND(purchase > 0, returns / purchase < 0.05)', { purchase: '0' })).toBe('false');
    expect(value('OR(grade == "A", grade == "B")')).toBe('true');
    expect(value('NOT(grade == "A")')).toBe('false');
    expect(value('not (grade == "A") xor true')).toBe('true');
  });
});

describe('text and names', () => {
  it('compares text as a user expects', () => {
    expect(value('grade == "A"')).toBe('true');
    expect(value("grade == 'B'")).toBe('false');
    expect(value('region != "华北"')).toBe('true');
    expect(value('region == "华东" ? 1 : 0')).toBe('1');
    expect(value('grade < "C"')).toBe('true');
  });

  it('reads Chinese aliases of the built-in variables', () => {
    expect(value('进货额 - 退货额')).toBe('580000');
    expect(value('净进货额 == net')).toBe('true');
    expect(value('if(等级 == "A", 1.2, 1)')).toBe('1.2');
    expect(value('月份 + 季度')).toBe('3');
    expect(value('大区 == "华东" and 省份 == "江苏"')).toBe('true');
  });

  it('reads Chinese parameter names and tables', () => {
    const parameters = { 等级系数: { A: 1.2, B: 1 }, 封顶: 200000 };
    expect(value('min(封顶, 净进货额 * lookup(等级, 等级系数))', {}, parameters)).toBe('200000');
    expect(value('lookup(region, {华东: 2, 华北: 1})')).toBe('2');
  });

  it('supports chained comparisons and the statistics functions', () => {
    expect(value('1 <= month <= 3')).toBe('true');
    expect(value('4 <= month <= 6')).toBe('false');
    expect(value('max(1, 5, 3)')).toBe('5');
    expect(value('MIN([4, 2], 3)')).toBe('2');
    expect(value('SUM(1, 2, 3.5)')).toBe('6.5');
    expect(value('mean([1, 2])')).toBe('1.5');
    expect(value('median(3, 1, 2, 10)')).toBe('2.5');
    expect(value('ABS(-3)')).toBe('3');
    expect(value('clamp(net, 0, 100000)')).toBe('100000');
    expect(value('compare(2, 1)')).toBe('1');
  });

  it('uses lists and tables from parameters', () => {
    const parameters = { t: [0, 100000, 500000], v: ['0', '0.01', '0.02'], f: { A: '1.2' } };
    expect(value('ladder(net, t, v) * lookup(grade, f)', {}, parameters)).toBe('0.024');
    expect(value('progressive(net, [0, 100000], [0.01, 0.02])')).toBe('10600');
    expect(value('lookup(grade, f, 1)', { grade: 'Z' }, parameters)).toBe('1');
    expect(failKey('lookup(grade, f)', { grade: 'Z' }, parameters)).toBe('lookup.missingKey');
  });
});
