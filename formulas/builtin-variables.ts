/**
 * The built-in variables of formulas.md, one entry per variable, with its Chinese alias and the
 * labels the editor shows in autocomplete. The calculation engine supplies their values.
 */

import type { Localized } from './lang';

export const NUMBER_VARIABLE_NAMES = [
  'purchase', 'purchase_qty', 'returns', 'return_qty', 'net', 'return_rate',
  'promo_target', 'promo_actual', 'promo_rate',
  'ytd_purchase', 'ytd_returns', 'ytd_net', 'ytd_rebate', 'prev_rebate',
  'balance_opening', 'balance_used',
  'month', 'quarter',
] as const;

export const TEXT_VARIABLE_NAMES = ['grade', 'region', 'province'] as const;

export type NumberVariableName = (typeof NUMBER_VARIABLE_NAMES)[number];
export type TextVariableName = (typeof TEXT_VARIABLE_NAMES)[number];
export type BuiltinVariableName = NumberVariableName | TextVariableName;

export interface BuiltinVariable {
  readonly name: BuiltinVariableName;
  readonly alias: string;
  readonly kind: 'number' | 'text';
  readonly label: Localized;
  readonly description: Localized;
}

export const BUILTIN_VARIABLES: readonly BuiltinVariable[] = [
  { name: 'purchase', alias: '进货额', kind: 'number', label: { 'zh-CN': '进货额', en: 'Purchases' },
    description: { 'zh-CN': '本期进货金额合计', en: 'Sum of purchase amounts in the period' } },
  { name: 'purchase_qty', alias: '进货数量', kind: 'number', label: { 'zh-CN': '进货数量', en: 'Purchase quantity' },
    description: { 'zh-CN': '本期进货数量合计', en: 'Sum of purchase quantities in the period' } },
  { name: 'returns', alias: '退货额', kind: 'number', label: { 'zh-CN': '退货额', en: 'Returns' },
    description: { 'zh-CN': '本期退货金额合计（正数）', en: 'Sum of return amounts in the period (positive)' } },
  { name: 'return_qty', alias: '退货数量', kind: 'number', label: { 'zh-CN': '退货数量', en: 'Return quantity' },
    description: { 'zh-CN': '本期退货数量合计', en: 'Sum of return quantities in the period' } },
  { name: 'net', alias: '净进货额', kind: 'number', label: { 'zh-CN': '净进货额', en: 'Net purchases' },
    description: { 'zh-CN': '进货额 − 退货额', en: 'Purchases minus returns' } },
  { name: 'return_rate', alias: '退货率', kind: 'number', label: { 'zh-CN': '退货率', en: 'Return rate' },
    description: { 'zh-CN': '退货额 ÷ 进货额；进货额为 0 时为 0', en: 'Returns ÷ purchases; 0 when purchases are 0' } },
  { name: 'promo_target', alias: '促销目标', kind: 'number', label: { 'zh-CN': '促销目标', en: 'Promotion target' },
    description: { 'zh-CN': '本期促销目标合计', en: 'Sum of promotion targets in the period' } },
  { name: 'promo_actual', alias: '促销实际', kind: 'number', label: { 'zh-CN': '促销实际', en: 'Promotion actual' },
    description: { 'zh-CN': '本期促销实际完成合计', en: 'Sum of promotion actuals in the period' } },
  { name: 'promo_rate', alias: '促销达成率', kind: 'number', label: { 'zh-CN': '促销达成率', en: 'Promotion achievement' },
    description: { 'zh-CN': '促销实际 ÷ 促销目标（目标合计为 0 时取各行达成率的平均值，否则为 0）', en: 'Promotion actual ÷ target (if the target sum is 0: the mean of the rows\' rates, else 0)' } },
  { name: 'ytd_purchase', alias: '年累计进货额', kind: 'number', label: { 'zh-CN': '年累计进货额', en: 'Year-to-date purchases' },
    description: { 'zh-CN': '本年 1 月至本期（含）的进货额', en: 'Purchases from January up to and including this period' } },
  { name: 'ytd_returns', alias: '年累计退货额', kind: 'number', label: { 'zh-CN': '年累计退货额', en: 'Year-to-date returns' },
    description: { 'zh-CN': '本年 1 月至本期（含）的退货额', en: 'Returns from January up to and including this period' } },
  { name: 'ytd_net', alias: '年累计净进货额', kind: 'number', label: { 'zh-CN': '年累计净进货额', en: 'Year-to-date net purchases' },
    description: { 'zh-CN': '本年 1 月至本期（含）的净进货额', en: 'Net purchases from January up to and including this period' } },
  { name: 'ytd_rebate', alias: '年累计已批返利', kind: 'number', label: { 'zh-CN': '年累计已批返利', en: 'Year-to-date approved rebate' },
    description: { 'zh-CN': '本年此前各期已审批批次中的最终返利合计', en: 'Final amounts in approved batches of earlier periods this year' } },
  { name: 'prev_rebate', alias: '上期返利', kind: 'number', label: { 'zh-CN': '上期返利', en: 'Previous rebate' },
    description: { 'zh-CN': '上一期已审批批次中的最终返利（没有则为 0）', en: 'Final amount in the previous period\'s approved batch (0 if none)' } },
  { name: 'balance_opening', alias: '期初返利余额', kind: 'number', label: { 'zh-CN': '期初返利余额', en: 'Opening rebate balance' },
    description: { 'zh-CN': '经销商本期期初的返利余额（返利台账：上期期末余额，首期为导入的期初余额）', en: 'The distributor\'s rebate balance at the start of the period (the ledger: the previous closing, or the imported opening balance)' } },
  { name: 'balance_used', alias: '本期兑付', kind: 'number', label: { 'zh-CN': '本期兑付', en: 'Balance used' },
    description: { 'zh-CN': '本期导入的返利兑付合计（票折、货补、冲应收、现金；冲回为负）', en: 'Settlements booked in the period (invoice, goods, offset, cash; reversals negative)' } },
  { name: 'grade', alias: '等级', kind: 'text', label: { 'zh-CN': '等级', en: 'Grade' },
    description: { 'zh-CN': '经销商本期等级（文本，如 "A"）', en: 'The distributor\'s grade this period (text, e.g. "A")' } },
  { name: 'region', alias: '大区', kind: 'text', label: { 'zh-CN': '大区', en: 'Region' },
    description: { 'zh-CN': '经销商所属大区（文本，如 "华东"）', en: 'The distributor\'s region (text, e.g. "华东")' } },
  { name: 'province', alias: '省份', kind: 'text', label: { 'zh-CN': '省份', en: 'Province' },
    description: { 'zh-CN': '经销商所在省份（文本）', en: 'The distributor\'s province (text)' } },
  { name: 'month', alias: '月份', kind: 'number', label: { 'zh-CN': '月份', en: 'Month' },
    description: { 'zh-CN': '账期月份 1–12', en: 'Month of the period, 1–12' } },
  { name: 'quarter', alias: '季度', kind: 'number', label: { 'zh-CN': '季度', en: 'Quarter' },
    description: { 'zh-CN': '账期所在季度 1–4', en: 'Quarter of the period, 1–4' } },
];

