import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY as EAST_2026 } from './example-policy';
import { formatIssue } from './format-issue';
import type { Issue } from './issues';
import { parsePolicyFile, validatePolicy } from './validate-policy';

type Draft = Record<string, unknown>;

function withFormulas(formulas: Array<{ name: string; expr: string }>, parameters: Record<string, unknown> = EAST_2026.parameters): Draft {
  return { ...EAST_2026, parameters, formulas };
}

function keys(issues: Issue[]): string[] {
  return issues.map((i) => i.key);
}

function only(issues: Issue[], key: string): Issue {
  const found = issues.filter((i) => i.key === key);
  expect(found, `${key} in ${JSON.stringify(issues)}`).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error(key);
  return first;
}

describe('formula syntax', () => {
  it('reports a parse error with its position', () => {
    const issues = validatePolicy(withFormulas([{ name: 'rebate', expr: 'net * (0.01 +' }]));
    const i = only(issues, 'expr.unexpectedEnd');
    expect(i.formula).toBe('rebate');
    expect(i.field).toBe('formulas[0].expr');
    expect(i.position).toMatchObject({ start: 13, line: 1, column: 14 });
  });

  it('gives line and column in multi-line formulas', () => {
    const issues = validatePolicy(withFormulas([{ name: 'rebate', expr: 'max(0,\n  net * * 2)' }]));
    expect(issues[0]?.position).toMatchObject({ line: 2, column: 9 });
  });

  it('points at full-width punctuation typed with a Chinese input method', () => {
    const i = only(validatePolicy(withFormulas([{ name: 'rebate', expr: 'max(0，net)' }])), 'expr.fullWidth');
    expect(i.params).toEqual({ char: '，', replacement: ',' });
    expect(i.position).toMatchObject({ start: 5, column: 6 });
    expect(formatIssue(i)).toBe('公式「rebate」（第 1 行第 6 列）：请使用半角符号：把「，」改为「,」（切换到英文输入法）。');
  });

  it('refuses an empty formula and multiple statements', () => {
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: '  ' }])))).toEqual(['expr.empty']);
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'net; 1' }])))).toEqual(['expr.multipleExpressions']);
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'net\n1' }])))).toEqual(['expr.multipleExpressions']);
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: '(net\n + 1)' }])))).toEqual([]);
  });
});

