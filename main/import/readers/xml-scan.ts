// Small helpers of the byte-level (well, character-level) scanner of sheet XML: entity decoding as
// an XML parser does it, attributes of one start tag, and column references.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Text as an XML parser (saxes) hands it over: line breaks normalised (`\r\n` and `\r` → `\n`) and
 * entities decoded. An unknown entity is kept as written.
 */
export function xmlText(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e.charCodeAt(0) === 35 /* # */) {
      const code = e.charCodeAt(1) === 120 /* x */ || e.charCodeAt(1) === 88 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e] ?? whole;
  });
}

/** An attribute value as an XML parser gives it: whitespace characters become spaces, entities decoded. */
export function xmlAttr(raw: string): string {
  return xmlText(raw.replace(/[\t\n\r]/g, ' '));
}

/**
 * ExcelJS decodes the five named entities a second time in `str` and inline string cells (its
 * `utils.xmlDecode`, after the XML parser already did): mirrored, so that values stay as they were.
 */
export function excelJsSecondDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c, name: string) => (name === 'lt' || name === 'gt' || name === 'amp' || name === 'apos' || name === 'quot' ? (NAMED[name] ?? c) : c));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Calls `fn(name, rawValue)` for each attribute of the start tag `s[from, to)` (after the element
 * name; `to` is the index of its `>`). Values are raw (undecoded).
 */
export function eachAttr(s: string, from: number, to: number, fn: (name: string, raw: string) => void): void {
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    while (i < to && (isSpace(c) || c === 47)) c = s.charCodeAt(++i);
    if (i >= to) return;
    const nameStart = i;
    while (i < to && !isSpace(c) && c !== 61 /* = */) c = s.charCodeAt(++i);
    const name = s.slice(nameStart, i);
    while (i < to && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 61) continue;
    c = s.charCodeAt(++i);
    while (i < to && isSpace(c)) c = s.charCodeAt(++i);
    if (c !== 34 && c !== 39) continue;
    const end = s.indexOf(c === 34 ? '"' : "'", i + 1);
    if (end < 0 || end > to) return;
    fn(name, s.slice(i + 1, end));
    i = end + 1;
  }
}

/** 1-based column of a cell reference (`AB12` → 28); 0 when there is none. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 /* $ */) continue;
    else break;
  }
  return col;
}

/** ExcelJS's date-format test (`utils.isDateFmt`), so that the same cells are read as dates. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** ExcelJS's serial → Date (`utils.excelToDate`): UTC midnight plus the time of day. */
export function excelSerialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
