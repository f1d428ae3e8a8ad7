import { catalogue } from '../../domain';

/** Messages of the ledger service and of periods that close in order. */
export const ledgerMessages = catalogue({
  'ledger.reason_required': { 'zh-CN': '台账调整必须填写原因。', en: 'A ledger adjustment needs a reason.' },
  'ledger.amount_zero': { 'zh-CN': '调整金额不能为 0。', en: 'The adjustment amount cannot be 0.' },
  'ledger.bad_amount': { 'zh-CN': '金额“{value}”无效：请填写最多两位小数的金额，例如 -1200.50。', en: 'The amount "{value}" is invalid: enter an amount with at most two decimals, e.g. -1200.50.' },
  'ledger.unknown_distributor': { 'zh-CN': '经销商档案中没有编码 {code}。', en: 'There is no distributor {code} in the master data.' },
  'ledger.period_closed': {
    'zh-CN': '{period} 的核算批次已提交或审批，台账已随之关闭，不能再做台账调整。请在下一个账期调整。',
    en: 'The batch of {period} is submitted or approved and its ledger closed with it: no more ledger adjustments. Adjust in the next period.',
  },
  'approval.earlier_open': {
    'zh-CN': '账期按顺序关账：{earlier} 有数据但尚未审批通过，{period} 还不能提交。请先完成 {earlier} 的审批。',
    en: 'Periods close in order: {earlier} has data and is not approved yet, so {period} cannot be submitted. Finish the approval of {earlier} first.',
  },
  'approval.stale_ledger': {
    'zh-CN': '{period} 核算之后，之前账期的审批或期初余额发生了变化（期初返利余额随之改变）。请先重新核算 {period} 再提交。',
    en: 'An earlier period was approved or the opening balances changed after {period} was calculated (its opening balance changed with it). Recalculate {period} before submitting.',
  },
});
