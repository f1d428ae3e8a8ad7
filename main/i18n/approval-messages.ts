import { catalogue } from '../../domain';

export const approvalMessages = catalogue({
  'chain.empty': { 'zh-CN': '审批流至少需要一个级别。', en: 'The approval chain needs at least one level.' },
  'chain.level_name': { 'zh-CN': '第 {position} 级缺少名称。', en: 'Level {position} has no name.' },
  'chain.no_approvers': { 'zh-CN': '“{level}”没有指定审批人。', en: '"{level}" has no approvers.' },
  'chain.unknown_user': { 'zh-CN': '“{level}”的审批人“{name}”不存在或已停用。', en: 'Approver "{name}" of "{level}" does not exist or is deactivated.' },
  'chain.not_approver': { 'zh-CN': '用户“{name}”没有审批人角色，不能担任“{level}”的审批人。', en: 'User "{name}" lacks the approver role and cannot sign "{level}".' },
  'chain.bad_min_total': { 'zh-CN': '金额下限“{value}”无效。', en: 'The minimum total "{value}" is invalid.' },
  'chain.bad_file': { 'zh-CN': '审批流文件无效：{detail}', en: 'Invalid approval chain file: {detail}' },
  'approval.bad_state': { 'zh-CN': '{period} 的批次状态为“{status}”，不能提交。', en: 'The batch of {period} is {status} and cannot be submitted.' },
  'approval.stale_data': {
    'zh-CN': '{period} 的数据在上次核算之后又有导入，请先重新核算再提交。',
    en: 'Data of {period} was imported after the last calculation: recalculate before submitting.',
  },
  'approval.no_chain': { 'zh-CN': '还没有配置适用的审批流。请管理员在“设置 → 审批流”中配置。', en: 'No approval chain applies. An administrator configures it in Settings → Approval chain.' },
  'approval.comment_required': { 'zh-CN': '驳回必须填写意见。', en: 'A rejection needs a comment.' },
  'approval.not_submitted': { 'zh-CN': '{period} 的批次不在审批中（状态：{status}）。', en: 'The batch of {period} is not awaiting approval (status: {status}).' },
  'approval.own_batch': { 'zh-CN': '不能审批自己提交的批次（职责分离）。', en: 'You cannot approve a batch you submitted (segregation of duties).' },
  'approval.two_levels': { 'zh-CN': '同一人不能签署同一批次的两个审批级别。', en: 'One person cannot sign two levels of the same batch.' },
  'approval.not_on_level': { 'zh-CN': '您不是当前级别“{level}”的审批人（审批人：{approvers}）。', en: 'You are not an approver of the current level "{level}" (approvers: {approvers}).' },
  'approval.not_approver': { 'zh-CN': '您没有审批人角色。', en: 'You do not hold the approver role.' },
  'approval.out_of_order': { 'zh-CN': '审批必须按级别顺序进行。', en: 'Levels are signed in order.' },
  'approval.already_signed': { 'zh-CN': '这一级已经审批过了。', en: 'This level has already been signed.' },
  'approval.not_pending': { 'zh-CN': '这个批次当前没有待审批的级别。', en: 'This batch has no level awaiting a decision.' },
  'approval.stale_hash': {
    'zh-CN': '批次内容已变化（内容哈希不一致），您看到的不是当前版本。请刷新后重新审阅。',
    en: 'The batch changed (content hash differs): what you reviewed is not the current version. Refresh and review again.',
  },
});
