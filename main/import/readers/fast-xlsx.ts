import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import type { CellValue } from '../cell-value';
import type { RawRow, ReadEvent } from './types';
import { columnOfRef, eachAttr, excelJsSecondDecode, excelSerialToDate, isDateFormat, xmlAttr, xmlText } from './xml-scan';
import { MAX_SHARED_CHARS, MAX_SHARED_STRINGS, workbookSheets, WorkbookRejected, ZipDirectory, type ZipEntry } from './zip-inspect';
import { formatCount } from '../../../domain';

/**
 * The import's own .xlsx/.xlsm reader: the zip's central directory read directly (random access:
 * shared strings and styles first, whatever order the writer stored the parts in), each part inflated
 * as a stream by Node's zlib, and the sheet XML scanned row by row by a small character-level scanner
 * (no DOM, no per-cell objects beyond the value). Number formats come from the style table once per
 * style, not per cell. Memory: the shared strings plus one inflated chunk and one row.
 *
 * Values are exactly what ExcelJS's streaming reader yields for the same cells (the differential
 * test `fast-xlsx.diff.test.ts` holds it to that), including its quirks that decide values: the
 * built-in formats it knows, a cell's own style replacing the row's, formula results read as numbers
 * unless `t="str"`, and the second entity decoding of `str`/inline cells. Where ExcelJS loses data
 * this reader does not: sheet names and hidden states from workbook.xml (absolute relationship paths,
 * openpyxl), sheets in tab order, parts of any name, `x:`-prefixed sheet XML, rows and cells without
 * an `r` reference, inline rich text (every run, not the last), phonetic runs (`rPh`) left out.
 */

/** Bytes read from the file per chunk; the inflated chunks are a few times this. */
const READ_CHUNK = 256 * 1024;
/** A row (or shared string) longer than this without its end is refused: no row of a real export is near it. */
const MAX_PENDING_CHARS = 64 * 1024 * 1024;

const DEFAULT_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Per cell style (cellXfs index): 1 = date format, 2 = percentage format. */
export interface StyleTable {
  count: number;
  kind: Uint8Array;
}

const FMT_DATE = 1;
const FMT_PERCENT = 2;

/** The style table of `xl/styles.xml`: which cell styles are dates and which percentages. */
export function parseStyles(xml: string): StyleTable {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    let id: number | undefined;
    let code: string | undefined;
    const tag = m[0];
    eachAttr(tag, 0, tag.length - 1, (name, raw) => {
      if (name === 'numFmtId') id = parseInt(raw, 10);
      else if (name === 'formatCode') code = xmlAttr(raw);
    });
    if (id !== undefined && code !== undefined) custom.set(id, code);
  }
  const kinds: number[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    let id = NaN;
    const tag = m[0];
    eachAttr(tag, 0, tag.length - 1, (name, raw) => {
      if (name === 'numFmtId') id = parseInt(raw, 10);
    });
    // ExcelJS: a numFmtId of 0 (or none) means no format; custom codes win over built-in ones.
    const fmt = id ? (custom.get(id) ?? DEFAULT_FORMATS[id]) : undefined;
    kinds.push(isDateFormat(fmt) ? FMT_DATE : 0);
    if (fmt && fmt.includes('%')) kinds[kinds.length - 1] |= FMT_PERCENT;
  }
  return { count: kinds.length, kind: Uint8Array.from(kinds) };
}

/**
 * The text chunks of one zip entry, inflated as a stream and decoded as UTF-8 across chunk
 * boundaries. An entry that inflates past its declared size is refused (a lying zip bomb).
 */
