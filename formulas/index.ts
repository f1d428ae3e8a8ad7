/**
 * The formula language of Rebate Desk (formulas.md): pure TypeScript, shared by the main process
 * (evaluation) and the renderer (editor validation, autocomplete, preview).
 */
export { compilePolicy } from './compile-policy';
export type { CompiledPolicy, CompilePolicyResult, EvaluationResult } from './compile-policy';
export { parsePolicyFile, validatePolicy } from './validate-policy';
export type { ParsePolicyResult } from './validate-policy';
export { formatIssue } from './format-issue';
export type { Formattable } from './format-issue';
export type { Issue, IssueParams, SourcePosition } from './issues';
export { MESSAGES } from './message-catalogue';
export type { MessageKey } from './message-catalogue';
export { labelledParameters, parameterText, POLICY_FORMAT } from './policy-types';
export type { FormulaDefinition, ParameterNumber, ParameterValue, PolicyFile, PolicyScope } from './policy-types';
export {
  BUILTIN_VARIABLES, BUILTIN_VARIABLE_NAMES, NUMBER_VARIABLE_NAMES, TEXT_VARIABLE_NAMES,
  findBuiltinVariable, isTextVariable, variableValueKind,
} from './builtin-variables';
export type { BuiltinVariable, BuiltinVariableName, NumberVariableName, TextVariableName } from './builtin-variables';
export { FUNCTIONS, FUNCTION_NAMES, findFunction } from './function-catalogue';
export type { FunctionCategory, FunctionInfo } from './function-catalogue';
export type { FormulaInputs, NumericInput } from './inputs';
export type { Lang, Localized } from './lang';
export { isValidName } from './identifier';
export { nameTokens } from './source-position';
export type { NameToken } from './source-position';
export { roundMoney, PRECISION } from './decimal';
export { REBATE_FORMULA } from './analyze-formulas';
export { evaluateExpression } from './evaluate-expression';
export type { ExpressionResult } from './evaluate-expression';
export { EXAMPLE_POLICY } from './example-policy';
