import { describe, expect, it } from 'vitest';
import { MATH_CONFIG, formulaMath as m, isParserLetter, parseExpression } from './math-instance';

describe('the restricted mathjs instance', () => {
  it('works in BigNumber mode with at least 34 digits', () => {
    expect(MATH_CONFIG.number).toBe('BigNumber');
    expect(MATH_CONFIG.precision).toBeGreaterThanOrEqual(34);
    expect(m.isBigNumber(m.bignumber('1.5'))).toBe(true);
  });

  it('compares exactly, unlike mathjs defaults', () => {
    expect(m.larger(m.bignumber('1000000000000.01'), m.bignumber('1000000000000'))).toBe(true);
    expect(m.equal(m.add(m.bignumber('0.1'), m.bignumber('0.2')), m.bignumber('0.3'))).toBe(true);
    expect(m.equal(m.bignumber('1000000000000.01'), m.bignumber('1000000000000'))).toBe(false);
    expect(m.smaller(m.bignumber('0.30000000000000000000000000000001'), m.bignumber('0.3'))).toBe(false);
  });

  it('parses numbers as exact BigNumbers', () => {
    const node = parseExpression('1000000000000.01');
    expect(m.isConstantNode(node) && m.isBigNumber(node.value) && node.value.toFixed()).toBe('1000000000000.01');
  });

  it('accepts Chinese identifiers through its extended isAlpha', () => {
    expect(isParserLetter('进', '', '货')).toBe(true);
    expect(isParserLetter('a')).toBe(true);
    expect(isParserLetter('（')).toBe(false);
    expect(isParserLetter('，')).toBe(false);
    expect(parseExpression('进货额 - 退货额').toString()).toBe('进货额 - 退货额');
    expect(parseExpression('等级系数2 * 3').toString()).toBe('等级系数2 * 3');
  });

  it('has no evaluate/compile/simplify, and the dangerous entry points throw', () => {
    for (const name of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver']) {
      const fn: unknown = Reflect.get(m, name);
      if (typeof fn !== 'function') throw new Error(`${name} is not a function`);
      expect(() => Reflect.apply(fn, m, []), name).toThrow(/disabled/);
    }
  });
});