export async function* entryText(file: string, zip: ZipDirectory, entry: ZipEntry): AsyncGenerator<string> {
  const start = zip.dataStart(entry);
  const decoder = new TextDecoder('utf-8');
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: READ_CHUNK });
  const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: READ_CHUNK }));
  if (source !== raw) raw.on('error', (e) => source.destroy(e));
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw new WorkbookRejected('zip_bomb');
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (e) {
    if (e instanceof WorkbookRejected) throw e;
    throw new WorkbookRejected('truncated');
  } finally {
    source.destroy();
    raw.destroy();
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The collected `<t>` texts of a string item (shared or inline), `<rPh>` (phonetic guides) left out. */
interface StringItem {
  /** the top-level `<t>` text; null when there is none (or it is empty) */
  text: string | null;
  /** the texts of `<r>` runs, when the item is rich text */
  runs: string[] | null;
}

function collectStringItem(s: string, from: number, to: number, p: string): StringItem {
  let text: string | null = null;
  let runs: string[] | null = null;
  let runText: string | null = null;
  let inRun = false;
  let i = from;
  const tOpen = `<${p}t`;
  while (i < to) {
    const lt = s.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const gt = s.indexOf('>', lt);
    if (gt < 0 || gt > to) break;
    const closing = s.charCodeAt(lt + 1) === 47;
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < gt) {
      const c = s.charCodeAt(nameEnd);
      if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
      nameEnd++;
    }
    const name = s.slice(lt + (closing ? 2 : 1) + p.length, nameEnd);
    if (closing) {
      if (name === 'r' && inRun) {
        (runs ??= []).push(runText ?? '');
        inRun = false;
      }
      i = gt + 1;
      continue;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    if (name === 'rPh') {
      if (selfClosing) {
        i = gt + 1;
        continue;
      }
      const end = s.indexOf(`</${p}rPh>`, gt);
      i = end < 0 ? to : end + 4 + p.length;
      continue;
    }
    if (name === 'r' && !selfClosing) {
      inRun = true;
      runText = null;
      i = gt + 1;
      continue;
    }
    if (name === 't' && s.startsWith(tOpen, lt)) {
      if (selfClosing) {
        i = gt + 1;
        continue;
      }
      const end = s.indexOf('<', gt + 1);
      const value = xmlText(s.slice(gt + 1, end < 0 ? to : end));
      if (value !== '') {
        if (inRun) runText = (runText ?? '') + value;
        else text = (text ?? '') + value;
      }
      i = end < 0 ? to : end;
      continue;
    }
    i = gt + 1;
  }
  return { text, runs };
}

/** ExcelJS's shape of a shared string: rich text as `{richText}`, plain text as a string, empty as null. */
function sharedValue(item: StringItem): CellValue {
  if (item.runs && item.runs.length > 0) return { richText: item.runs.map((text) => ({ text })) };
  return item.text;
}

/**
 * A formula cell as ExcelJS hands it over. Its formula value keeps only truthy fields, so a cached
 * result of 0, '' or an error (read as NaN) is dropped and the cell reads as "no cached result"; a
 * cell with an empty formula (a shared formula's child) is kept as written, result and all.
 */
function formulaValue(formula: string, result: number | string | undefined): CellValue {
  if (!formula) return result === undefined ? { formula } : { formula, result };
  return result ? { formula, result } : { formula };
}

/** The plain text of an inline string (all runs joined). */
function inlineText(item: StringItem): string {
  return item.runs && item.runs.length > 0 ? item.runs.join('') : (item.text ?? '');
}

/** Detects the namespace prefix of the root element (`<x:worksheet`, `<x:sst` → `x:`). */
function rootPrefix(s: string, local: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(s);
  return m ? (m[1] ?? '') : null;
}

/** The shared-strings scanner: feed it text, it appends the complete items. */
export class SharedStringsScanner {
  readonly items: CellValue[] = [];
  private buf = '';
  private p: string | null = null;
  /** characters of the part read so far (the items' text is a part of it) */
  private chars = 0;

  push(chunk: string): void {
    this.chars += chunk.length;
    if (this.chars > MAX_SHARED_CHARS) throw new WorkbookRejected('shared_strings_size', (MAX_SHARED_CHARS / 1_000_000).toFixed(0));
    this.buf += chunk;
    if (this.p === null) {
      this.p = rootPrefix(this.buf, 'sst');
      if (this.p === null) {
        if (this.buf.length > MAX_PENDING_CHARS) throw new WorkbookRejected('truncated');
        return;
      }
    }
    const buf = this.buf;
    const p = this.p;
    const siOpen = `<${p}si`;
    const siClose = `</${p}si>`;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf(siOpen, pos);
      if (lt < 0) {
        pos = Math.max(pos, buf.length - siOpen.length);
        break;
      }
      if (lt + siOpen.length >= buf.length) {
        pos = lt;
        break;
      }
      const c = buf.charCodeAt(lt + siOpen.length);
      if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
        pos = lt + 1;
        continue;
      }
      const gt = buf.indexOf('>', lt);
      if (gt < 0) {
        pos = lt;
        break;
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        this.items.push(null);
        pos = gt + 1;
        continue;
      }
      const end = buf.indexOf(siClose, gt);
      if (end < 0) {
        pos = lt;
        break;
      }
      this.items.push(sharedValue(collectStringItem(buf, gt + 1, end, p)));
      pos = end + siClose.length;
      if (this.items.length > MAX_SHARED_STRINGS) throw new WorkbookRejected('shared_strings_count', formatCount(MAX_SHARED_STRINGS));
    }
    this.buf = buf.slice(pos);
    if (this.buf.length > MAX_PENDING_CHARS) throw new WorkbookRejected('truncated');
  }
}

