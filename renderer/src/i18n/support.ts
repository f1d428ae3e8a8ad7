/** Strings of 设置 → 关于 (merged under `support` in i18n/index.ts). zh-CN first. */
const zhCN = {
  tab: '关于',
  product: '返利台 Rebate Desk',
  version: '版本',
  database: '数据库文件',
  server: '团队服务器',
  fingerprint: '服务器证书指纹（SHA-256）',
  schema: '数据库结构版本',
  logs: '日志文件夹',
  noLogs: '本进程不写日志文件',
  runtime: '运行环境',
  diagnostics: '导出诊断信息',
  diagnosticsHint: '生成一个 ZIP 文件（版本、设置（不含密码）、最近 7 天的日志、数据库结构版本和完整性检查结果），可发送给技术支持。不含任何经销商、金额或导入文件的内容。',
  diagnosticsSaved: '诊断信息已保存：{{where}}',
  diagnosticsReady: '诊断信息已生成：{{file}}（数据库完整性：{{integrity}}）',
};

const en: typeof zhCN = {
  tab: 'About',
  product: 'Rebate Desk 返利台',
  version: 'Version',
  database: 'Database file',
  server: 'Team server',
  fingerprint: 'Server certificate fingerprint (SHA-256)',
  schema: 'Database schema version',
  logs: 'Log folder',
  noLogs: 'This process writes no log file',
  runtime: 'Runtime',
  diagnostics: 'Export diagnostics',
  diagnosticsHint: 'Writes a ZIP file (version, settings without passwords, the last 7 days of logs, the database schema version and its integrity check) to send to support. It contains no distributors, amounts or imported files.',
  diagnosticsSaved: 'Diagnostics saved: {{where}}',
  diagnosticsReady: 'Diagnostics written: {{file}} (database integrity: {{integrity}})',
};

export const supportStrings = { 'zh-CN': zhCN, en };
