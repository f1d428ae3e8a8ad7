import { catalogue } from '../../domain';

/** Messages of the import service (file-level problems, duplicates, outcomes). */
export const importServiceMessages = catalogue({
  'import.period_required': { 'zh-CN': '请指定账期（--period YYYY-MM）。', en: 'Specify the period (--period YYYY-MM).' },
  'import.period_invalid': { 'zh-CN': '账期“{period}”无效，应为 YYYY-MM，例如 2026-01。', en: 'The period "{period}" is invalid; use YYYY-MM, e.g. 2026-01.' },
  'import.no_files': { 'zh-CN': '没有选择要导入的文件。', en: 'No files to import.' },
  'import.bad_kind': { 'zh-CN': '未知的数据类型“{kind}”：可用 distributors、purchases、returns、promotions、claims、settlements、balances。', en: 'Unknown kind "{kind}": use distributors, purchases, returns, promotions, claims, settlements or balances.' },
  'import.file_missing': { 'zh-CN': '找不到文件“{file}”。', en: 'File "{file}" not found.' },
  'import.file_outside_staging': { 'zh-CN': '只能导入通过界面上传的文件。', en: 'Only files uploaded through the UI can be imported.' },
  'import.file.unchanged': {
    'zh-CN': '文件“{file}”与已导入的文件完全相同，已跳过（未重复导入）。',
    en: 'The file "{file}" is identical to one already imported; skipped (nothing imported twice).',
  },
  'import.unchanged': { 'zh-CN': '所有文件都已导入过，没有任何变化。', en: 'Every file was imported before; nothing changed.' },
  'import.duplicate_distributor': {
    'zh-CN': '经销商编码 {code} 重复：已在“{file}”工作表“{sheet}”第 {row} 行出现。',
    en: 'Distributor code {code} appears twice: first in "{file}", sheet "{sheet}", row {row}.',
  },
  'import.duplicate_line': {
    'zh-CN': '单据 {doc} 的这一行重复：与“{file}”工作表“{sheet}”第 {row} 行相同（可能同一份导出导入了两次）。',
    en: 'This line of document {doc} is a duplicate of "{file}", sheet "{sheet}", row {row} (perhaps the same export imported twice).',
  },
  'import.duplicate_settlement': {
    'zh-CN': '兑付单 {doc} 的这一行重复：已在账期 {period} 的“{file}”工作表“{sheet}”第 {row} 行导入（同一兑付不能计入两次）。',
    en: 'This line of settlement {doc} is a duplicate of "{file}", sheet "{sheet}", row {row}, booked in {period} (a use is never counted twice).',
  },
  'import.duplicate_balance': {
    'zh-CN': '经销商 {code} 已有期初余额（“{file}”工作表“{sheet}”第 {row} 行）。如要更正全部期初余额，请用“替换”重新导入；个别更正请做台账调整。',
    en: 'Distributor {code} already has an opening balance ("{file}", sheet "{sheet}", row {row}). To correct all opening balances, import again with replace; for one correction use a ledger adjustment.',
  },
  'ledger.balances_other_period': {
    'zh-CN': '期初余额已按账期 {stored} 导入，不能再导入到 {period}。期初余额只有一套：如需改用 {period}，请选择“替换”重新导入。',
    en: 'Opening balances are stored for {stored} and cannot also be imported for {period}. There is one set of opening balances: to start from {period} instead, import again with replace.',
  },
  'ledger.balances_closed': {
    'zh-CN': '期初余额已不能导入或替换：账期 {period} 的核算批次已提交或审批。请通过台账调整更正余额。',
    en: 'Opening balances can no longer be imported or replaced: the batch of {period} is submitted or approved. Correct balances with a ledger adjustment.',
  },
  'import.file.empty': { 'zh-CN': '文件“{file}”是空文件（0 字节）。请检查导出是否完成后重新导入。', en: 'The file "{file}" is empty (0 bytes). Check that the export finished, then import it again.' },
  'import.file.xls': {
    'zh-CN': '文件“{file}”是 Excel 97-2003 格式（.xls），无法读取。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入。',
    en: 'The file "{file}" is in the Excel 97-2003 format (.xls), which cannot be read. Open it in Excel or WPS, save it as .xlsx and import that.',
  },
  'import.file.encrypted': {
    'zh-CN': '文件“{file}”设置了打开密码。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。',
    en: 'The file "{file}" is protected by a password. Remove the password in Excel (File → Info → Protect Workbook), save, and import again.',
  },
  'import.file.not_zip': {
    'zh-CN': '文件“{file}”不是 Excel 工作簿（.xlsx/.xlsm）。如果是 CSV，请使用 .csv 扩展名；其他格式请另存为 .xlsx。',
    en: 'The file "{file}" is not an Excel workbook (.xlsx/.xlsm). If it is CSV, give it the .csv extension; otherwise save it as .xlsx.',
  },
  'import.file.truncated': {
    'zh-CN': '文件“{file}”不完整或已损坏（可能下载或复制时中断）。请重新导出或重新下载后导入。',
    en: 'The file "{file}" is incomplete or damaged (perhaps a download or copy was interrupted). Export or download it again.',
  },
  'import.file.not_workbook': { 'zh-CN': '文件“{file}”是压缩包但不是 Excel 工作簿。', en: 'The file "{file}" is a zip archive but not an Excel workbook.' },
  'import.file.zip_bomb': {
    'zh-CN': '文件“{file}”解压后异常巨大，疑似恶意文件，已拒绝。',
    en: 'The file "{file}" would unpack to an abnormal size and looks malicious; refused.',
  },
  'import.file.too_many_sheets': {
    'zh-CN': '文件“{file}”的工作表超过 {detail} 个，不像正常的导出文件，已拒绝。请只保留需要导入的工作表后另存再导入。',
    en: 'The file "{file}" has more than {detail} sheets, which no real export has; refused. Keep only the sheets to import, save, and import again.',
  },
  'import.file.shared_strings_count': {
    'zh-CN': '文件“{file}”的共享字符串表超过 {detail} 个字符串，疑似恶意或损坏的文件，已拒绝。如确为正常导出，请拆分成多个文件后导入。',
    en: 'The file "{file}" has more than {detail} shared strings; it looks malicious or damaged and was refused. If it is a real export, split it into several files.',
  },
  'import.file.shared_strings_size': {
    'zh-CN': '文件“{file}”的共享字符串表超过 {detail} 百万个字符，疑似恶意或损坏的文件，已拒绝。如确为正常导出，请拆分成多个文件后导入。',
    en: 'The file "{file}" has a shared strings table of more than {detail} million characters; it looks malicious or damaged and was refused. If it is a real export, split it into several files.',
  },
  'import.file.no_rows': {
    'zh-CN': '文件“{file}”没有数据行（只有表头或空行），未导入。如果本月没有这类数据，不必导入这个文件。',
    en: 'The file "{file}" has no data rows (only a header or empty rows); nothing was imported. If the month has no data of this kind, no file is needed.',
  },
  'import.file.unsupported_compression': { 'zh-CN': '文件“{file}”使用了不支持的压缩方式。请在 Excel 中另存为 .xlsx。', en: 'The file "{file}" uses an unsupported compression. Save it again as .xlsx in Excel.' },
  'import.file.unreadable': {
    'zh-CN': '无法读取文件“{file}”（{detail}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。',
    en: 'The file "{file}" cannot be read ({detail}). Open it in Excel or WPS, save it as .xlsx and try again.',
  },
  'import.file.timeout': { 'zh-CN': '读取文件“{file}”超时，已停止。文件可能已损坏。', en: 'Reading "{file}" took too long and was stopped. The file may be damaged.' },
  'import.file.too_large': {
    'zh-CN': '文件“{file}”需要的内存超出限制，已停止。请拆分成多个文件后导入。',
    en: 'The file "{file}" needs more memory than allowed and was stopped. Split it into several files.',
  },
  'import.status.imported': { 'zh-CN': '导入完成：{rows} 行。', en: 'Imported: {rows} rows.' },
  'import.status.rejected': { 'zh-CN': '导入被拒绝：发现 {errors} 个错误，未保存任何数据。', en: 'Import rejected: {errors} errors found; nothing was stored.' },
  'import.status.valid': { 'zh-CN': '校验通过：{rows} 行，可以导入。', en: 'Valid: {rows} rows ready to import.' },
  'import.status.cancelled': { 'zh-CN': '导入已取消，未保存任何数据。', en: 'Import cancelled; nothing was stored.' },
  'import.status.unchanged': { 'zh-CN': '所有文件都已导入过，没有任何变化。', en: 'Every file was imported before; nothing changed.' },
  'import.job_not_found': { 'zh-CN': '找不到这个导入任务（可能已过期）。', en: 'This import job no longer exists (it may have expired).' },
  'import.status.rejected_by_other': { 'zh-CN': '未导入：同一次导入中的其他文件有错误，所有文件都没有保存。', en: 'Not imported: other files of the same import have errors, so nothing was stored.' },
  'import.period_locked': {
    'zh-CN': '{period} 的核算批次已提交或已审批，不能再导入或替换该账期的数据。',
    en: 'The batch of {period} is submitted or approved: its data can no longer be imported or replaced.',
  },
});
