// Form sheets (statements: a fixed, small layout) written as SpreadsheetML directly, without
// ExcelJS: one style table shared by every sheet, each sheet's XML built as one string, the package
// zipped by our small zip writer (Node's zlib; the parts every package shares compressed once). Same guarantees as the ExcelJS writer: a text cell is always an inline string
// (never a formula, whatever it starts with), characters XML cannot carry are escaped, numbers are
// written only when finite, dates as serial numbers with a date format.
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { prepareEntry, ZipBuilder, type PreparedEntry } from './zip-writer';
import { cellValue, COLUMN_FORMATS, formRowHeight, sheetName, type ColumnType, type FormCell, type FormSheet } from './xlsx-writer';
import { partialPath, removeLeftovers } from '../util/partial-files';
import { workerScript } from '../import/run-worker';
import type { StatementFilesDone, StatementFilesJob } from './statement-files-protocol';

/** The number formats of the table writer (one home), text cells left at the default. */
const FORMATS: Partial<Record<ColumnType, string>> = Object.fromEntries(Object.entries(COLUMN_FORMATS).filter(([t]) => t !== 'text'));
const FORMAT_IDS: Partial<Record<ColumnType, number>> = {};
Object.keys(FORMATS).forEach((t, i) => (FORMAT_IDS[t as ColumnType] = 164 + i));

type Role = NonNullable<FormCell['style']> | 'plain' | 'plain-wrap';
const ROLES: Role[] = ['plain', 'plain-wrap', 'title', 'subtitle', 'section', 'label', 'header', 'total', 'warning', 'sign', 'note'];
const TYPES: (ColumnType | 'none')[] = ['none', 'money', 'rate', 'date', 'datetime', 'int', 'decimal', 'number'];

// fonts: 0 default, 1 bold, 2 bold 16, 3 grey 11, 4 bold 12, 5 bold 12 red, 6 grey 9
const FONTS = [
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font>',
  '<font><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="12"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/></font>',
  '<font><sz val="9"/><color rgb="FF7F7F7F"/><name val="Calibri"/><family val="2"/></font>',
];
const FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F4F7"/><bgColor indexed="64"/></patternFill></fill>'];
const THIN = '<color rgb="FFBFBFBF"/>';
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="double"><color rgb="FF7F7F7F"/></top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
];

/** font, fill, border, alignment of each role (as the ExcelJS writer styles form cells) */
const ROLE_STYLE: Record<Role, { font: number; fill: number; border: number; align: string }> = {
  plain: { font: 0, fill: 0, border: 1, align: '<alignment vertical="top"/>' },
  'plain-wrap': { font: 0, fill: 0, border: 1, align: '<alignment vertical="top" wrapText="1"/>' },
  title: { font: 2, fill: 0, border: 0, align: '' },
  subtitle: { font: 3, fill: 0, border: 0, align: '' },
  section: { font: 4, fill: 0, border: 0, align: '' },
  label: { font: 1, fill: 2, border: 1, align: '<alignment vertical="top"/>' },
  header: { font: 1, fill: 2, border: 1, align: '<alignment horizontal="center" vertical="center" wrapText="1"/>' },
  total: { font: 1, fill: 0, border: 2, align: '' },
  warning: { font: 5, fill: 0, border: 0, align: '' },
  sign: { font: 0, fill: 0, border: 1, align: '<alignment horizontal="left" vertical="top" wrapText="1"/>' },
  note: { font: 6, fill: 0, border: 0, align: '' },
};

/** The cellXfs index of a role and a number format: xf 0 is the default, then role × type. */
function styleIndex(role: Role, type: ColumnType | 'none'): number {
  return 1 + ROLES.indexOf(role) * TYPES.length + TYPES.indexOf(type);
}

