import { catalogue } from '../../domain';

/** Messages of calculation, adjustments and reconciliation. */
export const batchMessages = catalogue({
  'calc.locked': {
    'zh-CN': '{period} 的核算批次状态为“{status}”，已锁定，不能重新核算或调整。',
    en: 'The batch of {period} is {status} and locked: it cannot be recalculated or adjusted.',
  },
  'calc.cancelled': {
    'zh-CN': '{period} 的核算已取消，未保存任何结果。',
    en: 'The calculation of {period} was cancelled; nothing was stored.',
  },
  'calc.job_not_found': { 'zh-CN': '找不到这个核算任务（可能已过期）。', en: 'This calculation job no longer exists (it may have expired).' },
  'calc.no_data': {
    'zh-CN': '{period} 没有任何进货、退货或促销数据，无法核算。请先导入当月数据。',
    en: 'There is no purchase, return or promotion data for {period}. Import the month first.',
  },
  'calc.exception.no_policy': {
    'zh-CN': '没有适用的返利政策（大区 {region}、等级 {grade}、账期 {period}）。请在“返利政策”中补充适用范围。',
    en: 'No rebate policy applies (region {region}, grade {grade}, period {period}). Extend a policy’s scope in Policies.',
  },
  'calc.exception.ambiguous': {
    'zh-CN': '多个优先级相同的政策同时适用：{codes}。请调整优先级或适用范围。',
    en: 'Several policies of equal priority apply: {codes}. Change their priority or scope.',
  },
  'calc.exception.too_large': {
    'zh-CN': '计算结果 {value} 超出金额上限（绝对值最大 {limit}）。请检查政策公式和数据。',
    en: 'The result {value} is beyond the money limit (at most {limit} in magnitude). Check the policy’s formulas and the data.',
  },
  'batch.not_found': { 'zh-CN': '{period} 还没有核算批次。请先核算。', en: 'There is no batch for {period} yet. Calculate first.' },
  'cli.bad_format': { 'zh-CN': '不支持的格式“{format}”：请用 csv 或 json。', en: 'Unsupported format "{format}": use csv or json.' },
  'adjust.reason_required': { 'zh-CN': '调整必须填写原因。', en: 'An adjustment needs a reason.' },
  'adjust.bad_amount': { 'zh-CN': '调整金额“{amount}”无效：请填写最多两位小数、绝对值不超过 9,999,999,999.99 的金额，例如 -100.00。', en: 'The adjustment "{amount}" is invalid: use an amount with at most two decimals and at most 9,999,999,999.99 in magnitude, e.g. -100.00.' },
  'adjust.stale': {
    'zh-CN': '{period} 的批次在您打开后已由 {who} 重新核算（{at}），调整未保存。请刷新结果后再调整。',
    en: 'The batch of {period} was recalculated by {who} ({at}) after you opened it; the adjustment was not saved. Reload the results and adjust again.',
  },
  'adjust.no_row': { 'zh-CN': '经销商 {code} 不在 {period} 的核算批次中。', en: 'Distributor {code} is not in the batch of {period}.' },
  'cli.bad_number': { 'zh-CN': '选项 {option} 的值“{value}”不是有效的正整数。', en: 'The value "{value}" of {option} is not a valid positive whole number.' },
  'demo.not_empty': { 'zh-CN': '数据库里已有数据，演示数据只能加载到空数据库。', en: 'The database already holds data; demo data loads only into an empty one.' },
  'demo.import_failed': { 'zh-CN': '演示数据导入失败：{detail}', en: 'Loading the demo data failed: {detail}' },
  'reconcile.returns_above_purchases': { 'zh-CN': '退货额 {returns} 高于进货额 {purchase}', en: 'Returns {returns} exceed purchases {purchase}' },
  'reconcile.high_return_rate': { 'zh-CN': '退货率 {rate}% 高于 {limit}%', en: 'Return rate {rate}% above {limit}%' },
  'reconcile.inactive_with_activity': { 'zh-CN': '经销商已停用，但本期有业务数据', en: 'Distributor is inactive but has activity this period' },
  'reconcile.unknown_original_doc': {
    'zh-CN': '退货单 {doc} 的原单号 {original} 在进货数据中找不到（{file}，{sheet}，第 {row} 行）',
    en: 'Return {doc}: original document {original} not found in purchases ({file}, {sheet}, row {row})',
  },
  'reconcile.note_locked': {
    'zh-CN': '{period} 的批次已审批并锁定，不能再修改对账说明或确认标记。',
    en: 'The batch of {period} is approved and locked: its reconciliation notes and marks cannot change.',
  },
});
