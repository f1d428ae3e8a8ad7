import type { Localized } from './lang';
import { EXCEL_ALIASES } from './math-functions';

/**
 * Every function a formula may call, with its arity (checked at validation) and the texts the
 * editor's autocomplete shows. A name missing here cannot be called: this list IS the allowlist.
 */
export type FunctionCategory = 'rebate' | 'logic' | 'comparison' | 'arithmetic' | 'rounding' | 'statistics';

export interface FunctionInfo {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly signature: string;
  readonly description: Localized;
  /** For Excel-style upper-case names: the function they stand for. */
  readonly aliasOf?: string;
}

const MANY = Number.POSITIVE_INFINITY;

function f(
  name: string, category: FunctionCategory, minArgs: number, maxArgs: number,
  signature: string, zh: string, en: string,
): FunctionInfo {
  return { name, category, minArgs, maxArgs, signature, description: { 'zh-CN': zh, en } };
}

const BASE_FUNCTIONS: readonly FunctionInfo[] = [
  f('ladder', 'rebate', 3, 3, 'ladder(x, thresholds, values)',
    '阶梯：取不超过 x 的最高门槛对应的值；低于第一个门槛时为 0', 'Step tiers: the value of the highest threshold ≤ x; 0 below the first'),
  f('progressive', 'rebate', 3, 3, 'progressive(x, thresholds, rates)',
    '超额累进：各档内的金额乘以该档比例后相加', 'Progressive bands: each band\'s part of x times its rate, summed'),
  f('lookup', 'rebate', 2, 3, 'lookup(key, table[, default])',
    '查表：取表中 key 对应的值；找不到且没有默认值时报错', 'The table\'s value for key; a missing key without default is an error'),
  f('if', 'logic', 3, 3, 'if(condition, then, else)',
    '条件：条件成立取第二个参数，否则取第三个；只计算被选中的一支', 'then when the condition holds, else otherwise; only the chosen branch is computed'),
  f('clamp', 'rebate', 3, 3, 'clamp(x, low, high)', '把 x 限制在 low 与 high 之间', 'x limited to the range low…high'),
  f('and', 'logic', 1, MANY, 'and(a, b, …)', '全部成立时为真', 'true when all are true'),
  f('or', 'logic', 1, MANY, 'or(a, b, …)', '任一成立时为真', 'true when any is true'),
  f('not', 'logic', 1, 1, 'not(a)', '取反', 'true when a is false'),
  f('xor', 'logic', 2, 2, 'xor(a, b)', '恰好一个成立时为真', 'true when exactly one is true'),
  f('equal', 'comparison', 2, 2, 'equal(a, b)', '相等（同 a == b）', 'a == b'),
  f('unequal', 'comparison', 2, 2, 'unequal(a, b)', '不相等（同 a != b）', 'a != b'),
  f('larger', 'comparison', 2, 2, 'larger(a, b)', '大于（同 a > b）', 'a > b'),
  f('largerEq', 'comparison', 2, 2, 'largerEq(a, b)', '大于等于（同 a >= b）', 'a >= b'),
  f('smaller', 'comparison', 2, 2, 'smaller(a, b)', '小于（同 a < b）', 'a < b'),
  f('smallerEq', 'comparison', 2, 2, 'smallerEq(a, b)', '小于等于（同 a <= b）', 'a <= b'),
  f('compare', 'comparison', 2, 2, 'compare(a, b)', 'a 大于、等于、小于 b 时分别为 1、0、-1', '1, 0 or -1 as a is larger, equal or smaller than b'),
  f('add', 'arithmetic', 2, 2, 'add(a, b)', '加（同 a + b）', 'a + b'),
  f('subtract', 'arithmetic', 2, 2, 'subtract(a, b)', '减（同 a - b）', 'a - b'),
  f('multiply', 'arithmetic', 2, 2, 'multiply(a, b)', '乘（同 a * b）', 'a * b'),
  f('divide', 'arithmetic', 2, 2, 'divide(a, b)', '除（同 a / b）；除数为 0 时报错', 'a / b; dividing by 0 is an error'),
  f('mod', 'arithmetic', 2, 2, 'mod(a, b)', '取余数', 'remainder of a / b'),
  f('pow', 'arithmetic', 2, 2, 'pow(a, b)', '乘方（同 a ^ b）', 'a ^ b'),
  f('unaryMinus', 'arithmetic', 1, 1, 'unaryMinus(a)', '取相反数', '-a'),
  f('unaryPlus', 'arithmetic', 1, 1, 'unaryPlus(a)', '原值', '+a'),
  f('abs', 'arithmetic', 1, 1, 'abs(x)', '绝对值', 'absolute value'),
  f('sign', 'arithmetic', 1, 1, 'sign(x)', '符号：1、0 或 -1', 'sign: 1, 0 or -1'),
  f('sqrt', 'arithmetic', 1, 1, 'sqrt(x)', '平方根', 'square root'),
  f('cbrt', 'arithmetic', 1, 1, 'cbrt(x)', '立方根', 'cube root'),
  f('square', 'arithmetic', 1, 1, 'square(x)', '平方', 'x squared'),
  f('cube', 'arithmetic', 1, 1, 'cube(x)', '立方', 'x cubed'),
  f('exp', 'arithmetic', 1, 1, 'exp(x)', 'e 的 x 次方', 'e to the power x'),
  f('log', 'arithmetic', 1, 2, 'log(x[, base])', '对数（默认自然对数）', 'logarithm (natural unless a base is given)'),
  f('log10', 'arithmetic', 1, 1, 'log10(x)', '以 10 为底的对数', 'base-10 logarithm'),
  f('log2', 'arithmetic', 1, 1, 'log2(x)', '以 2 为底的对数', 'base-2 logarithm'),
  f('round', 'rounding', 1, 2, 'round(x[, digits])', '四舍五入到 digits 位小数（默认 0；负数表示到十位、百位…）', 'round half away from zero to digits decimals (default 0; negative: tens, hundreds…)'),
  f('floor', 'rounding', 1, 2, 'floor(x[, digits])', '向下取整', 'round down (towards −∞)'),
  f('ceil', 'rounding', 1, 2, 'ceil(x[, digits])', '向上取整', 'round up (towards +∞)'),
  f('fix', 'rounding', 1, 2, 'fix(x[, digits])', '截断（向 0 取整）', 'truncate towards zero'),
  f('min', 'statistics', 1, MANY, 'min(a, b, …)', '最小值', 'smallest value'),
  f('max', 'statistics', 1, MANY, 'max(a, b, …)', '最大值', 'largest value'),
  f('sum', 'statistics', 1, MANY, 'sum(a, b, …)', '求和', 'sum'),
  f('mean', 'statistics', 1, MANY, 'mean(a, b, …)', '平均值', 'average'),
  f('median', 'statistics', 1, MANY, 'median(a, b, …)', '中位数', 'median'),
];

const EXCEL_FUNCTIONS: readonly FunctionInfo[] = [...EXCEL_ALIASES].flatMap(([upper, lower]) => {
  const base = BASE_FUNCTIONS.find((b) => b.name === lower);
  return base ? [{ ...base, name: upper, signature: base.signature.replace(lower, upper), aliasOf: lower }] : [];
});

export const FUNCTIONS: readonly FunctionInfo[] = [...BASE_FUNCTIONS, ...EXCEL_FUNCTIONS];

const BY_NAME: ReadonlyMap<string, FunctionInfo> = new Map(FUNCTIONS.map((fn) => [fn.name, fn]));

export function findFunction(name: string): FunctionInfo | undefined {
  return BY_NAME.get(name);
}

export const FUNCTION_NAMES: readonly string[] = FUNCTIONS.map((fn) => fn.name);