describe('names', () => {
  it('suggests the closest name for a typo', () => {
    const issues = validatePolicy(withFormulas([{ name: 'rebate', expr: 'net * promo_bonus_rat + puchase' }]));
    const a = issues.find((i) => i.params.name === 'promo_bonus_rat');
    const b = issues.find((i) => i.params.name === 'puchase');
    expect(a).toMatchObject({ key: 'name.unknownDidYouMean', params: { suggestion: 'promo_bonus_rate' }, position: { start: 6, end: 21 } });
    expect(b).toMatchObject({ key: 'name.unknownDidYouMean', params: { suggestion: 'purchase' } });
    expect(formatIssue(b ?? a ?? { key: 'expr.empty', params: {} }, 'en')).toBe(
      'Formula "rebate" (line 1, column 25): Unknown name "puchase". Did you mean "purchase"?',
    );
  });

  it('suggests Chinese names and function names', () => {
    const issues = validatePolicy(withFormulas([{ name: 'rebate', expr: '进货 * laddr(net, [0], [1]) + Max(1, 2)' }]));
    expect(issues.find((i) => i.params.name === '进货')?.params.suggestion).toBe('进货额');
    expect(issues.find((i) => i.params.name === 'laddr')).toMatchObject({ key: 'function.unknownDidYouMean', params: { suggestion: 'ladder' } });
    expect(issues.find((i) => i.params.name === 'Max')?.params.suggestion).toMatch(/^(max|MAX)$/);
  });

  it('reports an unknown name without a plausible suggestion plainly', () => {
    const i = only(validatePolicy(withFormulas([{ name: 'rebate', expr: 'xyzzy_total' }])), 'name.unknown');
    expect(i.params).toEqual({ name: 'xyzzy_total' });
  });

  it('refuses calling a value and using a function as a value', () => {
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'net(2)' }])))).toEqual(['function.notCallable']);
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'ladder + 1' }])))).toEqual(['name.isFunction']);
  });

  it('checks the number of arguments', () => {
    const i = only(validatePolicy(withFormulas([{ name: 'rebate', expr: 'lookup(grade)' }])), 'function.arity');
    expect(i.params).toEqual({ name: 'lookup', expected: '2–3', given: 1 });
    expect(formatIssue(i)).toContain('函数 lookup 需要 2–3 个参数，这里给了 1 个');
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'IF(net > 0, 1)' }])))).toEqual(['function.arity']);
    expect(keys(validatePolicy(withFormulas([{ name: 'rebate', expr: 'min()' }])))).toEqual(['function.arityAtLeast']);
  });

  it('refuses formulas named like built-in variables, functions or parameters, and duplicates', () => {
    const issues = validatePolicy(withFormulas([
      { name: 'net', expr: '1' },
      { name: '进货额', expr: '1' },
      { name: 'ladder', expr: '1' },
      { name: 'IF', expr: '1' },
      { name: 'cap', expr: '1' },
      { name: 'rebate', expr: '1' },
      { name: 'rebate', expr: '2' },
    ]));
    expect(keys(issues).sort()).toEqual([
      'formula.duplicate', 'formula.shadowsFunction', 'formula.shadowsFunction', 'formula.shadowsParameter',
      'formula.shadowsVariable', 'formula.shadowsVariable',
    ]);
    expect(issues.find((i) => i.params.name === '进货额')?.params.variable).toBe('purchase');
  });

  it('refuses invalid formula names', () => {
    for (const name of ['1st', 'a-b', 'and', '', 'a b', '$x']) {
      expect(keys(validatePolicy(withFormulas([{ name, expr: '1' }, { name: 'rebate', expr: '1' }]))), name).toContain('formula.nameInvalid');
    }
  });

  it('accepts Chinese formula and parameter names', () => {
    const issues = validatePolicy(withFormulas(
      [{ name: '基础返利', expr: '净进货额 * lookup(等级, 等级系数)' }, { name: 'rebate', expr: 'min(封顶, 基础返利)' }],
      { 等级系数: { A: 1.2 }, 封顶: 200000 },
    ));
    expect(issues).toEqual([]);
  });
});

describe('formulas together', () => {
  it('names a cycle between formulas', () => {
    const issues = validatePolicy(withFormulas([
      { name: 'a', expr: 'b + 1' },
      { name: 'b', expr: 'c * 2' },
      { name: 'c', expr: 'a' },
      { name: 'rebate', expr: 'a' },
    ]));
    const i = only(issues, 'formula.cycle');
    expect(i.params.cycle).toBe('a → b → c → a');
    expect(formatIssue(i)).toBe('公式「a」：公式之间循环引用：a → b → c → a。');
    expect(formatIssue(i, 'en')).toBe('Formula "a": The formulas refer to each other in a circle: a → b → c → a.');
  });

  it('names a formula that refers to itself', () => {
    expect(only(validatePolicy(withFormulas([{ name: 'rebate', expr: 'rebate + 1' }])), 'formula.cycle').params.cycle).toBe('rebate → rebate');
  });

  it('requires a rebate formula', () => {
    expect(keys(validatePolicy(withFormulas([{ name: 'total', expr: '1' }])))).toEqual(['formula.rebateMissing']);
  });

  it('lets formulas refer to each other in any order', () => {
    expect(validatePolicy(withFormulas([{ name: 'rebate', expr: 'x * 2' }, { name: 'x', expr: 'net' }]))).toEqual([]);
  });

  it('checks ladder and lookup arguments before any distributor is computed', () => {
    const check = (expr: string): string[] => keys(validatePolicy(withFormulas([{ name: 'rebate', expr }], { t: [0, 10], f: { A: 1 }, n: 5 })));
    expect(check('ladder(net, [0, 100], [1])')).toEqual(['ladder.lengthMismatch']);
    expect(check('ladder(net, [100, 0], [1, 2])')).toEqual(['ladder.notAscending']);
    expect(check('ladder(net, n, t)')).toEqual(['ladder.notList']);
    expect(check('progressive(net, t, grade)')).toEqual(['ladder.notList']);
    expect(check('lookup(grade, t)')).toEqual(['lookup.notTable']);
    expect(check('lookup(grade, n)')).toEqual(['lookup.notTable']);
    expect(check('ladder(net, t, t) * lookup(grade, f, 1)')).toEqual([]);
    expect(check('t')).toEqual(['formula.notScalar']);
    expect(check('{A: 1}')).toEqual(['formula.notScalar']);
  });

  it('reports failures of constant sub-expressions at validation, except in untaken branches', () => {
    const check = (expr: string): string[] => keys(validatePolicy(withFormulas([{ name: 'rebate', expr }])));
    expect(check('net / 0 * 0 + 1 / 0')).toEqual(['eval.divisionByZero']);
    expect(check('if(net > 0, 1, 1 / 0)')).toEqual([]);
    expect(check('1e999')).toEqual(['expr.numberTooLarge']);
  });
});

