/**
 * The row pipeline for one file: sheet and row events in (from readXlsx or csvEvents), typed records
 * and issues out. Pure: no database, no worker, no Electron.
 *
 *   const importer = new FileImporter(options, (record) => store(record));
 *   importer.sheet(start);   // each sheet, hidden ones too (they then have no rows)
 *   importer.row(raw);       // the rows of the current sheet, in order
 *   const result = importer.finish();
 *
 * or `await importRows(events, options, onRecord)` over an event stream: a CSV that cannot be read
 * (CsvRejected from csvEvents) becomes the file's error; anything else the reader throws
 * (WorkbookRejected) propagates to the caller.
 *
 * The result: the FileSummary, errors and warnings (capped) with exact counts, one template per
 * distinct header read (to save the mapping), `preview` — the file's first 20 records — and
 * `mappings` — each read sheet's header row and column → field, for the 识别与映射 step.
 *
 * Per sheet, the rows up to HEADER_SEARCH_ROWS are held until the header is found (a saved template
 * first, then the automatic search with the user's override); the rest stream through one at a
 * time. Every data row is read field by field; a row with any error produces no record, so records
 * may arrive from a file that ends up with errors: the caller must store nothing of a file (or of the
 * whole import) whose `errorCount` is not 0.
 *
 * Decisions beyond data.md:
 * - The override applies to every sheet read; a header row chosen by hand disables the templates.
 * - Totals rows: see totals-check.ts (sum since the header or since the previous totals row).
 * - Returns: quantity is stored as its magnitude too, like the amount.
 * - Padded code matches and name mismatches are reported once per file per code (and name), not
 *   on every row of that distributor; other row issues are reported at every row.
 * - A sheet with no non-blank cell at all is skipped as 'no_header' without a warning (workbooks
 *   carry empty Sheet2, Sheet3).
 * - `masterCodes: null` for a kind other than distributors means codes are not checked.
 * - Issues are capped per list (errors, warnings) at `maxIssues`; counts stay exact.
 * - `template` (one) and `templates` (the kind's saved ones) are both accepted; the first whose
 *   header signature is in the sheet applies.
 * - An issue's `value` is the cell as displayed: '' for a blank cell.
 */
import { AmountChoice } from './amount-choice';
import { CsvRejected } from './csv-events';
import { DocumentCarry } from './doc-lines';
import type { ChoiceReason, HeaderAmbiguity, HeaderColumn } from './header-match';
import { isBlankCells, isBlankValue, MONEY_FIELD, planColumns, type PlannedColumn } from './field-plan';
import { templateOf, type FindHeaderResult, type HeaderMatch, type MappingOverride, type MappingTemplate } from './headers';
import { DEFAULT_MAX_ISSUES, IssueLog, NO_PLACE, type IssuePlace } from './issue-log';
import { KIND_DEFS, type FieldName, type Kind } from './kinds';
import { LayoutGuard } from './layout-guard';
import type { MessageKey, MessageParams } from './messages';
import type { RawRow, ReadEvent, SheetStart } from './readers/types';
import type { FileSummary, ImportIssue, ImportRecord, SheetSummary } from './records';
import { RowCursor } from './row-cursor';
import { buildRecord } from './row-records';
import { emptyFieldValues, KindRules, type FieldValues } from './row-rules';
import { HEADER_SEARCH_ROWS, headerRows, locateHeader } from './sheet-header';
import { headerIssues, sheetMapping, type SheetMapping } from './sheet-mapping';
import { isTotalsRowFast, TotalsCheck } from './totals-check';
import { centsToMoney, isPeriod, moneyToCents } from '../../domain';

export { csvEvents, CsvRejected } from './csv-events';
export type { SheetMapping } from './sheet-mapping';

export interface FileImportOptions {
  /** the name issues give the file (its base name) */
  file: string;
  kind: Kind;
  /** `YYYY-MM` for purchases, returns, promotions and claims; `null` for distributors */
  period: string | null;
  /** distributor codes of the master data; `null` for distributors (or to not check codes) */
  masterCodes: readonly string[] | null;
  /** code → name of the master data, for the name-mismatch warning */
  masterNames?: ReadonlyMap<string, string> | undefined;
  /** read only these sheets (CLI `--sheet`); else every visible sheet */
  sheets?: readonly string[] | undefined;
  /** a saved mapping, tried before `templates` */
  template?: MappingTemplate | null | undefined;
  /** the saved mappings of the kind: the first whose header signature a sheet has is applied */
  templates?: readonly MappingTemplate[] | undefined;
  /** the user's column choices for this file */
  override?: MappingOverride | undefined;
  /** the workbook uses the 1904 date system */
  date1904?: boolean | undefined;
  /** issues stored per list (errors, warnings); counting goes on beyond it. Default 5000. */
  maxIssues?: number | undefined;
}

