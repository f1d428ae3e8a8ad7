import { catalogue } from '../../domain';

/** Messages of holds, busy and full databases, and tamper evidence (issue 11). */
export const reliabilityMessages = catalogue({
  'hold.import': { 'zh-CN': '{who}正在导入 {period}（{since} 开始），请稍后再试。', en: '{who} is importing {period} (started {since}); please try again later.' },
  'hold.calc': { 'zh-CN': '{who}正在计算 {period}（{since} 开始），请稍后再试。', en: '{who} is calculating {period} (started {since}); please try again later.' },
  'hold.import_master': { 'zh-CN': '{who}正在导入经销商主数据（{since} 开始），请稍后再试。', en: '{who} is importing distributor master data (started {since}); please try again later.' },
  'hold.calc_master': { 'zh-CN': '{who}正在计算（{since} 开始），请稍后再试。', en: '{who} is calculating (started {since}); please try again later.' },
  'db.busy': {
    'zh-CN': '数据库正忙：{holder}。请稍后再试，未做任何更改。',
    en: 'The database is busy: {holder}. Please try again later; nothing was changed.',
  },
  'db.busy.other': { 'zh-CN': '另一个程序（返利台窗口、命令行或服务器）正在写入', en: 'another program (a Rebate Desk window, the command line or the server) is writing to it' },
  'db.disk_full': {
    'zh-CN': '磁盘空间不足：{where} 所在的磁盘已满。请删除不需要的文件（例如旧的导出文件或备份）释放空间后重试；未保存任何更改，已有数据完好。',
    en: 'The disk is full ({where}). Free some space (e.g. old exports or backups) and try again; nothing was saved and the stored data is intact.',
  },
  'audit.broken.anchor_truncated': {
    'zh-CN': '审计日志比本机保存的检查点短：检查点记有 {count} 条记录，数据库中只有 {entries} 条（记录被删除，或数据库被替换为旧副本）。',
    en: 'The audit log is shorter than the checkpoint kept on this computer: the checkpoint records {count} entries, the database holds {entries} (entries were deleted, or the database was replaced by an older copy).',
  },
  'audit.broken.anchor_mismatch': {
    'zh-CN': '审计日志与本机保存的检查点不符：第 {id} 条记录的哈希与检查点不同（日志被改写后重新计算了哈希链）。',
    en: 'The audit log differs from the checkpoint kept on this computer: entry {id} has another hash (the log was rewritten and its chain recomputed).',
  },
  'audit.broken.anchor_id_changed': {
    'zh-CN': '数据库标识被改动或删除：本机检查点记录该数据库文件的标识为 {anchored}，现在为 {id}（可能是为绕过检查点而直接改动了数据库）。',
    en: 'The database id was changed or removed: the checkpoint on this computer knows this database file as {anchored}, it now says {id} (perhaps edited directly to escape its checkpoint).',
  },
  'audit.broken.printed_head': {
    'zh-CN': '审批表上打印的审计链头（第 {id} 条记录，哈希 {hash}）与数据库中的审计日志不符：这份审批表不是出自这个数据库，或其后的日志被改写。',
    en: 'The audit chain head printed on the approval workbook (entry {id}, hash {hash}) does not match the audit log in the database: the workbook did not come from this database, or the log was rewritten since.',
  },
  'audit.broken.anchor_invalid': {
    'zh-CN': '审计日志检查点文件无效或被改动：{file}。',
    en: 'The audit log checkpoint file is invalid or was altered: {file}.',
  },
  'audit.broken.batch_hash': {
    'zh-CN': '{period} 的批次内容与提交审批时签署的哈希不符（批次明细在锁定后被改动）。',
    en: 'The batch of {period} no longer matches the hash its approval signed (its rows were changed after it was locked).',
  },
  'audit.broken.batch_totals': {
    'zh-CN': '{period} 的批次合计与其明细行之和不符（数据库被直接改动）。',
    en: 'The totals of the batch of {period} differ from the sum of its rows (the database was edited directly).',
  },
  'audit.broken.source_changed': {
    'zh-CN': '{period} 已锁定，但经销商 {code} 的源数据（进货、退货、促销）重新汇总后与批次保存的输入不符。',
    en: '{period} is locked, but the source rows (purchases, returns, promotions) of distributor {code} no longer add up to the inputs its batch stored.',
  },
  'audit.broken.approval_rules': {
    'zh-CN': '{period} 的审批记录违反审批规则：{rule}。',
    en: 'The approval records of {period} break the chain’s rules: {rule}.',
  },
  'audit.rule.levels_changed': { 'zh-CN': '提交时的审批层级被改动', en: 'the levels frozen at submission were changed' },
  'audit.rule.submission_changed': { 'zh-CN': '提交记录被改动', en: 'the submission record was changed' },
  'audit.rule.out_of_order': { 'zh-CN': '审批未按层级顺序进行，或有层级被删除', en: 'levels were not signed in order, or a level was removed' },
  'audit.rule.not_on_level': { 'zh-CN': '“{level}”由不在该层级审批人名单中的用户签署', en: '"{level}" was signed by a user who is not one of its approvers' },
  'audit.rule.own_batch': { 'zh-CN': '提交人审批了自己的批次', en: 'the submitter approved their own batch' },
  'audit.rule.two_levels': { 'zh-CN': '同一用户签署了两个层级', en: 'one user signed two levels' },
  'audit.rule.stale_hash': { 'zh-CN': '审批签署的哈希与提交的不同', en: 'a decision signed another hash than the one submitted' },
  'audit.rule.after_reject': { 'zh-CN': '驳回之后仍有审批', en: 'a decision follows a rejection' },
  'audit.rule.approved_without_decisions': { 'zh-CN': '批次为“已审批”，但并非每个层级都已批准', en: 'the batch is approved without every level approving' },
  'audit.rule.rejected_without_decision': { 'zh-CN': '提交被标为驳回，但没有驳回意见', en: 'the submission is marked rejected without a rejecting decision' },
  'audit.rule.status': { 'zh-CN': '批次或提交的状态与审批记录不符', en: 'the status of the batch or submission does not match its decisions' },
  'audit.rule.decisions_unlogged': { 'zh-CN': '审批记录 {stored} 条，审计日志只记有 {logged} 条', en: '{stored} decisions are stored but the audit log records {logged}' },
});