describe('parameters', () => {
  const check = (parameters: Record<string, unknown>): Issue[] =>
    validatePolicy(withFormulas([{ name: 'rebate', expr: '1' }], parameters));

  it('accepts numbers, decimal text, lists and tables of numbers', () => {
    expect(check({ a: 1, b: '0.005', c: [0, '1e5'], d: { A: 1.2, 华东: '0.8' } })).toEqual([]);
  });

  it('refuses other values with the path of the offending entry', () => {
    expect(keys(check({ a: true }))).toEqual(['parameter.type']);
    expect(keys(check({ a: null }))).toEqual(['parameter.type']);
    expect(only(check({ a: 'abc' }), 'parameter.notNumber').params).toMatchObject({ name: 'a', value: '"abc"' });
    expect(only(check({ a: [1, 'x'] }), 'parameter.notNumber').params).toMatchObject({ path: '#2' });
    expect(only(check({ a: { A: 1, B: { C: 1 } } }), 'parameter.notNumber').params).toMatchObject({ path: 'B' });
    expect(keys(check({ a: [[1, 2]] }))).toEqual(['parameter.notNumber']);
    expect(keys(check({ a: [] }))).toEqual(['parameter.empty']);
    expect(keys(check({ a: {} }))).toEqual(['parameter.empty']);
    expect(keys(check({ a: Array.from({ length: 101 }, (_, i) => i) }))).toEqual(['parameter.tooLarge']);
  });

  it('refuses parameter names that clash or are invalid', () => {
    expect(keys(check({ net: 1 }))).toEqual(['parameter.shadowsVariable']);
    expect(keys(check({ 退货率: 1 }))).toEqual(['parameter.shadowsVariable']);
    expect(keys(check({ max: 1 }))).toEqual(['parameter.shadowsFunction']);
    expect(keys(check({ 'a.b': 1 }))).toEqual(['parameter.nameInvalid']);
    expect(keys(check({ __proto__x: 1 }))).toEqual([]);
  });
});