export interface FileImportResult {
  summary: FileSummary;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  errorCount: number;
  warningCount: number;
  /** one per distinct header read, for saving the mapping */
  templates: MappingTemplate[];
  /** the file's first records, for the UI's 识别与映射 step */
  preview: ImportRecord[];
  /** each read sheet's header: row, column → field, header text */
  mappings: SheetMapping[];
  /**
   * What was inferred rather than read as written (the report's 识别说明): currency qualifiers
   * ignored, which amount column won and why, rows filled down, distributors found by name.
   */
  inferred: ImportIssue[];
}

export const PREVIEW_RECORDS = 20;


type Phase = 'none' | 'skip' | 'search' | 'decide' | 'read';

/** A sheet whose amount column is decided from its first documents (amount-choice.ts): rows held meanwhile. */
type Pending = { summary: SheetSummary; match: HeaderMatch; ambiguity: HeaderAmbiguity; choice: AmountChoice; rows: RawRow[] };

/** The closest a skipped sheet came to a header, for the file's error when no sheet has one. */
type Closest = { sheet: string; row: number; missing: readonly FieldName[] };

/** The state of the sheet being read, once its header is found. */
type SheetReading = {
  summary: SheetSummary;
  plan: readonly PlannedColumn[];
  money: PlannedColumn | null;
  cursor: RowCursor;
  totals: TotalsCheck;
  carry: DocumentCarry;
  guard: LayoutGuard;
  headerRow: number;
  repeatedHeaderNoted: boolean;
};

export class FileImporter {
  private readonly kind: Kind;
  private readonly log: IssueLog;
  private readonly rules: KindRules;
  private readonly templates: readonly MappingTemplate[];
  private readonly selected: ReadonlySet<string> | null;
  /** the current row's values; fresh per sheet, since a field of one sheet may be missing from the next */
  private values: FieldValues = emptyFieldValues();
  private readonly sheets: SheetSummary[] = [];
  private readonly savedTemplates = new Map<string, MappingTemplate>();
  private readonly mappings: SheetMapping[] = [];
  private readonly preview: ImportRecord[] = [];
  private phase: Phase = 'none';
  private current: SheetSummary | null = null;
  private buffered: RawRow[] = [];
  private reading: SheetReading | null = null;
  private pending: Pending | null = null;
  private readonly inferred: ImportIssue[] = [];
  /** continuation rows filled down, and the sheets they are in */
  private filled = 0;
  private readonly filledSheets = new Set<string>();
  private closest: Closest | null = null;
  /** a problem already explains why nothing was read (a bad CSV, a bad override) */
  private explained = false;
  private records = 0;
  private totalCents = 0n;
  /** rows received, for progress */
  rowsRead = 0;

  constructor(
    private readonly options: FileImportOptions,
    private readonly onRecord: (record: ImportRecord) => void,
  ) {
    if (options.period !== null && !isPeriod(options.period)) throw new RangeError(`period must be YYYY-MM: ${options.period}`);
    this.kind = options.kind;
    this.log = new IssueLog(options.file, options.maxIssues ?? DEFAULT_MAX_ISSUES);
    this.rules = new KindRules(options);
    this.templates = [...(options.template ? [options.template] : []), ...(options.templates ?? [])];
    this.selected = options.sheets && options.sheets.length > 0 ? new Set(options.sheets) : null;
  }

  sheet(s: SheetStart): void {
    this.endSheet();
    const summary: SheetSummary = { name: s.name, header_row: null, rows: 0 };
    this.sheets.push(summary);
    this.current = summary;
    if (s.hidden) this.skip('hidden');
    else if (this.selected && !this.selected.has(s.name)) this.skip('not_selected');
    else this.phase = 'search';
  }

  row(r: RawRow): void {
    this.rowsRead++;
    switch (this.phase) {
      case 'read':
        this.dataRow(r);
        return;
      case 'decide':
        this.decideRow(r);
        return;
      case 'search':
        if (r.row <= HEADER_SEARCH_ROWS) this.buffered.push(r);
        else {
          this.findHeader();
          this.route(r);
        }
        return;
      case 'skip':
        return;
      case 'none':
        throw new Error('FileImporter.row() before the first sheet()');
    }
  }

