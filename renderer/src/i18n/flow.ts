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