/** Reads `xl/sharedStrings.xml` into an array, streaming. */
export async function readSharedStrings(file: string, zip: ZipDirectory, entry: ZipEntry): Promise<CellValue[]> {
  const scanner = new SharedStringsScanner();
  for await (const chunk of entryText(file, zip, entry)) scanner.push(chunk);
  return scanner.items;
}

interface SheetContext {
  shared: CellValue[] | null;
  styles: StyleTable;
  date1904: boolean;
}

/** The row scanner of one sheet: feed it text, it returns the complete rows. */
export class SheetScanner {
  private p: string | null = null;
  private buf = '';
  private lastRow = 0;
  private done = false;

  constructor(private readonly ctx: SheetContext) {}

  push(chunk: string, out: RawRow[]): void {
    if (this.done) return;
    this.buf += chunk;
    if (this.p === null) {
      this.p = rootPrefix(this.buf, 'worksheet');
      if (this.p === null) {
        if (this.buf.length > MAX_PENDING_CHARS) throw new WorkbookRejected('truncated');
        return;
      }
    }
    const consumed = this.scan(this.buf, out);
    this.buf = this.buf.slice(consumed);
    if (this.buf.length > MAX_PENDING_CHARS) throw new WorkbookRejected('truncated');
  }

  private scan(s: string, out: RawRow[]): number {
    const p = this.p ?? '';
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataEnd = `</${p}sheetData>`;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf(rowOpen, pos);
      if (lt < 0) {
        if (s.indexOf(dataEnd, pos) >= 0) this.done = true;
        return Math.max(pos, s.length - dataEnd.length);
      }
      if (lt + rowOpen.length >= s.length) return lt;
      const c = s.charCodeAt(lt + rowOpen.length);
      if (c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
        // `<rowBreaks>` and the like come after the data.
        const end = s.indexOf(dataEnd, pos);
        if (end >= 0 && end < lt) {
          this.done = true;
          return s.length;
        }
        pos = lt + 1;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0) return lt;
      let rowNo = 0;
      let rowStyle = -1;
      eachAttr(s, lt + rowOpen.length, gt, (name, raw) => {
        if (name === 'r') rowNo = parseInt(raw, 10);
        else if (name === 's') rowStyle = parseInt(raw, 10);
      });
      if (!(rowNo > 0)) rowNo = this.lastRow + 1;
      this.lastRow = rowNo;
      if (s.charCodeAt(gt - 1) === 47) {
        out.push({ row: rowNo, values: [] });
        pos = gt + 1;
        continue;
      }
      const end = s.indexOf(rowClose, gt);
      if (end < 0) {
        this.lastRow = rowNo - 1;
        return lt;
      }
      out.push(this.row(s, gt + 1, end, rowNo, rowStyle));
      pos = end + rowClose.length;
    }
  }

  private row(s: string, from: number, to: number, rowNo: number, rowStyle: number): RawRow {
    const p = this.p ?? '';
    const { styles, shared, date1904 } = this.ctx;
    const cOpen = `<${p}c`;
    const cClose = `</${p}c>`;
    // ExcelJS: a row's `s` gives its cells their format unless a cell has its own (non-zero) style.
    const rowKind = rowStyle >= 0 && rowStyle < styles.count ? (styles.kind[rowStyle] ?? 0) : 0;
    const values: CellValue[] = [];
    let percent: number[] | undefined;
    let col = 0;
    let pos = from;
    while (pos < to) {
      const lt = s.indexOf(cOpen, pos);
      if (lt < 0 || lt >= to) break;
      const ch = s.charCodeAt(lt + cOpen.length);
      if (ch !== 62 && ch !== 32 && ch !== 47 && ch !== 9 && ch !== 10 && ch !== 13) {
        pos = lt + 1;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0 || gt > to) break;
      let ref = '';
      let styleId = 0;
      let t = '';
      eachAttr(s, lt + cOpen.length, gt, (name, raw) => {
        if (name === 'r') ref = raw;
        else if (name === 's') styleId = parseInt(raw, 10);
        else if (name === 't') t = raw;
      });
      const refCol = ref ? columnOfRef(ref) : 0;
      col = refCol > 0 ? refCol : col + 1;
      if (s.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const end = s.indexOf(cClose, gt);
      const cellEnd = end < 0 || end > to ? to : end;
      pos = cellEnd + cClose.length;

      // children: <f>, <v>, <is>
      let v: string | undefined;
      let f: string | undefined;
      let inline: string | undefined;
      let i = gt + 1;
      while (i < cellEnd) {
        const a = s.indexOf('<', i);
        if (a < 0 || a >= cellEnd) break;
        if (s.charCodeAt(a + 1) === 47) {
          i = a + 2;
          continue;
        }
        const b = s.indexOf('>', a);
        if (b < 0 || b > cellEnd) break;
        const self = s.charCodeAt(b - 1) === 47;
        const n0 = a + 1 + p.length;
        const c0 = s.charCodeAt(n0);
        const c1 = s.charCodeAt(n0 + 1);
        const single = c1 === 62 || c1 === 32 || c1 === 47 || c1 === 9 || c1 === 10 || c1 === 13;
        if (single && (c0 === 118 /* v */ || c0 === 102) /* f */) {
          let text = '';
          let next = b + 1;
          if (!self) {
            const e = s.indexOf('<', b + 1);
            const stop = e < 0 || e > cellEnd ? cellEnd : e;
            text = xmlText(s.slice(b + 1, stop));
            next = stop;
          }
          if (c0 === 118) v = text;
          else f = text;
          i = next;
          continue;
        }
        if (c0 === 105 /* i */ && c1 === 115 /* s */) {
          const c2 = s.charCodeAt(n0 + 2);
          if (c2 === 62 || c2 === 32 || c2 === 47 || c2 === 9 || c2 === 10 || c2 === 13) {
            if (self) {
              inline = '';
              i = b + 1;
              continue;
            }
            const e = s.indexOf(`</${p}is>`, b);
            const stop = e < 0 || e > cellEnd ? cellEnd : e;
            inline = inlineText(collectStringItem(s, b + 1, stop, p));
            i = stop;
            continue;
          }
        }
        i = b + 1;
      }

      let value: CellValue;
      if (f !== undefined) {
        value = formulaValue(f, v === undefined ? undefined : t === 'str' ? excelJsSecondDecode(v) : parseFloat(v));
      } else {
        const text = inline ?? v;
        if (text === undefined) continue;
        if (t === 's') value = shared ? shared[parseInt(text, 10)] : undefined;
        else if (t === 'inlineStr' || t === 'str') value = excelJsSecondDecode(text);
        else if (t === 'e') value = { error: text };
        else if (t === 'b') value = parseInt(text, 10) !== 0;
        else {
          const kind = styleId > 0 && styleId < styles.count ? (styles.kind[styleId] ?? 0) : rowKind;
          const n = parseFloat(text);
          value = kind & FMT_DATE ? excelSerialToDate(n, date1904) : n;
        }
      }
      if (value === null || value === undefined) continue;
      values[col - 1] = value;
      const kind = styleId > 0 && styleId < styles.count ? (styles.kind[styleId] ?? 0) : rowKind;
      if (kind & FMT_PERCENT) (percent ??= []).push(col - 1);
    }
    return percent ? { row: rowNo, values, percent } : { row: rowNo, values };
  }
}

