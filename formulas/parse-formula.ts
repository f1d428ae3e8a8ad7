import type { MathNode } from 'mathjs';
import { issue, type Issue } from './issues';
import { parseExpression } from './math-instance';
import { positionAt } from './source-position';

export const MAX_EXPRESSION_LENGTH = 5000;
/** Bracket nesting beyond this is no real formula, and deep recursion could exhaust the stack. */
export const MAX_NESTING = 40;

/** Full-width punctuation typed with a Chinese input method, and the character meant. */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '（': '(', '）': ')', '，': ',', '：': ':', '；': ';', '“': '"', '”': '"', '‘': "'", '’': "'",
  '＋': '+', '－': '-', '＊': '*', '／': '/', '＝': '=', '＜': '<', '＞': '>', '【': '[', '】': ']',
  '［': '[', '］': ']', '｛': '{', '｝': '}', '％': '%', '！': '!', '。': '.', '．': '.', '？': '?',
  '　': ' ', '×': '*', '÷': '/', '＾': '^',
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
};

/** Scans outside string literals: the first full-width character and the deepest bracket nesting. */
function scan(expr: string): { fullWidthAt: number; depth: number } {
  let depth = 0;
  let maxDepth = 0;
  let quote = '';
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c in FULL_WIDTH) return { fullWidthAt: i, depth: maxDepth };
    else if (c === '(' || c === '[' || c === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return { fullWidthAt: -1, depth: maxDepth };
}

function syntaxIssue(expr: string, error: Error & { char?: unknown }): Issue {
  const char = typeof error.char === 'number' ? error.char : 1;
  const at = char - 1;
  const position = positionAt(expr, at);
  const detail = error.message.replace(/\s*\(char \d+\)\s*$/, '');
  if (detail === 'Unexpected end of expression') return issue('expr.unexpectedEnd', {}, { position });
  if (detail === 'Value expected') return issue('expr.valueExpected', {}, { position });
  const bracket = /^(?:Parenthesis|Comma , or bracket) ([)\]}]) expected/.exec(detail);
  if (bracket?.[1]) return issue('expr.closingBracket', { bracket: bracket[1] }, { position });
  if (detail.startsWith('End of string')) return issue('expr.unterminatedText', {}, { position });
  if (detail.includes('as object key')) return issue('expr.tableKeyExpected', {}, { position });
  const part = /^Syntax error in part "(.*)"$/s.exec(detail);
  if (part?.[1] !== undefined) {
    return issue('expr.unexpectedText', { text: part[1] }, { position: positionAt(expr, at, at + part[1].length) });
  }
  return issue('expr.syntax', { detail }, { position });
}

export type ParseResult = { ok: true; node: MathNode } | { ok: false; issue: Issue };

/** Reads one formula's text into a mathjs node tree, or says precisely why it cannot. */
export function parseFormula(expr: string): ParseResult {
  if (expr.trim() === '') return { ok: false, issue: issue('expr.empty') };
  if (expr.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, issue: issue('expr.tooLong', { max: MAX_EXPRESSION_LENGTH }) };
  }
  const { fullWidthAt, depth } = scan(expr);
  if (fullWidthAt >= 0) {
    const char = expr[fullWidthAt] ?? '';
    return {
      ok: false,
      issue: issue('expr.fullWidth', { char, replacement: FULL_WIDTH[char] ?? '' }, { position: positionAt(expr, fullWidthAt) }),
    };
  }
  if (depth > MAX_NESTING) return { ok: false, issue: issue('expr.tooComplex', { max: MAX_NESTING }) };
  try {
    return { ok: true, node: parseExpression(expr) };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, issue: syntaxIssue(expr, error) };
    if (error instanceof RangeError) return { ok: false, issue: issue('expr.tooComplex', { max: MAX_NESTING }) };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: issue('expr.syntax', { detail }) };
  }
}