const BY_NAME_OR_ALIAS: ReadonlyMap<string, BuiltinVariable> = new Map(
  BUILTIN_VARIABLES.flatMap((v) => [[v.name, v], [v.alias, v]] as const),
);

/** The variable a name (English or Chinese alias) refers to, if any. */
export function findBuiltinVariable(name: string): BuiltinVariable | undefined {
  return BY_NAME_OR_ALIAS.get(name);
}

export const BUILTIN_VARIABLE_NAMES: readonly BuiltinVariableName[] = BUILTIN_VARIABLES.map((v) => v.name);

const TEXT_NAMES: ReadonlySet<string> = new Set(TEXT_VARIABLE_NAMES);

export function isTextVariable(name: string): name is TextVariableName {
  return TEXT_NAMES.has(name);
}

const MONEY_VARIABLES: ReadonlySet<string> = new Set(['purchase', 'returns', 'net', 'promo_target', 'promo_actual', 'ytd_purchase', 'ytd_returns', 'ytd_net', 'ytd_rebate', 'prev_rebate', 'balance_opening', 'balance_used']);
const RATE_VARIABLES: ReadonlySet<string> = new Set(['return_rate', 'promo_rate']);

/** How a built-in variable's value is shown: money to the cent, rates as percentages, quantities and months as counts. */
export function variableValueKind(name: string): 'money' | 'rate' | 'quantity' | 'count' | 'text' {
  if (MONEY_VARIABLES.has(name)) return 'money';
  if (RATE_VARIABLES.has(name)) return 'rate';
  if (name === 'month' || name === 'quarter') return 'count';
  if (name === 'purchase_qty' || name === 'return_qty') return 'quantity';
  return 'text';
}