function buildStyles(): string {
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (const role of ROLES) {
    const r = ROLE_STYLE[role];
    for (const type of TYPES) {
      const fmt = type === 'none' ? 0 : (FORMAT_IDS[type] ?? 0);
      const apply = `${fmt ? ' applyNumberFormat="1"' : ''}${r.font ? ' applyFont="1"' : ''}${r.fill ? ' applyFill="1"' : ''}${r.border ? ' applyBorder="1"' : ''}${r.align ? ' applyAlignment="1"' : ''}`;
      xfs.push(r.align ? `<xf numFmtId="${fmt}" fontId="${r.font}" fillId="${r.fill}" borderId="${r.border}" xfId="0"${apply}>${r.align}</xf>` : `<xf numFmtId="${fmt}" fontId="${r.font}" fillId="${r.fill}" borderId="${r.border}" xfId="0"${apply}/>`);
    }
  }
  const numFmts = Object.entries(FORMATS).map(([t, f]) => `<numFmt numFmtId="${FORMAT_IDS[t as ColumnType]}" formatCode="${escapeAttr(f ?? '')}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts><fonts count="${FONTS.length}">${FONTS.join('')}</fonts><fills count="${FILLS.length}">${FILLS.join('')}</fills><borders count="${BORDERS.length}">${BORDERS.join('')}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
}

const STYLES_XML = buildStyles();

/**
 * Text for XML as ExcelJS's writer escapes it: the markup characters escaped, and the control
 * characters XML 1.0 cannot carry (other than tab and line breaks) and DEL left out.
 */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38) out += '&amp;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    else if (c === 34) out += '&quot;';
    else if (c === 39) out += '&apos;';
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) continue;
    else out += s[i];
  }
  return out;
}

function escapeAttr(s: string): string {
  return escapeText(s);
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Excel's serial number of a date (1900 system) as ExcelJS computes it. */
function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

function cellXml(ref: string, c: FormCell, blank: boolean): string {
  const type = c.type ?? 'text';
  const role: Role = c.style ?? (type === 'text' ? 'plain-wrap' : 'plain');
  const fmtType = type === 'text' ? 'none' : type;
  const s = styleIndex(role, fmtType);
  const v = blank ? null : cellValue(type, c.value);
  if (v === null || v === undefined) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${s}"><v>${String(v)}</v></c>` : `<c r="${ref}" s="${s}"/>`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}" s="${s}"><v>${String(dateSerial(v))}</v></c>`;
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(String(v))}</t></is></c>`;
}

/** One form sheet as worksheet XML. */
export function formSheetXml(sheet: FormSheet): string {
  const merges: string[] = [];
  const rows: string[] = [];
  let maxCol = sheet.widths.length;
  sheet.rows.forEach((cells, i) => {
    const r = i + 1;
    let col = 1;
    let xml = '';
    let hasValue = false;
    for (const c of cells) {
      const cell = cellXml(`${colName(col)}${r}`, c, false);
      if (cell.endsWith('</c>')) hasValue = true;
      xml += cell;
      const span = c.span ?? 1;
      if (span > 1) {
        hasValue = true; // a merged range is a row with content, even blank (as in ExcelJS)
        // merged neighbours carry the same border so a boxed value reads as one cell
        for (let k = 1; k < span; k++) xml += cellXml(`${colName(col + k)}${r}`, c, true);
        merges.push(`<mergeCell ref="${colName(col)}${r}:${colName(col + span - 1)}${r}"/>`);
      }
      col += span;
    }
    maxCol = Math.max(maxCol, col - 1);
    const height = formRowHeight(cells, sheet.widths);
    const attrs = `r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}`;
    // as ExcelJS writes a layout: a line without any value is no row, or an empty row of its height
    if (hasValue) rows.push(`<row ${attrs}>${xml}</row>`);
    else if (height) rows.push(`<row ${attrs}/>`);
  });
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const last = `${colName(Math.max(1, maxCol))}${Math.max(1, sheet.rows.length)}`;
  const footer = sheet.pageFooter ? `<headerFooter><oddFooter>${escapeText(sheet.pageFooter)}</oddFooter></headerFooter>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${sheet.portrait ? 'portrait' : 'landscape'}" fitToWidth="1" fitToHeight="${sheet.onePage ? 1 : 0}"/>` +
    footer +
    '</worksheet>'
  );
}

function contentTypes(sheets: number): string {
  let over = '';
  for (let i = 1; i <= sheets; i++) over += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    `${over}</Types>`
  );
}

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';

const APP_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Rebate Desk</Application></Properties>';

function coreXml(now: Date): string {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Rebate Desk</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`;
}

function workbookXml(names: string[]): string {
  let sheets = '';
  names.forEach((n, i) => (sheets += `<sheet name="${escapeAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`
  );
}

