import type { Localized } from './lang';

/**
 * Every message the formula language can produce, by stable key. `{param}` placeholders are
 * filled from the params. Written for sales-operations staff, not programmers: say what
 * is wrong and what to do.
 */
export const MESSAGES = {
  'expr.empty': { 'zh-CN': '公式为空，请输入表达式。', en: 'The formula is empty: enter an expression.' },
  'expr.syntax': { 'zh-CN': '公式写法有误（{detail}）。', en: 'The formula cannot be read ({detail}).' },
  'expr.unexpectedEnd': { 'zh-CN': '公式不完整：结尾缺少数值或右括号。', en: 'The formula ends too early: a value or a closing bracket is missing.' },
  'expr.valueExpected': { 'zh-CN': '此处应为数字、名称或左括号。', en: 'A number, a name or an opening bracket is expected here.' },
  'expr.closingBracket': { 'zh-CN': '缺少右括号 {bracket}。', en: 'A closing {bracket} is missing.' },
  'expr.unexpectedText': { 'zh-CN': '无法识别「{text}」。', en: '"{text}" is not understood here.' },
  'expr.unterminatedText': { 'zh-CN': '文本缺少结束的引号。', en: 'A text value is missing its closing quote.' },
  'expr.fullWidth': { 'zh-CN': '请使用半角符号：把「{char}」改为「{replacement}」（切换到英文输入法）。', en: 'Use the plain character "{replacement}" instead of the full-width "{char}".' },
  'expr.tooLong': { 'zh-CN': '公式过长（最多 {max} 个字符）。', en: 'The formula is too long (at most {max} characters).' },
  'expr.tooComplex': { 'zh-CN': '公式过于复杂（嵌套最多 {max} 层）。', en: 'The formula is too complex (at most {max} levels of nesting).' },
  'expr.multipleExpressions': { 'zh-CN': '一个公式只能有一个表达式：请去掉分号或换行（换行只能写在括号内）。', en: 'A formula is one expression: remove the semicolon or line break (line breaks are allowed only inside brackets).' },
  'expr.assignment': { 'zh-CN': '公式中不能赋值（=）；判断是否相等请用 ==。', en: 'Assignments (=) are not allowed; to test equality use ==.' },
  'expr.functionDefinition': { 'zh-CN': '公式中不能定义函数。', en: 'Functions cannot be defined in a formula.' },
  'expr.propertyAccess': { 'zh-CN': '不能用 . 或 [ ] 取值；查表请用 lookup(键, 表)。', en: 'Reading with . or [ ] is not allowed; read tables with lookup(key, table).' },
  'expr.range': { 'zh-CN': '不支持区间写法（a:b）。', en: 'Ranges (a:b) are not allowed.' },
  'expr.matrix': { 'zh-CN': '列表不能嵌套，只能是一组数字，如 [0, 100000, 500000]。', en: 'Lists cannot be nested: write a plain list of numbers such as [0, 100000, 500000].' },
  'expr.listTooLong': { 'zh-CN': '列表过长（最多 {max} 项）。', en: 'The list is too long (at most {max} items).' },
  'expr.operator': { 'zh-CN': '不支持运算符 {operator}。', en: 'The operator {operator} is not allowed.' },
  'expr.unsupported': { 'zh-CN': '公式中不允许这种写法：{construct}。', en: 'Not allowed in a formula: {construct}.' },
  'expr.constant': { 'zh-CN': '公式中不能使用 {value}。', en: '{value} cannot be used in a formula.' },
  'expr.numberTooLarge': { 'zh-CN': '数字 {value} 超出允许的范围。', en: 'The number {value} is out of range.' },
  'expr.tableKeyExpected': { 'zh-CN': '表的键必须是名称或带引号的文本，如 {A: 1.2} 或 {"1": 0.5}。', en: 'A table key must be a name or quoted text, such as {A: 1.2} or {"1": 0.5}.' },
  'expr.badTableKey': { 'zh-CN': '表中不能使用键「{key}」。', en: 'The key "{key}" cannot be used in a table.' },

  'name.unknown': { 'zh-CN': '未知的名称「{name}」。', en: 'Unknown name "{name}".' },
  'name.unknownDidYouMean': { 'zh-CN': '未知的名称「{name}」，是不是「{suggestion}」？', en: 'Unknown name "{name}". Did you mean "{suggestion}"?' },
  'name.isFunction': { 'zh-CN': '「{name}」是函数，使用时要加括号，如 {name}(…)。', en: '"{name}" is a function: call it with brackets, e.g. {name}(…).' },
  'function.unknown': { 'zh-CN': '没有名为「{name}」的函数。', en: 'There is no function "{name}".' },
  'function.unknownDidYouMean': { 'zh-CN': '没有名为「{name}」的函数，是不是「{suggestion}」？', en: 'There is no function "{name}". Did you mean "{suggestion}"?' },
  'function.notCallable': { 'zh-CN': '「{name}」不是函数，不能加括号调用。', en: '"{name}" is not a function and cannot be called.' },
  'function.arity': { 'zh-CN': '函数 {name} 需要 {expected} 个参数，这里给了 {given} 个。', en: 'The function {name} takes {expected} arguments; {given} given.' },
  'function.arityAtLeast': { 'zh-CN': '函数 {name} 至少需要 {min} 个参数，这里给了 {given} 个。', en: 'The function {name} takes at least {min} arguments; {given} given.' },

  'ladder.notList': { 'zh-CN': '{function} 的{argument}必须是数字列表（如 [0, 100000]）或列表参数，这里是{kind}。', en: 'The {argument} of {function} must be a list of numbers (such as [0, 100000]) or a list parameter, not a {kind}.' },
  'ladder.empty': { 'zh-CN': '{function} 的门槛列表是空的。', en: 'The thresholds of {function} are empty.' },
  'ladder.lengthMismatch': { 'zh-CN': '{function} 的门槛有 {thresholds} 个，对应的值却有 {values} 个，两者个数必须相同。', en: '{function} has {thresholds} thresholds but {values} values; they must pair up one to one.' },
  'ladder.notAscending': { 'zh-CN': '{function} 的门槛必须从小到大排列：{next} 排在 {previous} 之后。', en: 'The thresholds of {function} must increase: {next} comes after {previous}.' },
  'lookup.notTable': { 'zh-CN': '{function} 的第二个参数必须是表（表参数，或 {A: 1.2, B: 1} 这样的写法），这里是{kind}。', en: 'The second argument of {function} must be a table (a table parameter or {A: 1.2, B: 1}), not a {kind}.' },
  'lookup.badKey': { 'zh-CN': '{function} 的键不能是{kind}。', en: 'The key of {function} cannot be a {kind}.' },
  'lookup.missingKey': { 'zh-CN': '表 {table} 中没有「{key}」（已有：{keys}），也没有给出默认值。', en: 'The table {table} has no entry "{key}" (it has: {keys}) and no default was given.' },

  'eval.divisionByZero': { 'zh-CN': '除数为 0。', en: 'Division by zero.' },
  'eval.notNumber': { 'zh-CN': '{where} 需要数字，这里得到的是{kind} {value}。', en: '{where} needs a number but got the {kind} {value}.' },
  'eval.notCondition': { 'zh-CN': '{where} 需要一个条件（真或假），这里得到的是{kind} {value}。', en: '{where} needs a condition (true or false) but got the {kind} {value}.' },
  'eval.compareMismatch': { 'zh-CN': '不能把{leftKind} {left} 与{rightKind} {right} 比较。', en: 'The {leftKind} {left} cannot be compared with the {rightKind} {right}.' },
  'eval.tooLarge': { 'zh-CN': '计算结果过大。', en: 'The result is too large.' },
  'eval.notANumberResult': { 'zh-CN': '计算结果不是有效的数字。', en: 'The result is not a valid number.' },
  'eval.exponentTooLarge': { 'zh-CN': '指数 {value} 过大（绝对值最多为 {max}）。', en: 'The exponent {value} is too large (at most {max} either way).' },
  'eval.domain': { 'zh-CN': '{function} 不能用于 {value}。', en: '{function} is not defined for {value}.' },
  'eval.roundDigits': { 'zh-CN': '{function} 的位数必须是 -{max} 到 {max} 之间的整数，这里是 {value}。', en: 'The digits of {function} must be a whole number from -{max} to {max}, not {value}.' },
  'eval.emptyList': { 'zh-CN': '{function} 至少需要一个数。', en: '{function} needs at least one number.' },
  'eval.rebateNotNumber': { 'zh-CN': 'rebate（返利金额）的结果必须是数字，这里是 {value}。', en: 'The result of rebate must be a number, not {value}.' },
  'eval.internal': { 'zh-CN': '计算出错：{detail}', en: 'Calculation failed: {detail}' },
  'input.missing': { 'zh-CN': '缺少输入数据「{variable}」。', en: 'The input "{variable}" is missing.' },
  'input.invalid': { 'zh-CN': '输入数据「{variable}」的值「{value}」不是有效的{expected}。', en: 'The input "{variable}" has the value "{value}", which is not a valid {expected}.' },

  'policy.notObject': { 'zh-CN': '政策文件的内容不是一个 JSON 对象。', en: 'The policy file does not contain a JSON object.' },
  'policy.format': { 'zh-CN': '文件格式应为 {expected}，这里是「{actual}」。', en: 'The file format must be {expected}, not "{actual}".' },
  'policy.fieldMissing': { 'zh-CN': '缺少字段 {field}。', en: 'The field {field} is missing.' },
  'policy.fieldType': { 'zh-CN': '字段 {field} 应为{expected}。', en: 'The field {field} must be a {expected}.' },
  'policy.fieldUnknown': { 'zh-CN': '无法识别的字段 {field}（是否拼写有误？）。', en: 'Unknown field {field} (is it misspelt?).' },
  'policy.codeInvalid': { 'zh-CN': '政策编码「{code}」无效：只能使用字母、数字和 - _ .，以字母或数字开头，最多 40 个字符。', en: 'The policy code "{code}" is invalid: use letters, digits and - _ ., starting with a letter or digit, at most 40 characters.' },
  'policy.nameEmpty': { 'zh-CN': '政策名称不能为空。', en: 'The policy name cannot be empty.' },
  'policy.priorityInvalid': { 'zh-CN': '优先级必须是整数，这里是 {value}。', en: 'The priority must be a whole number, not {value}.' },
  'policy.monthInvalid': { 'zh-CN': '{field} 必须是 YYYY-MM 格式的月份（如 2026-01），这里是「{value}」。', en: '{field} must be a month written YYYY-MM (e.g. 2026-01), not "{value}".' },
  'policy.periodOrder': { 'zh-CN': '生效起始月 {from} 晚于结束月 {to}。', en: 'The first month {from} is after the last month {to}.' },
  'policy.labelUnknownParameter': { 'zh-CN': 'parameter_labels 中的「{name}」不是本政策的参数。', en: '"{name}" in parameter_labels is not a parameter of this policy.' },
  'policy.scopeEmpty': { 'zh-CN': '{field} 是空列表，不会匹配任何经销商；若要适用于全部，请删除该字段。', en: '{field} is an empty list and matches no distributor; to apply to all, remove the field.' },

  'formula.nameInvalid': { 'zh-CN': '公式名称「{name}」无效：可以用中文、字母、数字和下划线，不能以数字开头，不能是 and、or、not 等保留字，最多 64 个字符。', en: 'The formula name "{name}" is invalid: use letters (Chinese too), digits and _, not starting with a digit, not a reserved word such as and, or, not; at most 64 characters.' },
  'formula.duplicate': { 'zh-CN': '公式名称「{name}」重复了。', en: 'The formula name "{name}" is used twice.' },
  'formula.shadowsVariable': { 'zh-CN': '公式名称「{name}」与内置变量 {variable} 重名，请换一个名称。', en: 'The formula name "{name}" is the name of the built-in variable {variable}; choose another name.' },
  'formula.shadowsFunction': { 'zh-CN': '公式名称「{name}」与函数重名，请换一个名称。', en: 'The formula name "{name}" is the name of a function; choose another name.' },
  'formula.shadowsParameter': { 'zh-CN': '公式名称「{name}」与参数重名，请换一个名称。', en: 'The formula name "{name}" is also the name of a parameter; choose another name.' },
  'formula.cycle': { 'zh-CN': '公式之间循环引用：{cycle}。', en: 'The formulas refer to each other in a circle: {cycle}.' },
  'formula.rebateMissing': { 'zh-CN': '缺少名为 rebate 的公式（返利金额）。', en: 'A formula named rebate (the rebate amount) is missing.' },
  'formula.notScalar': { 'zh-CN': '公式的结果不能是{kind}；列表和表请定义为参数。', en: 'A formula cannot result in a {kind}; define lists and tables as parameters.' },
  'formula.tooMany': { 'zh-CN': '公式过多（最多 {max} 个）。', en: 'Too many formulas (at most {max}).' },

  'parameter.nameInvalid': { 'zh-CN': '参数名称「{name}」无效：可以用中文、字母、数字和下划线，不能以数字开头，不能是保留字，最多 64 个字符。', en: 'The parameter name "{name}" is invalid: use letters (Chinese too), digits and _, not starting with a digit, not a reserved word; at most 64 characters.' },
  'parameter.shadowsVariable': { 'zh-CN': '参数名称「{name}」与内置变量 {variable} 重名，请换一个名称。', en: 'The parameter name "{name}" is the name of the built-in variable {variable}; choose another name.' },
  'parameter.shadowsFunction': { 'zh-CN': '参数名称「{name}」与函数重名，请换一个名称。', en: 'The parameter name "{name}" is the name of a function; choose another name.' },
  'parameter.type': { 'zh-CN': '参数「{name}」的值必须是数字、数字列表（如 [0, 100000]）或数字表（如 {"A": 1.2, "B": 1}）。', en: 'The parameter "{name}" must be a number, a list of numbers (such as [0, 100000]) or a table of numbers (such as {"A": 1.2, "B": 1}).' },
  'parameter.notNumber': { 'zh-CN': '参数「{name}」中 {path} 的值「{value}」不是数字。', en: 'In the parameter "{name}", the value "{value}" at {path} is not a number.' },
  'parameter.empty': { 'zh-CN': '参数「{name}」是空的。', en: 'The parameter "{name}" is empty.' },
  'parameter.tooLarge': { 'zh-CN': '参数「{name}」的项数过多（最多 {max} 项）。', en: 'The parameter "{name}" has too many entries (at most {max}).' },
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** Words substituted for kind-like params, so "a text" reads "文本" in Chinese. */
export const WORDS: Readonly<Record<string, Localized>> = {
  number: { 'zh-CN': '数字', en: 'number' },
  text: { 'zh-CN': '文本', en: 'text' },
  boolean: { 'zh-CN': '真假值', en: 'true/false value' },
  list: { 'zh-CN': '列表', en: 'list' },
  table: { 'zh-CN': '表', en: 'table' },
  formula: { 'zh-CN': '公式结果', en: 'formula result' },
  expression: { 'zh-CN': '计算式', en: 'calculated expression' },
  integer: { 'zh-CN': '整数', en: 'whole number' },
  month: { 'zh-CN': 'YYYY-MM 格式的月份', en: 'month written YYYY-MM' },
  nonEmptyText: { 'zh-CN': '非空文本', en: 'non-empty text' },
  textList: { 'zh-CN': '文本列表', en: 'list of text' },
  object: { 'zh-CN': '对象（{…}）', en: 'object ({…})' },
  formulaList: { 'zh-CN': '公式列表', en: 'list of formulas' },
  thresholds: { 'zh-CN': '门槛列表', en: 'thresholds' },
  values: { 'zh-CN': '取值列表', en: 'values' },
  rates: { 'zh-CN': '比例列表', en: 'rates' },
};

/** Params whose value is a word from WORDS rather than user data. */
export const TRANSLATED_PARAMS: ReadonlySet<string> = new Set(['kind', 'leftKind', 'rightKind', 'expected', 'argument']);

/** How a message is placed: where in the formula, and which formula. */
export const FRAME = {
  position: { 'zh-CN': '（第 {line} 行第 {column} 列）', en: ' (line {line}, column {column})' },
  inFormula: { 'zh-CN': '公式「{formula}」{where}：{body}', en: 'Formula "{formula}"{where}: {body}' },
} as const satisfies Record<string, Localized>;
