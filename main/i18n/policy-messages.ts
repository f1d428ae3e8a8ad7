import { catalogue } from '../../domain';

/** Messages of the policy service (save, import, versions, preview). Formula issues come from formulas/. */
export const policyServiceMessages = catalogue({
  'policy.invalid': {
    'zh-CN': '政策“{code}”未通过校验，共 {count} 个问题，未保存。第一个问题：{first}',
    en: 'The policy "{code}" did not pass validation ({count} problems); nothing was saved. First: {first}',
  },
  'policy.json_invalid': {
    'zh-CN': '文件“{file}”不是有效的 JSON，无法作为政策导入：{detail}',
    en: 'The file "{file}" is not valid JSON and cannot be imported as a policy: {detail}',
  },
  'policy.not_found': { 'zh-CN': '找不到政策“{code}”。用 policy list 查看已有的政策。', en: 'No policy "{code}". Use policy list to see the policies.' },
  'policy.version_not_found': { 'zh-CN': '政策“{code}”没有第 {version} 版。', en: 'The policy "{code}" has no version {version}.' },
  'policy.code_taken': {
    'zh-CN': '政策编码“{code}”已被使用。请换一个编码，或打开该政策进行修改。',
    en: 'The policy code "{code}" is already in use. Choose another code, or open that policy to change it.',
  },
  'policy.stale': {
    'zh-CN': '政策“{code}”已由 {by} 于 {at} 保存为第 {latest} 版，而您修改的是第 {base} 版。为避免覆盖他人的修改，未保存；请重新载入后再修改。',
    en: 'The policy "{code}" was saved as version {latest} by {by} at {at}, but you edited version {base}. To avoid overwriting that change nothing was saved; reload and edit again.',
  },
  'policy.unchanged': {
    'zh-CN': '政策“{code}”的内容与当前第 {version} 版完全相同，未生成新版本。',
    en: 'The policy "{code}" is identical to its current version {version}; no new version was created.',
  },
  'policy.saved': { 'zh-CN': '政策“{code}”已保存为第 {version} 版。', en: 'The policy "{code}" was saved as version {version}.' },
  'policy.file_missing': { 'zh-CN': '找不到文件“{file}”。', en: 'File "{file}" not found.' },
  'policy.comment_imported': { 'zh-CN': '从文件 {file} 导入', en: 'imported from {file}' },
  'policy.preview_none': {
    'zh-CN': '没有适用的政策（大区“{region}”，等级“{grade}”，账期 {period}）。',
    en: 'No policy applies (region "{region}", grade "{grade}", period {period}).',
  },
  'policy.preview_ambiguous': {
    'zh-CN': '政策 {codes} 都适用且优先级相同，无法确定使用哪一个：请调整优先级或适用范围。',
    en: 'The policies {codes} all apply with the same priority, so none can be chosen: change a priority or a scope.',
  },
  'policy.preview_failed': { 'zh-CN': '经销商 {distributor}：{detail}', en: 'Distributor {distributor}: {detail}' },
  'policy.distributor_not_found': {
    'zh-CN': '账期 {period} 中没有经销商“{code}”的数据。',
    en: 'There is no data for distributor "{code}" in {period}.',
  },
});