  /** A problem that makes the whole file unreadable (a malformed CSV); stored whatever the cap. */
  fileError(key: MessageKey, params: MessageParams): void {
    this.explained = true;
    const row = typeof params['row'] === 'number' ? params['row'] : null;
    this.log.add('error', key, params, { ...NO_PLACE, sheet: this.current?.name ?? null, row }, true);
  }

  finish(): FileImportResult {
    this.endSheet();
    if (this.mappings.length === 0 && !this.explained) this.noSheetRead();
    const mixed = this.rules.mixedSigns();
    if (mixed) {
      const { positive, negative, example } = mixed;
      this.log.add('warning', 'import.returns.mixed_signs', { positive, negative, sheet: example.sheet ?? '', row: example.row ?? 0 }, example, true);
    }
    if (this.filled > 0) {
      const params = { rows: this.filled, sheets: [...this.filledSheets].join('\u0001') };
      this.log.add('warning', 'import.filldown.rows', params, NO_PLACE, true);
      this.note('import.inferred.filled_down', params, NO_PLACE);
    }
    const { rows, names } = this.rules.byName;
    if (rows > 0) this.note('import.inferred.names_used', { rows, names: names.size }, NO_PLACE);
    const { log } = this;
    return {
      summary: { file: this.options.file, kind: this.kind, sheets: this.sheets, rows: this.records, total: centsToMoney(this.totalCents) },
      errors: log.errors,
      warnings: log.warnings,
      errorCount: log.errorCount,
      warningCount: log.warningCount,
      templates: [...this.savedTemplates.values()],
      preview: this.preview,
      mappings: this.mappings,
      inferred: this.inferred,
    };
  }

  private note(key: MessageKey, params: MessageParams, place: IssuePlace): void {
    if (this.inferred.length < (this.options.maxIssues ?? DEFAULT_MAX_ISSUES)) this.inferred.push({ file: this.options.file, ...place, key, params });
  }

  /** A row after the header, once the header is found: held while the amount is decided, else read. */
  private route(r: RawRow): void {
    if (this.phase === 'decide') this.decideRow(r);
    else if (this.phase === 'read') this.dataRow(r);
  }

  private skip(reason: NonNullable<SheetSummary['skipped']>): void {
    if (this.current) this.current.skipped = reason;
    this.phase = 'skip';
  }

  private endSheet(): void {
    if (this.phase === 'search') this.findHeader();
    if (this.phase === 'decide') this.decide();
    this.phase = 'none';
    this.reading = null;
  }

  private findHeader(): void {
    const buffered = this.buffered;
    this.buffered = [];
    const summary = this.current;
    if (!summary) return;
    if (buffered.every((r) => isBlankCells(r.values))) {
      this.skip('no_header');
      return;
    }
    const found = locateHeader(headerRows(buffered), this.kind, this.templates, this.options.override ?? {});
    if (!found.ok) {
      this.noHeader(summary.name, found);
      this.skip('no_header');
      return;
    }
    const match = found.match;
    const money = MONEY_FIELD[this.kind];
    const ambiguity = match.ambiguities.find((a) => a.field === money);
    const docIndex = match.fieldColumns.doc_no;
    if (ambiguity && docIndex !== undefined) {
      // Several amount columns in a file of documents: which is the line's is seen in the rows.
      this.pending = { summary, match, ambiguity, choice: new AmountChoice(docIndex, [ambiguity.chosen, ...ambiguity.others]), rows: [] };
      this.phase = 'decide';
    } else this.startReading(summary, match);
    for (const r of buffered) if (r.row > match.headerRow) this.route(r);
  }

  private decideRow(r: RawRow): void {
    const pending = this.pending;
    if (!pending) return;
    pending.rows.push(r);
    if (pending.choice.add(r.values)) this.decide();
  }

  /** The amount column chosen from the evidence; the held rows are then read. */
  private decide(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    const { lineLevel } = pending.choice.decide();
    const switched = lineLevel !== null && lineLevel.index !== pending.ambiguity.chosen.index;
    this.startReading(pending.summary, switched ? rechoose(pending.match, pending.ambiguity, lineLevel) : pending.match);
    for (const r of pending.rows) if (this.phase === 'read') this.dataRow(r);
  }

