/** Helpers for the pipeline tests: sheets as ReadEvent arrays, a run that collects records, issue digests. */
import type { CellValue } from './cell-value';
import { importRows, type FileImportOptions, type FileImportResult } from './pipeline';
import type { ReadEvent } from './readers/types';
import type { ClaimRecord, DistributorRecord, ImportIssue, ImportRecord, LineRecord, PromotionRecord } from './records';

export type TestSheet = {
  name: string;
  hidden?: boolean;
  /** rows[i] is Excel row i + 1; `null` is a row the reader does not emit (empty in the file) */
  rows: readonly (readonly CellValue[] | null)[];
  /** Excel row → 0-based columns formatted as % */
  percent?: Readonly<Record<number, number[]>>;
};

export function sheetEvents(sheets: readonly TestSheet[]): ReadEvent[] {
  const events: ReadEvent[] = [];
  sheets.forEach((s, i) => {
    events.push({ type: 'sheet', sheet: { name: s.name, index: i + 1, hidden: s.hidden ?? false } });
    if (s.hidden) return;
    s.rows.forEach((values, r) => {
      if (values === null) return;
      const percent = s.percent?.[r + 1];
      events.push({ type: 'row', row: percent ? { row: r + 1, values: [...values], percent } : { row: r + 1, values: [...values] } });
    });
  });
  return events;
}

export const MASTER_CODES = ['D001', 'D002', '00123', 'D010'];
export const MASTER_NAMES: ReadonlyMap<string, string> = new Map([
  ['D001', '上海联华'],
  ['D002', '北京华联'],
  ['00123', '广州百佳'],
  ['D010', '深圳天虹'],
]);

export type Run = { records: ImportRecord[]; result: FileImportResult };

export async function run(events: Iterable<ReadEvent> | AsyncIterable<ReadEvent>, options: Partial<FileImportOptions> & Pick<FileImportOptions, 'kind'>): Promise<Run> {
  const records: ImportRecord[] = [];
  const master = options.kind !== 'distributors';
  const result = await importRows(
    events,
    {
      file: 'test.xlsx',
      period: master ? '2026-01' : null,
      masterCodes: master ? MASTER_CODES : null,
      masterNames: MASTER_NAMES,
      ...options,
    },
    (r) => records.push(r),
  );
  return { records, result };
}

/** An issue as the tests compare it: what and where. */
export function digest(i: ImportIssue): string {
  return [i.key, i.sheet, i.row, i.column, i.header, i.value].map((x) => (x === null ? '-' : String(x))).join(' | ');
}

export function lines(list: readonly ImportRecord[]): LineRecord[] {
  return list.flatMap((r) => (r.kind === 'purchases' || r.kind === 'returns' ? [r.record] : []));
}

export function promotions(list: readonly ImportRecord[]): PromotionRecord[] {
  return list.flatMap((r) => (r.kind === 'promotions' ? [r.record] : []));
}

export function claims(list: readonly ImportRecord[]): ClaimRecord[] {
  return list.flatMap((r) => (r.kind === 'claims' ? [r.record] : []));
}

export function distributors(list: readonly ImportRecord[]): DistributorRecord[] {
  return list.flatMap((r) => (r.kind === 'distributors' ? [r.record] : []));
}
