import { afterAll, describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate-expression';
import { EXAMPLE_POLICY } from './example-policy';
import { formatIssue } from './format-issue';
import { validatePolicy } from './validate-policy';

/**
 * Known ways out of a mathjs expression sandbox, and ways to stall it. Every payload must be
 * refused with a clear message, quickly, and must not run: the ones that would run code try to
 * set a global flag, checked at the end.
 */
const PAYLOADS: ReadonlyArray<readonly [string, string]> = [
  ['constructor of a function', 'cos.constructor("globalThis.__pwned = 1")()'],
  ['constructor of a function, no call', 'cos.constructor("globalThis.__pwned = 1")'],
  ['constructor of a whitelisted function', 'max.constructor("globalThis.__pwned = 1")'],
  ['constructor via a list method', '[].map.constructor("globalThis.__pwned = 1")()'],
  ['constructor via text index', '"abc"["constructor"]["constructor"]("globalThis.__pwned = 1")()'],
  ['text constructor', '"abc"["constructor"]'],
  ['text property', '"abc".length'],
  ['function definition', 'f(x) = x'],
  ['function definition then escape', 'f(x) = x; f.constructor("globalThis.__pwned = 1")()'],
  ['assignment', 'x = 1'],
  ['assignment to a variable', 'net = 0'],
  ['property assignment', 'a.b = 1'],
  ['object property access', '{a: 1}.a'],
  ['object index access', '{a: 1}["a"]'],
  ['prototype key', '{__proto__: {a: 1}}'],
  ['prototype key as text', 'lookup("a", {"__proto__": {a: 1}})'],
  ['prototype name', '__proto__'],
  ['constructor name', 'constructor'],
  ['toString name', 'toString(1)'],
  ['hasOwnProperty', 'hasOwnProperty("a")'],
  ['import', 'import({matrix: 1}, {override: true})'],
  ['createUnit', 'createUnit("foo")'],
  ['evaluate', 'evaluate("1 + 1")'],
  ['parse compile evaluate', 'parse("1").compile().evaluate()'],
  ['parse', 'parse("1")'],
  ['simplify', 'simplify("x + x")'],
  ['derivative', 'derivative("x^2", "x")'],
  ['resolve', 'resolve("x", {x: 1})'],
  ['compile', 'compile("1 + 1")'],
  ['reviver', 'reviver()'],
  ['config', 'config({precision: 2})'],
  ['chain', 'chain(1)'],
  ['typeOf', 'typeOf(1)'],
  ['a non-listed math function', 'sin(1)'],
  ['unit expression', '5 cm'],
  ['unit conversion', '5 cm to inch'],
  ['unit function', 'unit("5 cm")'],
  ['matrix', 'matrix([1, 2])'],
  ['nested list', '[[1, 2], [3, 4]]'],
  ['matrix rows', '[1, 2; 3, 4]'],
  ['zeros', 'zeros(3000, 3000)'],
  ['ones', 'ones(1000, 1000)'],
  ['range function', 'range(1, 1e9)'],
  ['range operator', '1:1e9'],
  ['huge power tower', '10^10^10'],
  ['huge power', '2 ^ 1e6'],
  ['huge pow()', 'pow(10, 100000)'],
  ['huge exp', 'exp(1e10)'],
  ['factorial function', 'factorial(100000)'],
  ['factorial operator', '100000!'],
  ['huge literal', '1e999999'],
  ['complex via sqrt', 'sqrt(-1)'],
  ['transpose', "net'"],
  ['bitwise and', '1 & 2'],
  ['shift', '1 << 100000'],
  ['nullish', 'net ?? 1'],
  ['optional chaining', 'net?.x'],
  ['process', 'process'],
  ['require', 'require("fs")'],
  ['globalThis', 'globalThis'],
  ['this', 'this'],
  ['text arithmetic', '"a" + "b"'],
  ['semicolons', 'net; net'],
  ['long list', `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`],
  ['deep nesting', `${'('.repeat(2000)}1${')'.repeat(2000)}`],
  ['deep list nesting', `${'['.repeat(2000)}1${']'.repeat(2000)}`],
  ['long chain', Array.from({ length: 1200 }, () => '1').join('+')],
  ['unary chain', `${'-'.repeat(3000)}1`],
  ['power chain', Array.from({ length: 1200 }, () => '2').join('^')],
  ['very long expression', `net${' + net'.repeat(2000)}`],
];

describe('the escape corpus', () => {
  afterAll(() => {
    expect(Reflect.get(globalThis, '__pwned')).toBeUndefined();
  });

  it.each(PAYLOADS)('refuses %s', (_label, expr) => {
    const start = performance.now();
    const r = evaluateExpression(expr, { net: '1000', grade: 'A' });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(formatIssue(i)).not.toMatch(/\{\w+\}/);
      expect(formatIssue(i, 'en')).not.toMatch(/\{\w+\}/);
    }
  });

  it.each(PAYLOADS)('refuses %s in a policy before it is saved', (_label, expr) => {
    const issues = validatePolicy({ ...EXAMPLE_POLICY, formulas: [{ name: 'rebate', expr }] });
    // "a" + "b" and sqrt(-1) are refused when the constant is folded, the rest structurally.
    expect(issues.length).toBeGreaterThan(0);
  });

  it('gives the reason a user can act on', () => {
    const reason = (expr: string): string => {
      const r = evaluateExpression(expr);
      return r.ok ? 'ok' : r.issues.map((i) => i.key).join(',');
    };
    expect(reason('x = 1')).toBe('expr.assignment');
    expect(reason('f(x) = x')).toBe('expr.functionDefinition');
    expect(reason('{a: 1}.a')).toBe('expr.propertyAccess');
    expect(reason('evaluate("1")')).toBe('function.unknown');
    expect(reason('zeros(3000, 3000)')).toBe('function.unknown');
    expect(reason('5 cm')).toBe('name.unknown');
    expect(reason('10^10^10')).toBe('eval.exponentTooLarge');
    expect(reason('[[1]]')).toBe('expr.matrix');
    expect(reason('1:3')).toBe('expr.range');
    expect(reason('100!')).toBe('expr.operator');
  });
});
