import { catalogue } from '../../domain';

/** The command line's text output (`--json` output is the contract; this is what a person reads). */
export const cliMessages = catalogue({
  'cli.init.ready': { 'zh-CN': '数据库已就绪：{path}（结构版本 {version}）', en: 'Database ready: {path} (schema {version})' },
  'cli.init.admin': { 'zh-CN': '已创建管理员：{name}', en: 'Administrator created: {name}' },
  'cli.user.added': { 'zh-CN': '已添加用户 {name}（{display}），角色：{roles}', en: 'User {name} ({display}) added, roles: {roles}' },
  'cli.user.passwd': { 'zh-CN': '已修改 {name} 的密码。', en: 'Password of {name} changed.' },
  'cli.user.reset': { 'zh-CN': '已重置 {name} 的密码：下次登录时须修改。', en: 'Password of {name} reset: to be changed at the next sign-in.' },
  'cli.user.disabled': { 'zh-CN': '已停用用户 {name}。', en: 'User {name} disabled.' },
  'cli.user.enabled': { 'zh-CN': '已启用用户 {name}。', en: 'User {name} enabled.' },
  'cli.user.unlocked': { 'zh-CN': '已解除 {name} 的登录锁定（{n} 处）。', en: 'Sign-in locks of {name} lifted ({n}).' },
  'cli.backup.none': { 'zh-CN': '还没有备份。', en: 'No backups yet.' },
  'cli.backup.restored': { 'zh-CN': '已从备份 {id} 恢复。', en: 'Restored from backup {id}.' },
  'cli.colon': { 'zh-CN': '：', en: ': ' },
  'cli.semicolon': { 'zh-CN': '；', en: '; ' },
  'cli.help': {
    'zh-CN': '返利台命令行：rebate <命令> [选项]\n全局选项：--db FILE  --lang zh-CN|en  --json  --user NAME  --password P  --server URL --fingerprint SHA256\n\n命令：',
    en: 'Rebate Desk CLI: rebate <command> [options]\nGlobal options: --db FILE  --lang zh-CN|en  --json  --user NAME  --password P  --server URL --fingerprint SHA256\n\nCommands:',
  },
  'cli.demo.written': {
    'zh-CN': '已在 {out} 生成 {period} 演示数据：{distributors} 个经销商，{purchases} 行进货，{returns} 行退货，{promotions} 行促销，{claims} 行申报（其中 {off} 个故意不一致），{balances} 个期初返利余额，{settlements} 行返利兑付',
    en: 'Demo month {period} written to {out}: {distributors} distributors, {purchases} purchase lines, {returns} returns, {promotions} promotion rows, {claims} claims ({off} deliberately off), {balances} opening balances, {settlements} settlement rows',
  },
  'cli.written_rows': { 'zh-CN': '已写入 {file}（{rows} 行）', en: 'Written to {file} ({rows} rows)' },
  'cli.exported_to': { 'zh-CN': '已导出到 {file}', en: 'Exported to {file}' },
  'cli.export.written': { 'zh-CN': '已写入 {file}：{period}，{distributors} 家经销商，合计 {total}{draft}', en: 'Written {file}: {period}, {distributors} distributors, total {total}{draft}' },
  'cli.export.draft': { 'zh-CN': '（批次状态：{status}，未审批）', en: ' (batch {status}, not approved)' },
  'cli.export.statements_file': { 'zh-CN': '经销商对账单', en: 'statements' },
  'cli.calc.done': {
    'zh-CN': '批次 {batch}（{period}）：{distributors} 个经销商，返利合计 {total}，异常 {exceptions} 个{diff}',
    en: 'Batch {batch} ({period}): {distributors} distributors, total {total}, {exceptions} exceptions{diff}',
  },
  'cli.calc.diff': {
    'zh-CN': '\n与上次核算相比：新增 {added}，移除 {removed}，增加 {up}，减少 {down}，合计变化 {delta}',
    en: '\nSince the last calculation: {added} added, {removed} removed, {up} up, {down} down, total change {delta}',
  },
  'cli.adjust.done': { 'zh-CN': '{code} {name}：返利 {rebate}，调整 {adjustment}，最终 {final}', en: '{code} {name}: rebate {rebate}, adjustment {adjustment}, final {final}' },
  'cli.note.confirmed': { 'zh-CN': '已确认（{name}，{at}）', en: 'confirmed ({name}, {at})' },
  'cli.note.unconfirmed': { 'zh-CN': '未确认', en: 'not confirmed' },
  'cli.note.none': { 'zh-CN': '（无说明）', en: '(no note)' },
  'cli.note.line': { 'zh-CN': '{code}：{note}；{mark}', en: '{code}: {note}; {mark}' },
  'cli.reconcile.summary': {
    'zh-CN': '申报核对：一致 {matched}，有差异 {differs}，仅申报 {only_claims}，仅批次 {only_batch}；环比异常 {changes}；数据检查 {checks}',
    en: 'Claims: {matched} matched, {differs} differ, {only_claims} only in claims, {only_batch} only in batch; {changes} month-over-month flags; {checks} data checks',
  },
  'cli.total': { 'zh-CN': '合计', en: 'total' },
  'cli.ledger.written': { 'zh-CN': '已写入 {file}：{period}，{rows} 家经销商，期末余额合计 {closing}{draft}', en: 'Written {file}: {period}, {rows} distributors, closing total {closing}{draft}' },
  'cli.ledger.provisional': { 'zh-CN': '（本期未审批，台账为临时数）', en: ' (period not approved: provisional)' },
  'cli.ledger.adjusted': {
    'zh-CN': '{code} {name}（{period}）：期初 {opening}，计提 {accrued}，兑付 {used}，调整 {adjusted}，期末 {closing}',
    en: '{code} {name} ({period}): opening {opening}, accrued {accrued}, used {used}, adjusted {adjusted}, closing {closing}',
  },
  'cli.policy.none': { 'zh-CN': '还没有政策。用 policy import FILE.json 导入。', en: 'No policies yet. Import one with policy import FILE.json.' },
  'cli.policy.all': { 'zh-CN': '全部', en: 'all' },
  'cli.policy.inactive': { 'zh-CN': '  [已停用]', en: '  [inactive]' },
  'cli.support.written': { 'zh-CN': '诊断信息已导出到 {file}（数据库完整性：{integrity}）', en: 'Diagnostics written to {file} (database integrity: {integrity})' },
  'cli.chain.level': { 'zh-CN': '{position}  {name}  审批人：{approvers}{min}', en: '{position}  {name}  approvers: {approvers}{min}' },
  'cli.approval.status': { 'zh-CN': '{period} 批次状态：{status}，合计 {total}', en: 'Batch {period}: {status}, total {total}' },
  'cli.approval.waiting': { 'zh-CN': '待审批', en: 'waiting' },
  'cli.approval.approve': { 'zh-CN': '同意', en: 'approved' },
  'cli.approval.reject': { 'zh-CN': '驳回', en: 'rejected' },
  'cli.import.skipped': { 'zh-CN': '{sheet}（跳过：{reason}）', en: '{sheet} (skipped: {reason})' },
  'cli.import.sheet': { 'zh-CN': '{sheet}：表头第 {header} 行，{rows} 行', en: '{sheet}: header row {header}, {rows} rows' },
  'cli.import.total': { 'zh-CN': '  合计 {total}', en: '  total {total}' },
  'cli.import.file': { 'zh-CN': '  {file}  {status}  {rows} 行{total}{sheets}', en: '  {file}  {status}  {rows} rows{total}{sheets}' },
  'cli.import.inferred': { 'zh-CN': '    识别说明：{where}{message}', en: '    inferred: {where}{message}' },
  'cli.import.row': { 'zh-CN': '第 {row} 行', en: 'row {row}' },
  'cli.import.column': { 'zh-CN': '{column} 列', en: 'col {column}' },
  'cli.import.errors': { 'zh-CN': '错误（{n}）：', en: 'Errors ({n}):' },
  'cli.import.more_errors': { 'zh-CN': '  …… 其余 {n} 个错误请用 --json 查看', en: '  … {n} more (use --json)' },
  'cli.import.warnings': { 'zh-CN': '警告（{n}）：', en: 'Warnings ({n}):' },
});

/** Column headers of the CLI's CSV output, per language (English headers are the JSON field names). */
export const cliCsvHeaders = {
  results: {
    'zh-CN': ['经销商编码', '经销商名称', '大区', '省份', '等级', '政策', '政策版本', '返利', '调整', '调整原因', '最终返利', '异常'],
    en: ['code', 'name', 'region', 'province', 'grade', 'policy', 'policy_version', 'rebate', 'adjustment', 'adjustment_reason', 'final', 'exception'],
  },
  ledger: {
    'zh-CN': ['经销商编码', '经销商名称', '期初余额', '本期计提', '本期兑付', '票折', '货补', '冲应收', '现金', '本期调整', '期末余额', '提示'],
    en: ['code', 'name', 'opening', 'accrued', 'used', 'invoice', 'goods', 'offset', 'cash', 'adjusted', 'closing', 'findings'],
  },
  /** zh-CN heads a formula's column with its label, English with its name (the JSON field) */
  formulasByLabel: { 'zh-CN': true, en: false },
} as const;
