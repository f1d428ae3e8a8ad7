/** The three demo policies (formulas.md file form), valid for the demo year. */
export function demoPolicies(year: string): object[] {
  return [
    {
      format: 'rebate-policy/1',
      code: 'DEMO-EAST-SOUTH',
      name: `华东华南区 ${year} 年阶梯返利政策`,
      priority: 10,
      effective_from: `${year}-01`,
      effective_to: `${year}-12`,
      scope: { regions: ['华东', '华南'] },
      parameters: {
        grade_factor: { A: 1.2, B: 1.0, C: 0.8, D: 0.5 },
        promo_bonus_rate: 0.005,
        return_limit: 0.05,
        cap: 200000,
      },
      parameter_labels: { grade_factor: '等级系数', promo_bonus_rate: '促销奖励比例', return_limit: '退货率上限', cap: '返利封顶' },
      formulas: [
        { name: 'base_rate', label: '基础返利率', expr: 'ladder(net, [0, 50000, 200000, 500000], [0, 0.01, 0.015, 0.02])' },
        { name: 'base_rebate', label: '基础返利', expr: 'net * base_rate * lookup(grade, grade_factor)' },
        { name: 'promo_bonus', label: '促销奖励', expr: 'promo_rate >= 1 ? net * promo_bonus_rate : 0' },
        { name: 'penalty', label: '退货扣减', expr: 'return_rate > return_limit ? net * 0.01 : 0' },
        { name: 'rebate', label: '返利金额', expr: 'min(cap, max(0, base_rebate + promo_bonus - penalty))' },
      ],
    },
    {
      format: 'rebate-policy/1',
      code: 'DEMO-NATIONAL',
      name: `全国 ${year} 年超额累进返利政策`,
      priority: 1,
      effective_from: `${year}-01`,
      parameters: { bands: [0, 100000, 300000], rates: [0.008, 0.012, 0.018] },
      parameter_labels: { bands: '累进档位', rates: '累进返利率' },
      formulas: [
        { name: 'progressive_rebate', label: '累进返利', expr: 'progressive(净进货额, bands, rates)' },
        { name: 'grade_bonus', label: '等级加成', expr: 'if(grade == "A", progressive_rebate * 0.1, 0)' },
        { name: 'rebate', label: '返利金额', expr: 'round(progressive_rebate + grade_bonus, 2)' },
      ],
    },
    {
      format: 'rebate-policy/1',
      code: 'DEMO-WEST-TRUEUP',
      name: `西部 ${year} 年季度补差返利政策`,
      priority: 20,
      effective_from: `${year}-01`,
      effective_to: `${year}-12`,
      scope: { regions: ['西南', '西北'] },
      parameters: { monthly_rate: 0.01, ytd_bands: [0, 300000, 1000000], ytd_rates: [0.01, 0.015, 0.02] },
      parameter_labels: { monthly_rate: '月度返利率', ytd_bands: '年累计档位', ytd_rates: '年累计返利率' },
      formulas: [
        { name: 'monthly_rebate', label: '月度返利', expr: 'max(0, net) * monthly_rate' },
        { name: 'quarter_end', label: '是否季末', expr: 'month == quarter * 3' },
        { name: 'ytd_target_rebate', label: '年累计应得返利', expr: 'ladder(ytd_net, ytd_bands, ytd_rates) * ytd_net' },
        { name: 'true_up', label: '季末补差', expr: 'if(quarter_end, max(0, ytd_target_rebate - ytd_rebate - monthly_rebate), 0)' },
        { name: 'rebate', label: '返利金额', expr: 'monthly_rebate + true_up' },
      ],
    },
  ];
}

export const DEMO_USERS = [
  { name: 'li', display: '李会计', roles: ['preparer'] },
  { name: 'sun', display: '孙经理（销售运营）', roles: ['policy_owner'] },
  { name: 'wang', display: '王区域经理', roles: ['approver'] },
  { name: 'zhao', display: '赵财务经理', roles: ['approver'] },
  { name: 'chen', display: '陈财务总监', roles: ['approver'] },
  { name: 'zhou', display: '周审计', roles: ['auditor'] },
] as const;

export const DEMO_PASSWORD = 'demo-1234';

export function demoChain(): object {
  return {
    levels: [
      { name: '区域经理审核', approvers: ['wang'], min_total: null },
      { name: '财务经理审核', approvers: ['zhao'], min_total: null },
      { name: '财务总监审批', approvers: ['chen'], min_total: 100000 },
    ],
  };
}
