import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type WorkbookProblem =
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'not_zip'
  | 'truncated'
  | 'not_workbook'
  | 'zip_bomb'
  | 'unsupported_compression'
  | 'too_many_sheets'
  | 'shared_strings_count'
  | 'shared_strings_size';

export class WorkbookRejected extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    /** what was exceeded, for the message (a count or a limit) */
    readonly detail = '',
  ) {
    super(problem);
  }
}

/**
 * Bounds of a workbook beyond the zip's own (issue 11, hostile files): far above any real export
 * (a month's workbook has a handful of sheets; a 1,048,576-row sheet of unique document numbers and
 * names has well under two million shared strings), low enough that a crafted file is refused in
 * seconds and well within 500 MB.
 */
export const MAX_SHEETS = 255;
export const MAX_SHARED_STRINGS = 2_000_000;
/** characters of `xl/sharedStrings.xml` (its XML, so the items' text and their tags) */
export const MAX_SHARED_CHARS = 200_000_000;

// Limits far above any real month's workbook (a million rows unpack to ~200 MB), far below what
// would exhaust memory or disk: a zip bomb is refused before anything is inflated.
const MAX_ENTRY_BYTES = 2 * 1024 ** 3;
const MAX_TOTAL_BYTES = 4 * 1024 ** 3;
const MAX_RATIO = 1000;
const MAX_META_BYTES = 16 * 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function read(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

/** Reads a zip's central directory without inflating anything. */
export class ZipDirectory {
  readonly entries = new Map<string, ZipEntry>();

  private constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  static open(file: string): ZipDirectory {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const dir = new ZipDirectory(fd, size);
      dir.load();
      return dir;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private load(): void {
    if (this.size === 0) throw new WorkbookRejected('empty');
    const head = read(this.fd, 0, Math.min(this.size, 8));
    if (head.length === 8 && head.equals(OLE_MAGIC)) {
      // An OLE compound file: either Excel 97-2003 or an xlsx encrypted with a password.
      const probe = read(this.fd, 0, Math.min(this.size, 1024 * 1024));
      throw new WorkbookRejected(probe.includes(ENCRYPTION_INFO) ? 'encrypted' : 'xls');
    }
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw new WorkbookRejected('not_zip');
    const tailLen = Math.min(this.size, 65557);
    const tail = read(this.fd, this.size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new WorkbookRejected('truncated');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > this.size) throw new WorkbookRejected('truncated');
    const cd = read(this.fd, cdOffset, cdSize);
    let p = 0;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new WorkbookRejected('truncated');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\/+/, '');
      p += 46 + nameLen + extraLen + commentLen;
      if (uncompressedSize > MAX_ENTRY_BYTES) throw new WorkbookRejected('zip_bomb');
      if (uncompressedSize > 50 * 1024 * 1024 && uncompressedSize / Math.max(1, compressedSize) > MAX_RATIO) throw new WorkbookRejected('zip_bomb');
      total += uncompressedSize;
      if (total > MAX_TOTAL_BYTES) throw new WorkbookRejected('zip_bomb');
      if (localHeaderOffset >= this.size) throw new WorkbookRejected('truncated');
      this.entries.set(name, { name, method, encrypted: (flags & 1) === 1, compressedSize, uncompressedSize, localHeaderOffset });
    }
    if (!this.entries.has('xl/workbook.xml')) throw new WorkbookRejected('not_workbook');
    for (const e of this.entries.values()) {
      if (e.encrypted) throw new WorkbookRejected('encrypted');
      if (e.method !== 0 && e.method !== 8) throw new WorkbookRejected('unsupported_compression');
    }
  }

  /** Where an entry's compressed bytes start in the file (after its local header). */
  dataStart(e: ZipEntry): number {
    const local = read(this.fd, e.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new WorkbookRejected('truncated');
    const start = e.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + e.compressedSize > this.size) throw new WorkbookRejected('truncated');
    return start;
  }

  /** The text of a small entry (workbook.xml and its relationships), inflated with a size cap. */
  text(name: string): string | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.uncompressedSize > MAX_META_BYTES) throw new WorkbookRejected('zip_bomb');
    const local = read(this.fd, e.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new WorkbookRejected('truncated');
    const start = e.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = read(this.fd, start, e.compressedSize);
    if (data.length < e.compressedSize) throw new WorkbookRejected('truncated');
    try {
      const raw = e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_META_BYTES });
      return raw.toString('utf8');
    } catch {
      throw new WorkbookRejected('truncated');
    }
  }
}

export interface SheetInfo {
  /** position in the workbook, 1-based */
  index: number;
  name: string;
  hidden: boolean;
  /** the worksheet part, e.g. `xl/worksheets/sheet1.xml` */
  part: string | null;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m?.[1];
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * Sheet names, order, hidden state and parts, from `xl/workbook.xml` and its relationships —
 * relationship targets may be relative (`worksheets/sheet1.xml`) or absolute
 * (`/xl/worksheets/sheet1.xml`, as openpyxl writes them).
 */
export function workbookSheets(zip: ZipDirectory): { sheets: SheetInfo[]; date1904: boolean } {
  const workbook = zip.text('xl/workbook.xml') ?? '';
  const rels = zip.text('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) {
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      targets.set(id, part);
    }
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const state = attr(m[0], 'state');
    if (sheets.length >= MAX_SHEETS) throw new WorkbookRejected('too_many_sheets', String(MAX_SHEETS));
    sheets.push({
      index: sheets.length + 1,
      name: xmlUnescape(attr(m[0], 'name') ?? `Sheet${sheets.length + 1}`),
      hidden: state === 'hidden' || state === 'veryHidden',
      part: rid ? (targets.get(rid) ?? null) : null,
    });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const d = attr(pr, 'date1904');
  return { sheets, date1904: d === '1' || d === 'true' };
}
