import { catalogue } from '../../domain';

/** Messages of the exports (exports.md), shown by the CLI and the 导出 screen alike. */
export const exportMessages = catalogue({
  'export.posting_not_approved': {
    'zh-CN': '{period} 的批次状态为“{status}”：只有审批通过的批次才能生成凭证导入文件。请先完成审批。',
    en: 'The batch of {period} is {status}: only an approved batch can be exported for posting. Complete the approval first.',
  },
  'export.batch_changed': {
    'zh-CN': '{period} 的批次在导出过程中被重新核算或调整，导出已取消。请重新导出。',
    en: 'The batch of {period} was recalculated or adjusted while it was being exported; the export was cancelled. Export again.',
  },
  'export.out_not_allowed': {
    'zh-CN': '只有命令行可以指定输出路径；在界面中导出后请用“保存”选择位置。',
    en: 'Only the command line may name an output path; in the app, save the exported file where you choose.',
  },
  'export.bad_extension': {
    'zh-CN': '输出文件“{file}”的扩展名不支持：请使用 {expected}。',
    en: 'The output file "{file}" has an unsupported extension: use {expected}.',
  },
  'export.cancelled': {
    'zh-CN': '{period} 的导出已取消，没有留下任何文件。',
    en: 'The export of {period} was cancelled; no file was left behind.',
  },
  'export.job_not_found': { 'zh-CN': '找不到这个导出任务（可能已过期）。', en: 'This export job no longer exists (it may have expired).' },
  'export.done': { 'zh-CN': '已导出 {what}：{out}', en: 'Exported {what}: {out}' },
});
