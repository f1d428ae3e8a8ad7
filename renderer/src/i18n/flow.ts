/** Strings of the month-end path shared by 期间总览, 核算结果 and 审批 (merged under `flow`). zh-CN first. */
const zhCN = {
  rejection: {
    title: '{{user}} 于 {{at}} 在第 {{n}} 级“{{level}}”驳回',
    fix: '按意见修改',
    fixHint: '在核算结果中调整或重新核算，然后重新提交审批。',
    resubmit: '重新提交审批',
  },
  submit: '提交审批',
  submitHint: '提交后按审批流逐级审批',
  refreshed: '每 10 秒自动刷新',
  openIssues: '待处理：{{count}}',
  noOpenIssues: '没有待处理的问题',
  lockedSubmitted: '已提交审批，批次锁定，等待审批。',
  keys: { enter: 'Enter 确认，Shift+Enter 换行', multiline: 'Ctrl+Enter 确认' },
};

const en: typeof zhCN = {
  rejection: {
    title: 'Rejected by {{user}} on {{at}} at level {{n}} "{{level}}"',
    fix: 'Change as asked',
    fixHint: 'Adjust or recalculate in Results, then submit again.',
    resubmit: 'Submit again',
  },
  submit: 'Submit for approval',
  submitHint: 'Each approval level then signs in turn',
  refreshed: 'Refreshes every 10 s',
  openIssues: 'Open: {{count}}',
  noOpenIssues: 'Nothing open',
  lockedSubmitted: 'Submitted: the batch is locked while it is being approved.',
  keys: { enter: 'Enter confirms, Shift+Enter for a new line', multiline: 'Ctrl+Enter confirms' },
};

export const flowStrings = { 'zh-CN': zhCN, en };

/** Strings of 导入's compact steps (merged under `importFlow`). */
const importZh = {
  headerRow: '表头行',
  headerAt: '表头在第 {{row}} 行',
  problems: '问题',
  noProblems: '无问题',
  errors: '{{count}} 个错误',
  warnings: '{{count}} 个警告',
  details: '映射与预览',
  hideDetails: '收起',
  remove: '移除此文件',
  removed: '已移除 {{file}}',
  blocked: {
    reading: '正在读取文件…',
    noFiles: '没有可导入的工作簿',
    noKind: '{{count}} 个文件还没有选择数据类型',
    detectError: '{{count}} 个文件无法读取：请移除或更换',
    locked: '{{period}} 已{{status}}，不能再导入该期数据；请选择其他账期',
    ready: '共 {{count}} 个文件，可以校验',
  },
  locked: '{{period}} 的批次已{{status}}并锁定：不能再导入该期的进货、退货、促销或申报数据。请选择其他账期（经销商档案不分账期，可在任一未锁定账期导入）。',
  side: {
    title: '文件夹中的其他文件',
    policy: '返利政策文件（{{name}}）',
    chain: '审批流文件（{{levels}} 级）',
    other: '不是工作簿，已放在一边',
    badJson: 'JSON 文件无法识别，已放在一边',
    importPolicy: '导入到返利政策',
    importChain: '设为审批流',
    skip: '不导入',
    skipped: '已放在一边，不导入',
    policyDone: '已导入政策 {{code}}（第 {{version}} 版）',
    chainDone: '审批流已设置（{{levels}} 级）',
    comment: '随当月文件夹导入',
  },
};

const importEn: typeof importZh = {
  headerRow: 'Header row',
  headerAt: 'Header on row {{row}}',
  problems: 'Problems',
  noProblems: 'None',
  errors: '{{count}} errors',
  warnings: '{{count}} warnings',
  details: 'Mapping & preview',
  hideDetails: 'Hide',
  remove: 'Remove this file',
  removed: '{{file}} removed',
  blocked: {
    reading: 'Reading the files…',
    noFiles: 'No workbook to import',
    noKind: '{{count}} files have no data kind yet',
    detectError: '{{count}} files cannot be read: remove or replace them',
    locked: '{{period}} is {{status}}: its data cannot be imported again; choose another period',
    ready: '{{count}} files, ready to validate',
  },
  locked: 'The batch of {{period}} is {{status}} and locked: purchases, returns, promotions and claims of that period cannot be imported. Choose another period (master data has no period and can be imported under any open one).',
  side: {
    title: 'Other files in the folder',
    policy: 'Rebate policy file ({{name}})',
    chain: 'Approval chain file ({{levels}} levels)',
    other: 'Not a workbook: set aside',
    badJson: 'Unrecognised JSON file: set aside',
    importPolicy: 'Import into Policies',
    importChain: 'Set as approval chain',
    skip: 'Do not import',
    skipped: 'Set aside, not imported',
    policyDone: 'Policy {{code}} imported (version {{version}})',
    chainDone: 'Approval chain set ({{levels}} levels)',
    comment: 'Imported with the month folder',
  },
};

export const importFlowStrings = { 'zh-CN': importZh, en: importEn };
