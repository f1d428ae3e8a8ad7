import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CellValue } from './cell-value';
import { parseCsvText, openCsv } from './csv';
import { detectKind } from './detect-kind';
import { HEADER_SEARCH_ROWS } from './headers';
import type { Kind } from './kinds';
import { readXlsx } from './readers/xlsx-reader';
import { WorkbookRejected, workbookSheets, ZipDirectory } from './readers/zip-inspect';
import { isCsv } from './readers/file-type';

export interface SheetGuess {
  name: string;
  hidden: boolean;
  kind: Kind | null;
  score: number;
  headerRow: number | null;
}

export type FileGuess = { ok: true; kind: Kind | null; sheets: SheetGuess[] } | { ok: false; problem: string; detail?: string };

function guess(rows: CellValue[][]): Pick<SheetGuess, 'kind' | 'score' | 'headerRow'> {
  const g = detectKind(rows);
  return g && g.score >= 0.4 ? { kind: g.kind, score: g.score, headerRow: g.headerRow } : { kind: null, score: g?.score ?? 0, headerRow: null };
}

/**
 * Proposes a kind per file for the import screen from the first rows only: the first visible sheet
 * with a recognised header decides; the other sheets are listed by name (they are read at import).
 */
/** `name` is the file's own name (an uploaded file is stored under a temporary one): a CSV's one sheet is named after it. */
export async function detectFile(file: string, name: string = path.basename(file)): Promise<FileGuess> {
  try {
    if (isCsv(file)) {
      const opened = openCsv(readFileSync(file));
      if (!opened.ok) return { ok: false, problem: 'empty' };
      const head = opened.text.split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS).join('\n');
      const parsed = parseCsvText(head, opened.separator);
      const rows = parsed.ok ? parsed.value : [];
      const g = guess(rows);
      return { ok: true, kind: g.kind, sheets: [{ name: name.replace(/\.[^.]+$/, ''), hidden: false, ...g }] };
    }
    const zip = ZipDirectory.open(file);
    let names: { name: string; hidden: boolean }[];
    try {
      names = workbookSheets(zip).sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
    } finally {
      zip.close();
    }
    const sheets: SheetGuess[] = names.map((s) => ({ ...s, kind: null, score: 0, headerRow: null }));
    let current: SheetGuess | undefined;
    let rows: CellValue[][] = [];
    for await (const e of readXlsx(file)) {
      if (e.type === 'sheet') {
        if (current) {
          Object.assign(current, guess(Array.from(rows, (r) => r ?? [])));
          if (current.kind) break;
        }
        current = e.sheet.hidden ? undefined : sheets.find((s) => s.name === e.sheet.name);
        rows = [];
        continue;
      }
      if (!current) continue;
      rows[e.row.row - 1] = e.row.values;
      if (e.row.row >= HEADER_SEARCH_ROWS) {
        Object.assign(current, guess(Array.from(rows, (r) => r ?? [])));
        if (current.kind) break;
        current = undefined;
      }
    }
    if (current && !current.kind) Object.assign(current, guess(Array.from(rows, (r) => r ?? [])));
    const first = sheets.find((s) => s.kind);
    return { ok: true, kind: first?.kind ?? null, sheets };
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, problem: e.problem, detail: e.detail };
    return { ok: false, problem: 'unreadable' };
  }
}
