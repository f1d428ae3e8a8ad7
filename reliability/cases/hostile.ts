import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { builtInChild, CLI, copyDb, query, type CaseContext, type ReliabilityCase } from '../kit';
import { dispatch } from '../../main/api/dispatch';
import { Store } from '../../main/services/store';
import { NEXT, PASSWORDS, signIn } from '../month';
import { sharedMonth } from './kill';

/**
 * The hostile-file corpus (issue 11, item 7; data.md "Hostile and broken files"): each file is
 * imported through the operation table (and with `--full` also with the CLI, as a user would) and
 * must be refused — rejected / exit 2, a zh-CN message that names the file, no stack trace, nothing
 * stored — within 5 s of what a one-row file costs and within 500 MB peak memory of the whole
 * process (the parser's worker thread included).
 */
const TIME_LIMIT_MS = 5_000;
const MEMORY_LIMIT = 500 * 1024 * 1024;
const HEADER = '单据编号,行号,单据日期,客户编码,客户名称,存货编码,存货名称,数量,含税单价,价税合计';

interface Hostile {
  name: string;
  /** writes the file, returns its path (`full`: the issue's sizes where they only cost time) */
  make(dir: string, full: boolean): string;
  /** what the message must say besides the file name */
  says?: RegExp;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbookParts(sheets: number): Record<string, Uint8Array> {
  const list = Array.from({ length: sheets }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${list}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
  };
}

function inlineRow(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
}

const HEADER_ROW = inlineRow(1, HEADER.split(','));
const sheetXml = (rows: string): string => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

/** A zip whose one big entry inflates far past the size its headers declare. */
function lyingZip(dir: string, full: boolean): string {
  const parts = workbookParts(1);
  const marker = 'xl/worksheets/sheet1.xml';
  const row = inlineRow(2, ['A1', '1', '2026-04-01', 'D0001', '', 'S', '酱', '1', '1', '1']);
  const big = Buffer.from(sheetXml(HEADER_ROW + row.repeat(Math.ceil(((full ? 400 : 64) * 1024 * 1024) / row.length))));
  parts[marker] = new Uint8Array(0);
  // The sheet data deflated for real; both headers declare 1,000 bytes.
  const deflated = deflateRawSync(big, { level: 1 });
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const isBig = name === marker;
    const payload = isBig ? deflated : Buffer.from(data);
    const method = isBig ? 8 : 0;
    const declared = isBig ? 1000 : payload.length;
    const n = Buffer.from(name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(payload.length, 18);
    lh.writeUInt32LE(declared, 22);
    lh.writeUInt16LE(n.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(payload.length, 20);
    ch.writeUInt32LE(declared, 24);
    ch.writeUInt16LE(n.length, 28);
    ch.writeUInt32LE(offset, 42);
    out.push(lh, n, payload);
    central.push(ch, n);
    offset += 30 + n.length + payload.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const file = path.join(dir, 'lying-size.xlsx');
  writeFileSync(file, Buffer.concat([...out, cd, end]));
  return file;
}

function xlsx(dir: string, name: string, parts: Record<string, Uint8Array>): string {
  const file = path.join(dir, name);
  writeFileSync(file, zipSync(parts, { level: 6 }));
  return file;
}

const CORPUS: Hostile[] = [
  { name: '0-byte xlsx', make: (d) => (writeFileSync(path.join(d, 'empty.xlsx'), ''), path.join(d, 'empty.xlsx')) },
  {
    name: 'truncated xlsx',
    make: (d) => {
      const parts = { ...workbookParts(1), 'xl/worksheets/sheet1.xml': strToU8(sheetXml(HEADER_ROW)) };
      const full = zipSync(parts);
      const file = path.join(d, 'truncated.xlsx');
      writeFileSync(file, full.subarray(0, Math.floor(full.length * 0.6)));
      return file;
    },
  },
  { name: 'encrypted (OLE) workbook', make: (d) => (writeFileSync(path.join(d, 'encrypted.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096), Buffer.from('EncryptionInfo', 'utf16le')])), path.join(d, 'encrypted.xlsx')) },
  { name: 'zip declaring 1,000 bytes, inflating to 64 MB (--full: 400 MB)', make: lyingZip },
  {
    name: 'shared-strings bomb (3,000,000 strings)',
    make: (d) => {
      const items: string[] = [];
      for (let i = 0; i < 3_000_000; i++) items.push(`<si><t>文本${i.toString(36)}</t></si>`);
      const sst = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="3000000" uniqueCount="3000000">${items.join('')}</sst>`;
      return xlsx(d, 'shared-strings-bomb.xlsx', { ...workbookParts(1), 'xl/sharedStrings.xml': strToU8(sst), 'xl/worksheets/sheet1.xml': strToU8(sheetXml(HEADER_ROW)) });
    },
    says: /共享字符串|shared strings/,
  },
  {
    name: 'workbook of 5,000 sheets',
    make: (d) => {
      const parts = workbookParts(5000);
      for (let i = 1; i <= 5000; i++) parts[`xl/worksheets/sheet${i}.xml`] = strToU8(sheetXml(''));
      return xlsx(d, 'many-sheets.xlsx', parts);
    },
    says: /工作表|sheets/,
  },
  {
    name: '1,048,576 empty styled rows',
    make: (d) => {
      const rows: string[] = [HEADER_ROW];
      for (let r = 2; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
      return xlsx(d, 'empty-rows.xlsx', { ...workbookParts(1), 'xl/worksheets/sheet1.xml': strToU8(sheetXml(rows.join(''))) });
    },
    says: /没有数据行|no data rows/,
  },
  {
    name: 'GBK CSV of 50 MB without a line break',
    make: (d) => {
      const file = path.join(d, 'no-newline.csv');
      const fd = openSync(file, 'w');
      const chunk = iconv.encode('经销商,'.repeat(128 * 1024), 'gbk');
      for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
      closeSync(fd);
      return file;
    },
    says: /列|columns|字符|characters/,
  },
  {
    name: 'CSV with one 50 MB cell',
    make: (d) => {
      const file = path.join(d, 'huge-cell.csv');
      writeFileSync(file, iconv.encode(`${HEADER}\r\nA1,1,2026-04-01,D0001,"${'长'.repeat(25 * 1024 * 1024)}",S,酱,1,1,1\r\n`, 'gbk'));
      return file;
    },
    says: /字符|characters/,
  },
  {
    name: 'CSV of 200,000 columns',
    make: (d) => {
      const file = path.join(d, 'wide.csv');
      writeFileSync(file, `${HEADER}${',x'.repeat(200_000)}\r\n`);
      return file;
    },
    says: /列|columns/,
  },
  {
    name: 'billion laughs in the shared strings',
    make: (d) => {
      let ents = '<!ENTITY a0 "ha">';
      for (let i = 1; i < 10; i++) ents += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
      const sst = `<?xml version="1.0"?><!DOCTYPE sst [${ents}]><sst ${NS}><si><t>&a9;</t></si></sst>`;
      return xlsx(d, 'laughs.xlsx', { ...workbookParts(1), 'xl/sharedStrings.xml': strToU8(sst), 'xl/worksheets/sheet1.xml': strToU8(sheetXml(HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>')) });
    },
  },
];

interface Measured {
  /** exit code (CLI) or 2/0 for a rejected/accepted report (in process) */
  code: number | null;
  out: string;
  ms: number;
  peak: number;
  /** in process: the runner's resident size when the peak was reset, just before the import (for the log) */
  before?: number;
}

/** Runs the CLI, sampling the process's peak resident memory (VmHWM) from /proc while it runs. */
function measureCli(args: string[], env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let peak = 0;
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const sample = (): void => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid ?? 0}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // gone
      }
    };
    const timer = setInterval(sample, 10);
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearInterval(timer);
      clearTimeout(guard);
      resolve({ code, out, ms: Date.now() - started, peak });
    });
  });
}

function ownPeak(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/**
 * The same import through the operation table in this process (no start-up per file): the peak is
 * this process's high-water mark, reset before the file ("5" > /proc/self/clear_refs resets it to
 * the current size), so it counts what the runner already holds too — on the safe side.
 */
async function measureInProcess(db: string, file: string): Promise<Measured> {
  const store = new Store(db);
  try {
    const li = await signIn(store, 'li');
    try {
      writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      // not Linux: the peak then is the run's so far
    }
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const r = await dispatch(li, 'import.run', { kind: 'purchases', period: NEXT, files: [{ path: file }] });
    const ms = Date.now() - started;
    const peak = ownPeak();
    if (!r.ok) return { code: r.error.kind === 'internal' ? 1 : 2, out: `${r.error.message}`, ms, peak, before };
    const report = r.result as { status: string; errors: { file: string; message: string }[] };
    const out = [report.status, ...report.errors.slice(0, 5).map((e) => `${e.file}: ${e.message}`)].join('\n');
    return { code: report.status === 'rejected' ? 2 : 0, out, ms, peak, before };
  } finally {
    store.close();
  }
}

/**
 * Writes the corpus into `dir` — run in a child process (`run.mjs --make-hostile DIR`, kit
 * `builtInChild`) so that the generators' own memory is not counted in the imports' peak.
 */
export function makeHostileCorpus(dir: string, full: boolean): { name: string; file: string }[] {
  return CORPUS.map((h) => ({ name: h.name, file: h.make(dir, full) }));
}

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

export const hostileFiles: ReliabilityCase = {
  name: 'hostile files: refused within 5 s and 500 MB',
  tries: { quick: 1, full: 1 },
  async run(ctx: CaseContext) {
    const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
    const db = path.join(ctx.dir, 'db', 'db.sqlite');
    const env = { REBATE_DB: db, REBATE_USER: 'li', REBATE_PASSWORD: PASSWORDS['li'] ?? '', REBATE_LANG: 'zh-CN', REBATE_CONFIG_DIR: path.join(ctx.dir, 'config') };
    const importOf = (file: string): string[] => ['import', 'purchases', file, '--period', NEXT];
    // What a one-row file costs on this machine now (backup, worker start): the 5 s are on top.
    const tiny = path.join(ctx.dir, 'tiny.csv');
    writeFileSync(tiny, iconv.encode(`${HEADER}\r\nT1,1,${NEXT}-02,NO-SUCH,,S,酱,1,1,1\r\n`, 'gbk'));
    copyDb(m.imported, db);
    const base = await measureInProcess(db, tiny);
    const baseCli = ctx.full ? await measureCli(importOf(tiny), env) : null;
    ctx.log(`one-row file: ${base.ms} ms${baseCli ? ` (CLI ${baseCli.ms} ms, ${mb(baseCli.peak)})` : ''}`);
    const check = (h: Hostile, name: string, r: Measured, baseMs: number, how: string): string | null => {
      const problems: string[] = [];
      if (r.code !== 2) problems.push(`exit ${r.code}`);
      if (r.ms > baseMs + TIME_LIMIT_MS) problems.push(`${r.ms} ms`);
      if (r.peak > MEMORY_LIMIT) problems.push(`peak ${mb(r.peak)}`);
      if (!r.out.includes(name)) problems.push('message does not name the file');
      if (!/[\u4e00-\u9fff]/.test(r.out)) problems.push('no zh-CN message');
      if (/\n\s+at .+:\d+:\d+/.test(r.out)) problems.push('stack trace');
      if (r.out.length > 20_000) problems.push(`${r.out.length}-character output`);
      if (h.says && !h.says.test(r.out)) problems.push(`message does not say ${String(h.says)}`);
      const stored = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM import_files WHERE period = ?', NEXT)[0]?.n ?? 0;
      if (stored > 0) problems.push('something was stored');
      const first = r.out.split('\n').find((l) => l.includes(name) && /[\u4e00-\u9fff]/.test(l)) ?? r.out.split('\n')[0] ?? '';
      ctx.log(`${h.name}${how}: exit ${r.code}, ${r.ms} ms, ${mb(r.peak)}${r.before !== undefined ? ` (${mb(r.before)} before the file)` : ''} — ${first.trim().slice(0, 150)}`);
      return problems.length ? `${h.name}${how}: ${problems.join(', ')}` : null;
    };
    const corpusDir = path.join(ctx.dir, 'corpus');
    const made = await builtInChild<{ name: string; file: string }[]>('--make-hostile', corpusDir, ctx.full ? ['full'] : []);
    for (let round = 0; round < ctx.tries; round++) {
      for (const h of CORPUS) {
        const file = made.find((c) => c.name === h.name)?.file ?? '';
        const name = path.basename(file);
        copyDb(m.imported, db);
        ctx.attempt(check(h, name, await measureInProcess(db, file), base.ms, ''));
        if (baseCli) {
          copyDb(m.imported, db);
          ctx.attempt(check(h, name, await measureCli(importOf(file), env), baseCli.ms, ' (CLI)'));
        }
      }
    }
    // The command line's own answer to one of them (exit code, text, no stack trace), also in the quick run.
    if (!baseCli) {
      const h = CORPUS.find((c) => c.name.startsWith('zip declaring')) ?? CORPUS[0];
      const file = made.find((c) => c.name === h?.name)?.file;
      if (h && file) {
        copyDb(m.imported, db);
        const cliBase = await measureCli(importOf(tiny), env);
        copyDb(m.imported, db);
        ctx.attempt(check(h, path.basename(file), await measureCli(importOf(file), env), cliBase.ms, ' (CLI)'));
      }
    }
    rmSync(corpusDir, { recursive: true, force: true });
  },
};
