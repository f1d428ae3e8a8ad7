/**
 * Header text normalisation (data.md): trim, NFKC (full-width → half-width), case-insensitive,
 * whitespace and line breaks removed, a trailing unit in brackets removed. Also removed: `_`, `-`
 * and `.` (`Doc No.`, `line_no`), a `*` that templates put on required columns, a trailing colon.
 */

// A bracketed tail that says something about tax is not a unit: `金额(不含税)` must not read as 金额.
const TAX_WORDS = /税|tax|vat/;
const TAX_INCLUSIVE = /价税合计|含税|incl/;
const TAX_EXCLUSIVE = /不含税|未含税|未税|无税|除税|excl|net/;
const TRAILING_BRACKET = /^(.+?)[([【]([^()[\]【】]*)[)\]】]$/;

function basic(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/:$/, '');
}

/** A bracketed tail that marks the column as tax-inclusive; dropping it keeps the column matchable. */
function isTaxInclusiveTail(tail: string): boolean {
  return TAX_INCLUSIVE.test(tail) && !TAX_EXCLUSIVE.test(tail);
}

export function normaliseHeader(text: string): string {
  const s = basic(text);
  const m = TRAILING_BRACKET.exec(s);
  if (!m) return s;
  const [, head = '', tail = ''] = m;
  return !TAX_WORDS.test(tail) || isTaxInclusiveTail(tail) ? head : s;
}

/** Whether a header names a tax-inclusive figure (价税合计, 含税金额, `金额（含税）`). */
export function isTaxInclusiveHeader(text: string): boolean {
  const s = basic(text);
  return TAX_INCLUSIVE.test(s) && !TAX_EXCLUSIVE.test(s);
}