  private noHeader(sheet: string, found: Extract<FindHeaderResult, { ok: false }>): void {
    const place = { ...NO_PLACE, sheet, row: found.closestRow ?? null };
    if (found.key.startsWith('import.mapping.')) {
      // The user's own column choices are wrong: an error, whatever other sheets hold.
      this.explained = true;
      this.log.add('error', found.key, found.params, place);
      return;
    }
    const { kind } = this;
    const fields = found.missing.join(',');
    if (found.closestRow === undefined) this.log.add('warning', 'import.sheet.no_header', { sheet, kind, fields }, place);
    else {
      this.log.add('warning', 'import.sheet.header_incomplete', { sheet, kind, row: found.closestRow, fields }, place);
      if (!this.closest || found.missing.length < this.closest.missing.length) this.closest = { sheet, row: found.closestRow, missing: found.missing };
    }
  }

  private noSheetRead(): void {
    const { kind, selected } = this;
    if (selected && !this.sheets.some((s) => selected.has(s.name))) {
      const available = this.sheets.filter((s) => s.skipped !== 'hidden').map((s) => s.name);
      this.log.add('error', 'import.file.sheet_not_found', { sheets: [...selected].join('\u0001'), available: available.join('\u0001') }, NO_PLACE, true);
      return;
    }
    const closest = this.closest;
    if (closest) {
      const params = { kind, sheet: closest.sheet, row: closest.row, fields: closest.missing.join(',') };
      this.log.add('error', 'import.file.header_incomplete', params, { ...NO_PLACE, sheet: closest.sheet, row: closest.row }, true);
      return;
    }
    const fields = (KIND_DEFS[kind].requiredSets[0] ?? []).join(',');
    this.log.add('error', 'import.file.no_header', { kind, fields }, NO_PLACE, true);
  }

  private startReading(summary: SheetSummary, match: HeaderMatch): void {
    summary.header_row = match.headerRow;
    const plan = planColumns(match, this.options.date1904 ?? false);
    const moneyField = MONEY_FIELD[this.kind];
    const money = plan.find((c) => c.field === moneyField) ?? null;
    this.reading = {
      summary,
      plan,
      money,
      cursor: new RowCursor(summary.name, plan, this.log),
      totals: new TotalsCheck(this.kind === 'returns'),
      carry: new DocumentCarry(plan),
      guard: new LayoutGuard(this.kind, money?.index ?? null, new Map(plan.map((c) => [c.field, c.index]))),
      headerRow: match.headerRow,
      repeatedHeaderNoted: false,
    };
    this.phase = 'read';
    this.values = emptyFieldValues();
    for (const { problem, place } of headerIssues(summary.name, match)) {
      // The amount's choice is a rule, not a doubt: it goes to the inferred notes with its reason.
      if (problem.key === 'import.header.ambiguous' && problem.params['field'] === moneyField) continue;
      this.log.add('warning', problem.key, problem.params, place);
    }
    this.headerNotes(summary.name, match);
    this.mappings.push(sheetMapping(summary.name, match));
    const template = templateOf(match);
    if (!this.savedTemplates.has(template.signature)) this.savedTemplates.set(template.signature, template);
  }

  private dataRow(r: RawRow): void {
    const reading = this.reading;
    if (!reading) return;
    let cells = r.values;
    if (isBlankCells(cells)) return;
    if (isTotalsRowFast(cells)) {
      reading.carry.reset();
      this.totalsRow(reading, r);
      return;
    }
    const layout = reading.guard.check(cells);
    if (layout !== null) {
      this.headerAgain(reading, r, layout);
      return;
    }
    const { plan, money, cursor } = reading;
    const v = this.values;
    const percent = r.percent;
    const carried = reading.carry.carry(cells);
    if (carried === 'orphan') {
      cursor.start(r);
      cursor.error('doc_no', 'import.line.orphan', { field: 'doc_no', value: '' });
      return;
    }
    if (carried.filled) {
      cells = carried.cells;
      this.filled++;
      this.filledSheets.add(reading.summary.name);
      cursor.start({ ...r, values: cells });
    } else cursor.start(r);
    let cents: bigint | null = null;
    for (const column of plan) {
      const cell = cells[column.index];
      const field = column.field;
      v[field] = null;
      if (isBlankValue(cell)) {
        if (column.required) cursor.error(field, 'import.value.missing', { field, value: '' });
        continue;
      }
      const read = column.read(cell, percent !== undefined && percent.includes(column.index));
      if (!read.ok) {
        cursor.unreadable(field, read.key, read.params);
        continue;
      }
      v[field] = read.value;
      if (read.warning) cursor.warn(field, read.warning.key, read.warning.params);
      if (column === money) cents = moneyToCents(read.value);
    }
    if (cents !== null) reading.totals.add(cents);
    this.rules.check(v, cursor);
    if (cursor.errors > 0) return;
    const record = buildRecord(this.kind, v, reading.summary.name, r.row);
    reading.summary.rows++;
    this.records++;
    // Returns are stored as magnitudes, so their total is too.
    if (cents !== null) this.totalCents += this.kind === 'returns' && cents < 0n ? -cents : cents;
    if (this.preview.length < PREVIEW_RECORDS) this.preview.push(record);
    this.onRecord(record);
  }

