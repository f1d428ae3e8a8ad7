import { describe, expect, it } from 'vitest';
import { BUILTIN_VARIABLES, BUILTIN_VARIABLE_NAMES, NUMBER_VARIABLE_NAMES, TEXT_VARIABLE_NAMES, findBuiltinVariable } from './builtin-variables';
import { editDistance, suggest } from './edit-distance';
import { FUNCTIONS } from './function-catalogue';
import { formatIssue } from './format-issue';
import { isValidName } from './identifier';
import { EAGER_FUNCTIONS, LAZY_FUNCTIONS, canonicalFunctionName } from './math-functions';
import { MESSAGES, WORDS } from './message-catalogue';
import { dependencyOrder } from './dependency-order';

describe('built-in variables', () => {
  it('lists every variable of formulas.md with its Chinese alias', () => {
    const aliases = Object.fromEntries(BUILTIN_VARIABLES.map((v) => [v.name, v.alias]));
    expect(aliases).toEqual({
      purchase: '进货额', purchase_qty: '进货数量', returns: '退货额', return_qty: '退货数量', net: '净进货额',
      return_rate: '退货率', promo_target: '促销目标', promo_actual: '促销实际', promo_rate: '促销达成率',
      ytd_purchase: '年累计进货额', ytd_returns: '年累计退货额', ytd_net: '年累计净进货额', ytd_rebate: '年累计已批返利',
      prev_rebate: '上期返利', balance_opening: '期初返利余额', balance_used: '本期兑付', grade: '等级', region: '大区', province: '省份', month: '月份', quarter: '季度',
    });
    expect([...NUMBER_VARIABLE_NAMES, ...TEXT_VARIABLE_NAMES].sort()).toEqual([...BUILTIN_VARIABLE_NAMES].sort());
    expect(BUILTIN_VARIABLES.filter((v) => v.kind === 'text').map((v) => v.name)).toEqual(['grade', 'region', 'province']);
    for (const v of BUILTIN_VARIABLES) {
      expect(isValidName(v.name) && isValidName(v.alias), v.name).toBe(true);
      expect(v.label['zh-CN'] && v.label.en && v.description['zh-CN'] && v.description.en, v.name).toBeTruthy();
    }
    expect(findBuiltinVariable('进货额')?.name).toBe('purchase');
  });
});

describe('functions', () => {
  it('the catalogue and the implementations list the same functions', () => {
    const implemented = new Set([...EAGER_FUNCTIONS.keys(), ...LAZY_FUNCTIONS]);
    const catalogued = new Set(FUNCTIONS.filter((f) => !f.aliasOf).map((f) => f.name));
    expect([...catalogued].sort()).toEqual([...implemented].sort());
    for (const f of FUNCTIONS) expect(canonicalFunctionName(f.name), f.name).toBe(f.aliasOf ?? f.name);
    expect(FUNCTIONS.filter((f) => f.aliasOf).map((f) => f.name).sort()).toEqual(['ABS', 'AND', 'IF', 'MAX', 'MIN', 'NOT', 'OR', 'ROUND', 'SUM']);
  });

  it('knows nothing outside the allowlist', () => {
    for (const name of ['evaluate', 'import', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'factorial', 'zeros']) {
      expect(canonicalFunctionName(name), name).toBeUndefined();
    }
  });
});

describe('messages', () => {
  it('every message exists in both languages with the same placeholders', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? '').sort();
      expect(names(m['zh-CN']), key).toEqual(names(m.en));
    }
  });

  it('translates kinds and falls back to the key for unknown messages', () => {
    expect(formatIssue({ key: 'eval.notNumber', params: { where: '+', value: '"A"', kind: 'text' } })).toBe('+ 需要数字，这里得到的是文本 "A"。');
    expect(formatIssue({ key: 'eval.notNumber', params: { where: '+', value: '"A"', kind: 'text' } }, 'en')).toBe('+ needs a number but got the text "A".');
    expect(formatIssue({ key: 'no.such', params: { a: 1 } })).toBe('no.such {"a":1}');
    expect(Object.keys(WORDS)).toContain('number');
  });
});

describe('helpers', () => {
  it('edit distance counts Chinese characters as one each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('进货', '进货额')).toBe(1);
    expect(suggest('NET', ['net', 'nett'])).toBe('net');
    expect(suggest('abcdefgh', ['zzzzzzzz'])).toBeUndefined();
  });

  it('dependency order keeps the written order where free and finds every cycle once', () => {
    const refs = new Map([['a', new Set(['c'])], ['b', new Set<string>()], ['c', new Set<string>()]]);
    expect(dependencyOrder(['a', 'b', 'c'], refs)).toEqual({ order: ['c', 'a', 'b'], cycles: [] });
    const cyclic = new Map([['a', new Set(['b'])], ['b', new Set(['a'])], ['c', new Set(['c'])]]);
    expect(dependencyOrder(['a', 'b', 'c'], cyclic).cycles).toEqual([['a', 'b', 'a'], ['c', 'c']]);
  });
});
