/**
 * Which characters may form a name in a formula. mathjs accepts Latin and Greek letters; sales
 * operations staff write Chinese, so CJK ideographs are letters too. Full-width punctuation
 * (（），：) is deliberately NOT a letter: it is a typing slip that gets its own hint.
 */

const CJK_IDEOGRAPH = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]$/;

export function isCjkIdeograph(c: string): boolean {
  return CJK_IDEOGRAPH.test(c);
}

const NAME_START = /^[A-Za-z_\u00C0-\u02AF\u0370-\u03FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]$/;
const NAME_PART = /^[A-Za-z0-9_\u00C0-\u02AF\u0370-\u03FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]$/;

export function isNameStart(c: string): boolean {
  return NAME_START.test(c);
}

export function isNamePart(c: string): boolean {
  return NAME_PART.test(c);
}

/**
 * Words the parser reads as operators or constants, so they can never be names — and the names of
 * JavaScript's object machinery, which a name would be silently lost into (`__proto__`).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in',
  'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
  '__proto__', 'constructor', 'prototype',
]);

export const MAX_NAME_LENGTH = 64;

/** A name a policy may give to a formula or parameter (the `$` mathjs allows is left out on purpose). */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || RESERVED_WORDS.has(name)) return false;
  const chars = [...name];
  const first = chars[0];
  return first !== undefined && isNameStart(first) && chars.every(isNamePart);
}