describe('policy fields', () => {
  it('checks code, name, priority, months and scope', () => {
    const issues = validatePolicy({
      ...EAST_2026, code: 'east 2026', name: ' ', priority: 1.5, effective_from: '2026-13', effective_to: '2026/12',
      scope: { regions: [], grades: ['A', ''], channel: ['x'] },
    });
    expect(keys(issues).sort()).toEqual([
      'policy.codeInvalid', 'policy.fieldType', 'policy.fieldUnknown', 'policy.monthInvalid', 'policy.monthInvalid',
      'policy.nameEmpty', 'policy.priorityInvalid', 'policy.scopeEmpty',
    ]);
    expect(issues.find((i) => i.key === 'policy.fieldType')?.field).toBe('scope.grades[1]');
  });

  it('requires from ≤ to, and allows an open end and no scope', () => {
    expect(keys(validatePolicy({ ...EAST_2026, effective_from: '2026-07', effective_to: '2026-06' }))).toEqual(['policy.periodOrder']);
    const { effective_to: _to, scope: _scope, ...open } = EAST_2026;
    expect(validatePolicy(open)).toEqual([]);
    expect(validatePolicy({ ...open, effective_to: null, scope: null })).toEqual([]);
  });

  it('requires the format and reports missing and unknown fields', () => {
    expect(keys(validatePolicy({ ...EAST_2026, format: 'rebate-policy/2' }))).toEqual(['policy.format']);
    const { code: _code, formulas: _formulas, ...rest } = EAST_2026;
    expect(keys(validatePolicy({ ...rest, efective_to: '2026-12' })).sort()).toEqual(['policy.fieldMissing', 'policy.fieldMissing', 'policy.fieldUnknown']);
    expect(keys(validatePolicy({ ...EAST_2026, formulas: [{ name: 'rebate' }, 'x', { name: 'y', expr: '1', note: '' }] })).sort()).toEqual([
      'formula.rebateMissing', 'policy.fieldMissing', 'policy.fieldType', 'policy.fieldUnknown',
    ].sort());
  });

  it('never throws, whatever it is given', () => {
    for (const junk of [null, undefined, 42, 'policy', [], [EAST_2026], { formulas: 'x' }, { parameters: [1] }]) {
      expect(() => validatePolicy(junk)).not.toThrow();
      expect(validatePolicy(junk).length).toBeGreaterThan(0);
    }
  });
});

describe('parsePolicyFile', () => {
  it('returns the typed policy, normalised', () => {
    const { parameters: _p, ...noParameters } = EAST_2026;
    const r = parsePolicyFile({ ...noParameters, formulas: [{ name: 'rebate', expr: 'net * 0.01' }] });
    expect(r).toEqual({
      ok: true,
      issues: [],
      policy: {
        format: 'rebate-policy/1', code: 'EAST-2026', name: EAST_2026.name, priority: 10,
        effective_from: '2026-01', effective_to: '2026-12', scope: EAST_2026.scope,
        parameters: {}, formulas: [{ name: 'rebate', expr: 'net * 0.01' }],
      },
    });
  });

  it('returns the issues of an invalid file', () => {
    const r = parsePolicyFile({ ...EAST_2026, priority: '10' });
    expect(r.ok).toBe(false);
    expect(keys(r.issues)).toEqual(['policy.priorityInvalid']);
  });
});

describe('parameter labels (optional parameter_labels: code → label)', () => {
  const labelled = (labels: unknown): Draft => ({ ...EAST_2026, parameter_labels: labels });

  it('a file without labels stays valid and reads without the field; labels are read trimmed', () => {
    const plain = parsePolicyFile(EAST_2026);
    expect(plain.ok && 'parameter_labels' in plain.policy).toBe(false);
    const r = parsePolicyFile(labelled({ promo_bonus_rate: ' 促销奖励比例 ', cap: '返利封顶' }));
    expect(r.ok && r.policy.parameter_labels).toEqual({ promo_bonus_rate: '促销奖励比例', cap: '返利封顶' });
  });

  it('a label of no parameter, an empty label and labels that are not an object are refused, naming the field', () => {
    const unknown = only(validatePolicy(labelled({ promo_rate_bonus: '促销奖励比例' })), 'policy.labelUnknownParameter');
    expect(unknown.field).toBe('parameter_labels.promo_rate_bonus');
    expect(formatIssue(unknown, 'zh-CN')).toContain('promo_rate_bonus');
    expect(only(validatePolicy(labelled({ cap: '  ' })), 'policy.fieldType').field).toBe('parameter_labels.cap');
    expect(only(validatePolicy(labelled(['cap'])), 'policy.fieldType').field).toBe('parameter_labels');
  });
});