function workbookRels(count: number): string {
  let rels = '';
  for (let i = 1; i <= count; i++) rels += `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

let shared: { rootRels: PreparedEntry; app: PreparedEntry; styles: PreparedEntry; types1: PreparedEntry; rels1: PreparedEntry } | null = null;
/** The parts every one-sheet statement file shares, compressed once. */
function sharedParts(): NonNullable<typeof shared> {
  shared ??= {
    rootRels: prepareEntry('_rels/.rels', ROOT_RELS),
    app: prepareEntry('docProps/app.xml', APP_XML),
    styles: prepareEntry('xl/styles.xml', STYLES_XML),
    types1: prepareEntry('[Content_Types].xml', contentTypes(1)),
    rels1: prepareEntry('xl/_rels/workbook.xml.rels', workbookRels(1)),
  };
  return shared;
}

let core: { at: number; entry: PreparedEntry } | null = null;
/** The document properties of a run's files (the same moment in each), compressed once. */
function coreEntry(now: Date): PreparedEntry {
  if (core?.at !== now.getTime()) core = { at: now.getTime(), entry: prepareEntry('docProps/core.xml', coreXml(now)) };
  return core.entry;
}

/**
 * A workbook of one form sheet, as bytes (a statement file): small, so zipped in memory. Its own
 * parts are deflated at level 1: on a sheet of a few kilobytes that is a few per cent larger and
 * several times faster, and a run writes ten thousand of them.
 */
export function formWorkbookBytes(sheet: FormSheet, now = new Date()): Buffer {
  const p = sharedParts();
  const zip = new ZipBuilder(now);
  const parts = [
    zip.add(p.types1),
    zip.add(p.rootRels),
    zip.add(p.app),
    zip.add(coreEntry(now)),
    zip.addText('xl/workbook.xml', workbookXml([sheetName(sheet.name)]), 1),
    zip.add(p.rels1),
    zip.add(p.styles),
    zip.addText('xl/worksheets/sheet1.xml', formSheetXml(sheet), 1),
  ];
  parts.push(zip.finish());
  return Buffer.concat(parts);
}

/** Writes a workbook of form sheets (a sheet per statement) as a stream: memory stays bounded. */
export async function writeFormWorkbook(file: string, sheets: Iterable<FormSheet> | AsyncIterable<FormSheet>, signal?: AbortSignal): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  removeLeftovers(path.dirname(path.resolve(file)), path.basename(file));
  const tmp = partialPath(file);
  const out = createWriteStream(tmp);
  let failed: unknown = null;
  out.on('error', (e) => (failed = e));
  const zip = new ZipBuilder();
  const names: string[] = [];
  try {
    for await (const sheet of sheets) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (failed) throw failed;
      names.push(sheetName(sheet.name));
      out.write(zip.addText(`xl/worksheets/sheet${names.length}.xml`, formSheetXml(sheet)));
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    const p = sharedParts();
    out.write(zip.addText('[Content_Types].xml', contentTypes(names.length)));
    out.write(zip.add(p.rootRels));
    out.write(zip.add(p.app));
    out.write(zip.addText('docProps/core.xml', coreXml(new Date())));
    out.write(zip.addText('xl/workbook.xml', workbookXml(names)));
    out.write(zip.addText('xl/_rels/workbook.xml.rels', workbookRels(names.length)));
    out.write(zip.add(p.styles));
    out.end(zip.finish());
    await finished(out);
    if (failed) throw failed;
    await rename(tmp, file);
  } catch (e) {
    // wait for the stream to close (it may still be opening the file) before removing it, or the
    // open would create the temporary file again after the removal
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
    await rm(tmp, { force: true });
    throw e;
  }
}

type Item = { file: string; sheet: FormSheet };

/** One file written whole at its place: a temporary name beside it, renamed when written, removed on a failure. */
function writeOneSync(item: Item, now: Date): void {
  const tmp = partialPath(item.file);
  try {
    writeFileSync(tmp, formWorkbookBytes(item.sheet, now));
    renameSync(tmp, item.file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A worker's part of writeFormFiles (the import's worker script runs it): every file of the job, in order; the first failure ends it. */
export function writeStatementFilesJob(job: StatementFilesJob): StatementFilesDone {
  const now = new Date(job.now);
  try {
    for (const item of job.items) writeOneSync(item, now);
    return { type: 'statement-files-done', id: job.id, error: null };
  } catch (e) {
    return { type: 'statement-files-done', id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Statements a worker is given at once (one message each way per job). */
const JOB_SIZE = 50;
/** Jobs a worker holds (one written, one waiting): the main thread builds the next meanwhile. */
const JOBS_PER_WORKER = 2;
/** Fewer statements than this are written on the main thread: a worker's start would cost more than it saves. */
const WORKERS_FROM = 400;

export interface FormFilesOptions {
  /** workers writing the files: one per core by default (REBATE_EXPORT_WORKERS overrides; 0 writes on the main thread) */
  workers?: number;
  /** fewer statements than this are written on the main thread (default 400) */
  workersFrom?: number;
  /** the moment the files carry (their zip times and document properties); now by default */
  now?: Date;
}

function exportWorkers(o: FormFilesOptions): number {
  const env = Number(process.env['REBATE_EXPORT_WORKERS']);
  if (o.workers !== undefined) return o.workers;
  if (process.env['REBATE_EXPORT_WORKERS'] !== undefined && Number.isInteger(env) && env >= 0) return env;
  return Math.min(4, availableParallelism());
}

/**
 * Writes one file per form sheet. A big run (statements for thousands of distributors) is written
 * by a pool of worker threads, one per core: the main thread reads the rows and lays out each
 * sheet, the workers turn sheets into workbooks and write them, 50 at a time, each file whole or
 * not at all. A small run is written here, several files at a time. Either way every write started
 * is finished (or its temporary file removed) before this returns or throws — a caller that removes
 * the files of a failed or cancelled run finds them all.
 */
export async function writeFormFiles(items: Iterable<Item> | AsyncIterable<Item>, signal?: AbortSignal, options: FormFilesOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const workers = exportWorkers(options);
  const from = options.workersFrom ?? (Number(process.env['REBATE_EXPORT_WORKERS_FROM']) || WORKERS_FROM);
  const source = (async function* () {
    yield* items;
  })();
  // the first statements decide: a small run stays on this thread
  const head: Item[] = [];
  let ended = false;
  if (workers > 0) {
    while (head.length < from) {
      const n = await source.next();
      if (n.done) {
        ended = true;
        break;
      }
      head.push(n.value);
    }
  }
  const all = (async function* () {
    yield* head;
    if (!ended) yield* source;
  })();
  if (workers === 0 || (ended && head.length < from)) return writeHere(all, signal, now);
  return writeInWorkers(all, signal, now, workers);
}

/** On the main thread: each file's bytes built here, 16 writes in flight (the disk works while the next are built). */
async function writeHere(items: AsyncIterable<Item>, signal: AbortSignal | undefined, now: Date): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failed: unknown = null;
  try {
    for await (const { file, sheet } of items) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (failed) throw failed;
      const bytes = formWorkbookBytes(sheet, now);
      // whole or not at all: a temporary name beside it, renamed when written
      const tmp = partialPath(file);
      const p: Promise<void> = writeFile(tmp, bytes)
        .then(() => rename(tmp, file))
        .catch(async (e: unknown) => {
          await rm(tmp, { force: true });
          throw e;
        })
        .catch((e: unknown) => {
          failed ??= e;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
  } finally {
    // every write started is finished (or removed) before this returns or throws
    await Promise.allSettled(inFlight);
  }
  if (failed) throw failed;
}

interface PoolWorker {
  worker: Worker;
  /** jobs sent and not yet answered */
  pending: Map<number, () => void>;
}

/** In a pool of workers: jobs of 50 sheets to the idlest worker (a new one while the pool is not full), at most two a worker. */
async function writeInWorkers(items: AsyncIterable<Item>, signal: AbortSignal | undefined, now: Date, size: number): Promise<void> {
  const script = workerScript();
  const pool: PoolWorker[] = [];
  let failed: unknown = null;
  let nextId = 0;
  let wake: (() => void) | null = null;
  const woken = (): void => {
    wake?.();
    wake = null;
  };
  const start = (): PoolWorker => {
    const w: PoolWorker = { worker: new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } }), pending: new Map() };
    w.worker.on('message', (m: StatementFilesDone) => {
      if (m.type !== 'statement-files-done') return;
      if (m.error !== null) failed ??= new Error(m.error);
      w.pending.get(m.id)?.();
      w.pending.delete(m.id);
      woken();
    });
    const lost = (e: unknown): void => {
      failed ??= e instanceof Error ? e : new Error(`statement worker stopped (${String(e)})`);
      for (const done of w.pending.values()) done();
      w.pending.clear();
      woken();
    };
    w.worker.on('error', lost);
    w.worker.on('exit', (code) => {
      if (w.pending.size > 0) lost(code);
    });
    pool.push(w);
    return w;
  };
  const inFlight: Promise<void>[] = [];
  const send = async (job: Item[]): Promise<void> => {
    // a worker with room (started when the others are full, up to the pool's size), else wait for one
    for (;;) {
      if (failed) throw failed;
      const least = pool.reduce<PoolWorker | undefined>((a, w) => (!a || w.pending.size < a.pending.size ? w : a), undefined);
      const free = least && least.pending.size === 0 ? least : pool.length < size ? start() : least && least.pending.size < JOBS_PER_WORKER ? least : undefined;
      if (free) {
        const id = nextId++;
        inFlight.push(new Promise<void>((resolve) => free.pending.set(id, resolve)));
        free.worker.postMessage({ type: 'statement-files', id, now: now.getTime(), items: job } satisfies StatementFilesJob);
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  try {
    let job: Item[] = [];
    for await (const item of items) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      job.push(item);
      if (job.length >= JOB_SIZE) {
        await send(job);
        job = [];
      }
    }
    if (job.length > 0) await send(job);
  } finally {
    // every job sent is written (or failed without a partial file) before this returns or throws
    await Promise.allSettled(inFlight);
    await Promise.allSettled(pool.map((w) => w.worker.terminate()));
  }
  if (failed) throw failed;
}
