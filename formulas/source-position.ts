import type { SourcePosition } from './issues';
import { isNamePart, isNameStart } from './identifier';

/**
 * mathjs nodes carry no source positions, so to underline a name in the editor we scan the text
 * for name tokens ourselves, skipping string literals and numbers (the `e5` of `1e5` is no name).
 */

export function positionAt(expr: string, start: number, end = start + 1): SourcePosition {
  const s = Math.max(0, Math.min(start, expr.length));
  const e = Math.max(s, Math.min(end, expr.length));
  const before = expr.slice(0, s);
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { start: s, end: e, line: lines.length, column: last.length + 1 };
}

export interface NameToken {
  name: string;
  start: number;
  end: number;
}

function skipString(expr: string, i: number): number {
  const quote = expr[i];
  let j = i + 1;
  while (j < expr.length && expr[j] !== quote) j += expr[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipNumber(expr: string, i: number): number {
  let j = i;
  while (j < expr.length && /[0-9.]/.test(expr[j] ?? '')) j++;
  if (/[eE]/.test(expr[j] ?? '') && /[0-9+-]/.test(expr[j + 1] ?? '')) {
    j += 2;
    while (j < expr.length && /[0-9]/.test(expr[j] ?? '')) j++;
  }
  return j;
}

export function nameTokens(expr: string): NameToken[] {
  const tokens: NameToken[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (c === '"' || c === "'") {
      i = skipString(expr, i);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(expr[i + 1] ?? ''))) {
      i = skipNumber(expr, i);
    } else if (isNameStart(c) || c === '$') {
      let j = i + 1;
      while (j < expr.length && (isNamePart(expr[j] ?? '') || expr[j] === '$')) j++;
      tokens.push({ name: expr.slice(i, j), start: i, end: j });
      i = j;
    } else {
      i++;
    }
  }
  return tokens;
}

/** Where a name first occurs in the text (as a whole name, not inside text or another name). */
export function locateName(expr: string, name: string): SourcePosition | undefined {
  const token = nameTokens(expr).find((t) => t.name === name);
  return token ? positionAt(expr, token.start, token.end) : undefined;
}
