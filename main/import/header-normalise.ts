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

/**
 * A currency qualifier (data.md): a leading `本币`/`原币` or a trailing `(本币)`/`（原币）`, as 用友 and
 * 金蝶 write them (`本币价税合计`, `价税合计(原币)`). It is ignored in matching; where both columns exist,
 * the 本币 (home currency) one wins.
 */
export type CurrencyQualifier = '本币' | '原币';
const LEADING_QUALIFIER = /^(本币|原币)(?=.)/;
const TRAILING_QUALIFIER = /[([【](本币|原币)[)\]】]$/;

export function currencyQualifier(text: string): CurrencyQualifier | null {
  const s = basic(text);
  const m = LEADING_QUALIFIER.exec(s) ?? TRAILING_QUALIFIER.exec(s);
  return m ? (m[1] as CurrencyQualifier) : null;
}

function withoutQualifier(s: string): string {
  return s.replace(TRAILING_QUALIFIER, '').replace(LEADING_QUALIFIER, '');
}

export function normaliseHeader(text: string): string {
  const s = withoutQualifier(basic(text));
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
