/**
 * The import pipeline's messages, zh-CN and en. Each says what is wrong and what to do, for a
 * finance user. The catalogue has the shape of main/i18n's `registerMessages`.
 *
 * Params named `field` (a canonical field name), `fields` (comma-separated field names) and `kind`
 * are shown as their labels in the chosen language; `columns` and `matches` (comma-separated) and
 * `sheets` and `available` (sheet names, which may hold commas, separated by U+0001) are joined the
 * language's way.
 */
import type { Lang } from '../../contract/roles';
import { LIST_SEPARATOR } from '../../domain';
import { fieldLabel, isFieldName, isKind, kindLabel } from './kinds';

export type MessageParams = Record<string, string | number>;

export const IMPORT_MESSAGES = {
  'import.value.too_large': {
    'zh-CN': '{field}“{value}”超出允许的范围（绝对值最大 {limit}）。请检查该值是否有误。',
    en: '{field} "{value}" is beyond the allowed range (at most {limit} in magnitude). Check the value.',
  },
  'import.value.too_long': {
    'zh-CN': '{field}有 {length} 个字符，超过 Excel 单元格的上限 {limit} 个字符（开头：“{value}”）。请缩短该单元格。',
    en: '{field} has {length} characters, more than the {limit} an Excel cell can hold (it begins "{value}"). Shorten the cell.',
  },
  'import.value.missing': {
    'zh-CN': '{field}为空。请填写{field}。',
    en: '{field} is empty. Please fill it in.',
  },
  'import.value.not_number': {
    'zh-CN': '{field}“{value}”不是有效的数字。请填写数字，例如 1,234.50。',
    en: '{field} "{value}" is not a valid number. Enter a number such as 1,234.50.',
  },
  'import.value.not_method': {
    'zh-CN': '{field}“{value}”无法识别。请填写 票折、货补、冲应收 或 现金（也可写 invoice、goods、offset、cash）；留空按票折处理。',
    en: '{field} "{value}" is not recognised. Use 票折/invoice, 货补/goods, 冲应收/offset or 现金/cash; an empty cell means invoice.',
  },
  'import.value.not_rate': {
    'zh-CN': '{field}“{value}”不是有效的比率。请填写百分比（如 85%）或小数（如 0.85）。',
    en: '{field} "{value}" is not a valid rate. Enter a percentage (such as 85%) or a fraction (such as 0.85).',
  },
  'import.value.rate_as_percent': {
    'zh-CN': '{field}“{value}”大于 1.5，已按百分比读作 {result}。如不对，请在文件中写成 0.85 或 85% 的形式。',
    en: '{field} "{value}" is greater than 1.5 and was read as a percentage, {result}. If that is wrong, write it as 0.85 or 85% in the file.',
  },
  'import.value.not_date': {
    'zh-CN': '{field}“{value}”不是可识别的日期。请使用 2026-01-05、2026/1/5、2026.1.5、2026年1月5日 或 20260105 这样的格式。',
    en: '{field} "{value}" is not a recognised date. Use a form such as 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日 or 20260105.',
  },
  'import.value.date_nonexistent': {
    'zh-CN': '{field}“{value}”不是真实存在的日期（月份或日超出范围）。请更正日期。',
    en: '{field} "{value}" is not a real calendar date (the month or day is out of range). Please correct it.',
  },
  'import.value.formula_no_result': {
    'zh-CN': '{field}是公式（{value}），但文件中没有保存它的计算结果。请用 Excel 或 WPS 打开该文件并保存，然后重新导入。',
    en: '{field} is a formula ({value}) whose result is not saved in the file. Open the file in Excel or WPS, save it, and import it again.',
  },
  'import.value.cell_error': {
    'zh-CN': '{field}单元格是错误值 {value}。请在 Excel 或 WPS 中修正该单元格的公式或数据，然后重新导入。',
    en: '{field} holds the error value {value}. Fix the formula or data of that cell in Excel or WPS, then import again.',
  },
  'import.value.not_code': {
    'zh-CN': '{field}“{value}”不是有效的编码（它是日期或逻辑值）。请把该列设为文本格式，填写正确的编码。',
    en: '{field} "{value}" is not a valid code (it is a date or a TRUE/FALSE value). Format the column as text and enter the right code.',
  },
  'import.value.code_digits_lost': {
    'zh-CN': '{field} {value} 是超过 15 位的数字，Excel 可能已丢失末尾几位。请把该列设为文本格式后重新导出。',
    en: '{field} {value} is a number of more than 15 digits; Excel may have lost its last digits. Format the column as text and export the file again.',
  },
  'import.value.not_status': {
    'zh-CN': '{field}“{value}”无法识别。请填写 启用、正常、停用 或 冻结（或 active、inactive）。',
    en: '{field} "{value}" is not recognised. Use 启用, 正常, 停用 or 冻结 (or active, inactive).',
  },
  'import.code.padded_match': {
    'zh-CN': '{field}“{value}”在经销商档案中不存在，已按前导零不同的编码“{match}”匹配。请确认是同一经销商。',
    en: '{field} "{value}" is not in the distributor master data; it was matched to "{match}", which differs only in leading zeros. Please check it is the same distributor.',
  },
  'import.code.padded_ambiguous': {
    'zh-CN': '{field}“{value}”在经销商档案中不存在，且去掉前导零后与多个编码相符（{matches}），无法确定。请填写档案中的完整编码。',
    en: '{field} "{value}" is not in the distributor master data and, ignoring leading zeros, matches several codes ({matches}). Enter the full code as in the master data.',
  },
  'import.code.not_found': {
    'zh-CN': '{field}“{value}”不在经销商档案中。请更正编码，或先在经销商档案中添加该经销商。',
    en: '{field} "{value}" is not in the distributor master data. Correct the code, or add the distributor to the master data first.',
  },
  'import.header.not_found': {
    'zh-CN': '前 30 行中没有找到{kind}的表头（需要 {fields} 列）。请确认选择的文件类型正确，或手动指定表头行和各列。',
    en: 'No {kind} header found in the first 30 rows (it needs the columns {fields}). Check the file type chosen, or set the header row and columns by hand.',
  },
  'import.header.missing_columns': {
    'zh-CN': '{kind}的表头不完整：最接近的是第 {row} 行，但缺少 {fields} 列。请检查列名，或手动指定这些列。',
    en: 'The {kind} header is incomplete: row {row} comes closest but lacks the columns {fields}. Check the column names, or assign these columns by hand.',
  },
  'import.header.ambiguous': {
    'zh-CN': '有多列可作为{field}（{columns}），已使用 {column} 列。如不对，请手动指定。',
    en: 'Several columns could be {field} ({columns}); column {column} is used. If that is wrong, choose the column by hand.',
  },
  'import.header.column_ignored': {
    'zh-CN': '第 {column} 列“{header}”未能识别，已忽略。如需导入，请手动指定它对应的字段。',
    en: 'Column {column} "{header}" was not recognised and is ignored. To import it, assign its field by hand.',
  },
  'import.mapping.bad_column': {
    'zh-CN': '“{column}”不是有效的列。请使用 A、B、…、Z、AA 这样的列字母。',
    en: '"{column}" is not a valid column. Use column letters such as A, B, …, Z, AA.',
  },
  'import.mapping.bad_row': {
    'zh-CN': '表头行 {row} 不在工作表中。请选择工作表内的一行。',
    en: 'Header row {row} is not in the sheet. Choose a row of the sheet.',
  },
  'import.mapping.field_not_in_kind': {
    'zh-CN': '{field}不是{kind}的字段，不能指定给 {column} 列。',
    en: '{field} is not a field of {kind} and cannot be assigned to column {column}.',
  },
  'import.mapping.duplicate_field': {
    'zh-CN': '{field}被指定给了多列（{columns}）。每个字段只能对应一列，请只保留一列。',
    en: '{field} is assigned to several columns ({columns}). Each field takes one column; keep only one.',
  },
  'import.sheet.no_header': {
    'zh-CN': '工作表“{sheet}”的前 30 行中没有找到{kind}的表头（需要 {fields} 列），该表已跳过。如该表需要导入，请检查列名，或手动指定表头行和各列。',
    en: 'Sheet "{sheet}" has no {kind} header in its first 30 rows (it needs the columns {fields}) and was skipped. If it should be imported, check the column names or set the header row and columns by hand.',
  },
  'import.sheet.header_incomplete': {
    'zh-CN': '工作表“{sheet}”已跳过：第 {row} 行最接近{kind}的表头，但缺少 {fields} 列。如该表需要导入，请检查列名，或手动指定这些列。',
    en: 'Sheet "{sheet}" was skipped: row {row} comes closest to a {kind} header but lacks the columns {fields}. If it should be imported, check the column names or assign these columns by hand.',
  },
  'import.file.no_header': {
    'zh-CN': '文件中没有任何工作表含有{kind}的表头（需要 {fields} 列），整个文件未导入。请确认选择的数据类型正确，或手动指定表头行和各列。',
    en: 'No sheet of the file has a {kind} header (it needs the columns {fields}), so nothing of the file was imported. Check the data type chosen, or set the header row and columns by hand.',
  },
  'import.file.header_incomplete': {
    'zh-CN': '文件中没有任何工作表含有完整的{kind}表头，整个文件未导入：最接近的是工作表“{sheet}”第 {row} 行，但缺少 {fields} 列。请检查列名，或手动指定这些列。',
    en: 'No sheet of the file has a complete {kind} header, so nothing of the file was imported: sheet "{sheet}", row {row} comes closest but lacks the columns {fields}. Check the column names, or assign these columns by hand.',
  },
  'import.file.sheet_not_found': {
    'zh-CN': '文件中没有指定的工作表 {sheets}，未导入任何数据。文件中的工作表有：{available}。请检查工作表名称。',
    en: 'The file has no sheet named {sheets}, so nothing was imported. Its sheets are: {available}. Check the sheet names.',
  },
  'import.date.outside_period': {
    'zh-CN': '{field}“{value}”不在导入账期 {period} 内。请确认该行属于 {period}；如属于其他月份，请放到该月份的文件中导入。',
    en: '{field} "{value}" is outside the import period {period}. Check that the row belongs to {period}; if it belongs to another month, import it with that month.',
  },
  'import.purchase.negative': {
    'zh-CN': '进货明细中{field}为负数（{value}），这通常是混入进货的退货行。请把退货放到退货明细中导入，或更正该行。',
    en: '{field} is negative ({value}) in a purchases file; this is usually a return exported as a purchase line. Import returns as a returns file, or correct the row.',
  },
  'import.returns.mixed_signs': {
    'zh-CN': '退货金额有正有负（{positive} 行为正数，{negative} 行为负数，例如工作表“{sheet}”第 {row} 行）。已全部按绝对值作为退货金额导入；请确认文件中没有混入进货行。',
    en: 'Return amounts have mixed signs ({positive} rows positive, {negative} rows negative, e.g. sheet "{sheet}", row {row}). All were imported as positive return amounts; check that no purchase lines are mixed in.',
  },
  'import.totals.mismatch': {
    'zh-CN': '合计行的{field} {value} 与上方明细之和不符：自表头起合计为 {expected}，自上一合计行起合计为 {segment}。数据已按明细行导入；请检查是否有遗漏、重复或被筛选隐藏的行。',
    en: 'The totals row shows {field} {value}, which is not the sum of the rows above: {expected} since the header, {segment} since the previous totals row. The detail rows were imported; check for missing, duplicated or filtered-out rows.',
  },
  'import.name.mismatch': {
    'zh-CN': '{field}“{value}”与经销商档案中编码 {code} 的名称“{expected}”不一致。已按编码导入；请确认编码是否填写正确。',
    en: '{field} "{value}" differs from the name of code {code} in the distributor master data, "{expected}". The row was imported by its code; check that the code is right.',
  },
  'import.name.not_found': {
    'zh-CN': '{field}“{value}”在经销商档案中找不到。文件没有经销商编码列，经销商按名称匹配；请更正名称使之与档案一致，或在文件中加上经销商编码列。',
    en: '{field} "{value}" is not in the distributor master data. The file has no distributor code column, so distributors are found by name; correct the name to match the master data, or add a distributor code column.',
  },
  'import.name.not_found_similar': {
    'zh-CN': '{field}“{value}”在经销商档案中找不到完全相同的名称（文件没有经销商编码列，按名称匹配）。相近的有：{candidates}。请更正名称，或在文件中加上经销商编码列。',
    en: '{field} "{value}" matches no name in the distributor master data exactly (the file has no distributor code column, so distributors are found by name). Similar: {candidates}. Correct the name, or add a distributor code column.',
  },
  'import.name.ambiguous': {
    'zh-CN': '{field}“{value}”在经销商档案中对应 {count} 个经销商：{candidates}，无法确定是哪一个。请在文件中加上经销商编码列。',
    en: '{field} "{value}" matches {count} distributors in the master data: {candidates}; it cannot be told which. Add a distributor code column to the file.',
  },
  'import.line.orphan': {
    'zh-CN': '该行有明细（存货、数量或金额），但{field}为空，上方也没有可承接的单据。多行单据的续行必须紧跟在填有单据编号的首行之后；请填写{field}。',
    en: 'This row has line details (item, quantity or amount) but an empty {field}, and no document above it to belong to. A continuation line must follow the first line of its document, which carries the document no.; fill in the {field}.',
  },
  'import.filldown.rows': {
    'zh-CN': '共 {rows} 行续行的单据字段（单据编号、日期、经销商）为空，已按所属单据首行补齐（工作表：{sheets}）。请确认这些行确实属于其上方的单据。',
    en: '{rows} continuation rows had blank document fields (document no., date, distributor); they were filled from the first line of their document (sheets: {sheets}). Check that these rows belong to the document above them.',
  },
  'import.sheet.mixed_layouts': {
    'zh-CN': '工作表“{sheet}”混有多种格式：第 {row} 行又出现了一个列不同的表头（第一个表头在第 {first} 行）。一张工作表只能有一种格式，整个文件未导入；请把不同格式的数据放到不同的工作表或文件中。',
    en: 'Sheet "{sheet}" mixes several layouts: row {row} is another header with different columns (the first header is on row {first}). A sheet can hold one layout only, so nothing of the file was imported; put each layout in its own sheet or file.',
  },
  'import.inferred.qualifier': {
    'zh-CN': '第 {column} 列“{header}”按{field}识别（忽略币种限定“{qualifier}”）。',
    en: 'Column {column} "{header}" was read as {field} (the currency qualifier "{qualifier}" is ignored).',
  },
  'import.inferred.amount': {
    'zh-CN': '有多列可作为{field}（{columns}），使用第 {column} 列“{header}”：{reason}。如不对，请手动指定。',
    en: 'Several columns could be {field} ({columns}); column {column} "{header}" is used: {reason}. If that is wrong, choose the column by hand.',
  },
  'import.inferred.filled_down': {
    'zh-CN': '多行单据：{rows} 行续行的单据编号、日期、经销商按所属单据首行补齐（工作表：{sheets}）。',
    en: 'Documents on several lines: {rows} continuation rows took the document no., date and distributor of their document\'s first line (sheets: {sheets}).',
  },
  'import.inferred.names_used': {
    'zh-CN': '文件没有经销商编码列：{rows} 行按经销商名称在档案中匹配（{names} 个名称）。',
    en: 'The file has no distributor code column: {rows} rows were matched to distributors by name (distinct names: {names}).',
  },
  'import.inferred.repeated_header': {
    'zh-CN': '工作表“{sheet}”第 {row} 行是重复的表头，已跳过。',
    en: 'Sheet "{sheet}", row {row} repeats the header and was skipped.',
  },
  'import.distributor.duplicate_in_file': {
    'zh-CN': '{field}“{value}”在本文件中重复出现，第一次在工作表“{firstSheet}”第 {firstRow} 行。每个经销商只能出现一次，请删除或合并重复的行。',
    en: '{field} "{value}" appears more than once in this file; it first appears in sheet "{firstSheet}", row {firstRow}. Each distributor may appear only once: delete or merge the repeated rows.',
  },
  'import.settlement.reversal': {
    'zh-CN': '{field}为负数（{value}），按冲回（撤销此前的兑付）导入，会增加经销商的返利余额。请确认这是冲回而不是录入错误。',
    en: '{field} is negative ({value}) and was imported as a reversal of an earlier use, which raises the distributor\'s balance. Check that it is a reversal and not a typing error.',
  },
  'import.settlement.late': {
    'zh-CN': '{field}“{value}”早于导入账期 {period}：按补记的兑付计入 {period}。如应属于其他月份，请在该月份导入。',
    en: '{field} "{value}" is before the import period {period}: it is booked late, into {period}. If it belongs to another month, import it there.',
  },
  'import.settlement.future': {
    'zh-CN': '{field}“{value}”晚于导入账期 {period}。兑付只能计入记账当月或之后的账期，请在 {value} 所在月份导入该行。',
    en: '{field} "{value}" is after the import period {period}. A settlement can only be booked in its own month or later; import this row with that month.',
  },
  'import.balance.duplicate_in_file': {
    'zh-CN': '{field}“{value}”的期初余额在本文件中重复，第一次在工作表“{firstSheet}”第 {firstRow} 行。每个经销商只能有一个期初余额，请删除或合并重复的行。',
    en: 'The opening balance of {field} "{value}" appears more than once in this file; first in sheet "{firstSheet}", row {firstRow}. Each distributor has one opening balance: delete or merge the repeated rows.',
  },
  'import.promotion.rate_or_target': {
    'zh-CN': '该行既没有达成率，也没有同时填写目标金额和达成金额。请填写达成率，或同时填写目标金额和达成金额。',
    en: 'This row has neither an achievement rate nor both a target and an actual amount. Fill in the achievement rate, or both the target and the actual amount.',
  },
  'import.csv.empty': {
    'zh-CN': 'CSV 文件是空的（0 字节）。请确认导出是否完整，再重新导入。',
    en: 'The CSV file is empty (0 bytes). Check that the export completed, then import it again.',
  },
  'import.csv.too_many_columns': {
    'zh-CN': 'CSV 文件第 {row} 行超过 {limit} 列（Excel 的列数上限），无法读取。请检查分隔符或文件是否损坏。',
    en: 'Row {row} of the CSV file has more than {limit} columns (Excel\'s limit) and cannot be read. Check the separator, or whether the file is damaged.',
  },
  'import.csv.field_too_long': {
    'zh-CN': 'CSV 文件第 {row} 行 {column} 列的内容有 {chars} 个字符，超过 {limit} 个字符的上限（Excel 单元格最多 32,767 个字符），无法读取。请检查文件是否缺少换行或引号。',
    en: 'Row {row}, column {column} of the CSV file holds {chars} characters, more than the {limit} allowed (an Excel cell holds at most 32,767), and cannot be read. Check the file for a missing line break or quote.',
  },
  'import.csv.malformed': {
    'zh-CN': 'CSV 文件第 {row} 行附近的引号不成对，无法读取。请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后重新导入。',
    en: 'The CSV file has unbalanced quotes near row {row} and cannot be read. Open it in Excel or WPS, save it as .xlsx, and import that.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof IMPORT_MESSAGES;

/** A problem found while reading: a message key and its parameters. */
export type Problem = { key: MessageKey; params: MessageParams };

const REASONS = {
  tax_inclusive: { 'zh-CN': '含税金额优先', en: 'the tax-inclusive amount wins' },
  home_currency: { 'zh-CN': '本币优先于原币', en: 'the home currency (本币) wins over the original currency (原币)' },
  line_level: { 'zh-CN': '它在同一单据的各行间取值不同，是行金额；其他列在单据内各行相同或只填首行，是整单金额', en: 'its values differ between the lines of one document, so it is the line amount; the others repeat one figure per document (or fill only its first line), so they are document totals' },
  synonym: { 'zh-CN': '列名更常用', en: 'its name is the more usual one' },
  leftmost: { 'zh-CN': '同名列取最左一列', en: 'the leftmost of columns with the same name' },
} as const satisfies Record<string, Record<Lang, string>>;

function isChoiceReason(text: string): text is keyof typeof REASONS {
  return Object.prototype.hasOwnProperty.call(REASONS, text);
}


function localiseParam(name: string, value: string | number, lang: Lang): string {
  const text = String(value);
  const list = (items: string[]): string => items.join(LIST_SEPARATOR[lang]);
  if (name === 'field' && isFieldName(text)) return fieldLabel(text, lang);
  if (name === 'kind' && isKind(text)) return kindLabel(text, lang);
  if (name === 'fields') return list(text.split(',').map((f) => (isFieldName(f) ? fieldLabel(f, lang) : f)));
  if (name === 'columns' || name === 'matches') return list(text.split(','));
  if (name === 'sheets' || name === 'available' || name === 'candidates') return list(text.split('\u0001'));
  if (name === 'reason' && isChoiceReason(text)) return REASONS[text][lang];
  return text;
}

export function formatMessage(key: MessageKey, params: MessageParams, lang: Lang): string {
  const template: string = IMPORT_MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value !== undefined) return localiseParam(name, value, lang);
    // Parsers called without a field still produce a readable sentence.
    return name === 'field' ? (lang === 'en' ? 'The value' : '该值') : whole;
  });
}