/**
 * Streams an .xlsx/.xlsm sheet by sheet (tab order), row by row. Hidden sheets are announced but
 * their rows are not read.
 */
export async function* readXlsxFast(file: string): AsyncGenerator<ReadEvent> {
  const zip = ZipDirectory.open(file);
  try {
    const info = workbookSheets(zip);
    const stylesXml = zip.text('xl/styles.xml');
    const styles = stylesXml ? parseStyles(stylesXml) : { count: 0, kind: new Uint8Array(0) };
    const sstEntry = zip.entries.get('xl/sharedStrings.xml') ?? sharedStringsByRel(zip);
    const shared = sstEntry ? await readSharedStrings(file, zip, sstEntry) : null;
    const ctx: SheetContext = { shared, styles, date1904: info.date1904 };
    for (const sheet of info.sheets) {
      const entry = sheet.part ? zip.entries.get(sheet.part) : undefined;
      if (!entry) continue;
      yield { type: 'sheet', sheet: { name: sheet.name, index: sheet.index, hidden: sheet.hidden } };
      if (sheet.hidden) continue;
      const scanner = new SheetScanner(ctx);
      const rows: RawRow[] = [];
      for await (const chunk of entryText(file, zip, entry)) {
        scanner.push(chunk, rows);
        for (const row of rows) yield { type: 'row', row };
        rows.length = 0;
      }
    }
  } finally {
    zip.close();
  }
}

/** The shared strings part when a writer put it elsewhere (named in the workbook's relationships). */
function sharedStringsByRel(zip: ZipDirectory): ZipEntry | undefined {
  const rels = zip.text('xl/_rels/workbook.xml.rels') ?? '';
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/sharedStrings"/.test(m[0])) continue;
    const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    if (!target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return zip.entries.get(part);
  }
  return undefined;
}
