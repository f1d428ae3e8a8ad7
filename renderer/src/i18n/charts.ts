/** 图表 (期间总览 and 审批): titles, empty states and the click hint. */
export const chartsStrings = {
  'zh-CN': {
    title: '{{period}} 图表',
    byRegion: '{{period}} 最终返利 · 按大区（元）',
    byGrade: '{{period}} 最终返利 · 按等级（元）',
    trend: '本月与前 6 个已审批月份（元）',
    changes: '较 {{period}} 变化最大的经销商（元）',
    noHistory: '还没有更早的已审批月份',
    noChanges: '与上月相比没有变化',
    noPrevious: '{{period}} 没有批次，无从比较',
    hint: '点击柱条查看对应的明细行。',
    show: '显示图表',
    hide: '隐藏图表',
  },
  en: {
    title: '{{period}} in charts',
    byRegion: '{{period}} final rebate by region (CNY)',
    byGrade: '{{period}} final rebate by grade (CNY)',
    trend: 'This month and the 6 approved months before (CNY)',
    changes: 'Largest changes against {{period}} (CNY)',
    noHistory: 'No earlier approved month yet',
    noChanges: 'No change against last month',
    noPrevious: 'No batch for {{period}} to compare with',
    hint: 'Click a bar to see the rows behind it.',
    show: 'Show charts',
    hide: 'Hide charts',
  },
} as const;
