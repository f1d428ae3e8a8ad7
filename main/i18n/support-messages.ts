import { catalogue } from '../../domain';

/** Messages of updates and support (diagnostics), shown by the app and the CLI alike. */
export const supportMessages = catalogue({
  'update.feed_unreachable': {
    'zh-CN': '无法读取更新地址 {url}：{detail}。请检查网络或“设置 → 关于”中的更新地址。',
    en: 'Cannot read the update feed {url}: {detail}. Check the network or the update address in Settings → About.',
  },
  'update.feed_invalid': {
    'zh-CN': '更新地址 {url} 上的 latest.yml 无效：{detail}。请联系管理员重新发布。',
    en: 'The latest.yml at {url} is invalid: {detail}. Ask your administrator to publish it again.',
  },
  'update.checksum_mismatch': {
    'zh-CN': '下载的安装包 {file} 校验失败（SHA-512 不符），已删除，不会安装。',
    en: 'The downloaded installer {file} failed its check (SHA-512 mismatch); it was deleted and will not be installed.',
  },
  'update.size_mismatch': {
    'zh-CN': '下载的安装包 {file} 大小不符（应为 {expected} 字节，实际 {actual} 字节），已删除，不会安装。',
    en: 'The downloaded installer {file} has the wrong size ({actual} bytes, expected {expected}); it was deleted and will not be installed.',
  },
  'update.downloaded': { 'zh-CN': '新版本 {version} 已下载，重启后安装。', en: 'Version {version} has been downloaded and will be installed when you restart.' },
  'update.busy': {
    'zh-CN': '正在进行导入或审批，暂不重启；新版本将在退出返利台时安装。',
    en: 'An import or approval is in progress: not restarting now; the new version will be installed when you quit Rebate Desk.',
  },
  'diagnostics.written': { 'zh-CN': '诊断信息已导出到 {file}。', en: 'Diagnostics were written to {file}.' },
});