  /** A header inside the data: the same one repeated (skipped, noted once), or another layout (refused). */
  private headerAgain(reading: SheetReading, r: RawRow, layout: 'same' | 'other'): void {
    const sheet = reading.summary.name;
    const place = { ...NO_PLACE, sheet, row: r.row };
    if (layout === 'same') {
      if (!reading.repeatedHeaderNoted) this.note('import.inferred.repeated_header', { sheet, row: r.row }, place);
      reading.repeatedHeaderNoted = true;
      return;
    }
    this.log.add('error', 'import.sheet.mixed_layouts', { sheet, row: r.row, first: reading.headerRow }, place, true);
    // Nothing below it can be read as this sheet's layout; one message explains the refusal.
    this.reading = null;
    this.phase = 'skip';
  }

  /** Inferred notes of a header: currency qualifiers ignored, and the amount column chosen and why. */
  private headerNotes(sheet: string, match: HeaderMatch): void {
    for (const c of match.columns) {
      if (c.qualifier) this.note('import.inferred.qualifier', { column: c.letter, header: c.header, field: c.field, qualifier: c.qualifier }, { sheet, row: match.headerRow, column: c.letter, header: c.header, field: c.field, value: c.header });
    }
    const money = MONEY_FIELD[this.kind];
    const a = match.ambiguities.find((x) => x.field === money);
    if (!a) return;
    const params = { field: a.field, column: a.chosen.letter, header: a.chosen.header, columns: [a.chosen, ...a.others].map((c) => c.letter).join(','), reason: a.reason };
    this.note('import.inferred.amount', params, { sheet, row: match.headerRow, column: a.chosen.letter, header: a.chosen.header, field: a.field, value: a.chosen.header });
  }

  private totalsRow(reading: SheetReading, r: RawRow): void {
    const { money, cursor, totals } = reading;
    if (!money) return;
    const cell = r.values[money.index];
    const read = isBlankValue(cell) ? null : money.read(cell, false);
    const figure = read?.ok ? moneyToCents(read.value) : null;
    const mismatch = totals.check(figure);
    if (!mismatch || !read?.ok) return;
    cursor.start(r);
    cursor.warn(money.field, 'import.totals.mismatch', { field: money.field, value: read.value, ...mismatch });
  }
}

/** The match with `column` as the field's column instead of the header's first choice: the line-level one. */
function rechoose(match: HeaderMatch, ambiguity: HeaderAmbiguity, column: HeaderColumn): HeaderMatch {
  const field = ambiguity.field;
  const columns = match.columns.map((c) => (c.field === field ? { ...column, field } : c)).sort((a, b) => a.index - b.index);
  const fieldColumns: Partial<Record<FieldName, number>> = {};
  for (const c of columns) fieldColumns[c.field] = c.index;
  const others = [ambiguity.chosen, ...ambiguity.others].filter((c) => c.index !== column.index);
  const reason: ChoiceReason = 'line_level';
  const ambiguities = match.ambiguities.map((a) => (a.field === field ? { field, chosen: column, others, reason } : a));
  return { ...match, columns, fieldColumns, ambiguities };
}

/** FileImporter over an event stream; a CSV that cannot be read becomes the file's error. */
export async function importRows(
  events: AsyncIterable<ReadEvent> | Iterable<ReadEvent>,
  options: FileImportOptions,
  onRecord: (record: ImportRecord) => void,
): Promise<FileImportResult> {
  const importer = new FileImporter(options, onRecord);
  try {
    for await (const event of events) {
      if (event.type === 'sheet') importer.sheet(event.sheet);
      else importer.row(event.row);
    }
  } catch (e) {
    if (!(e instanceof CsvRejected)) throw e;
    importer.fileError(e.key, e.params);
  }
  return importer.finish();
}
