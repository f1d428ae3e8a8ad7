/** Choosing a CSV file's separator (comma, semicolon or tab) from its first records. */

export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

const SAMPLE_RECORDS = 30;
const SAMPLE_CHARS = 64 * 1024;

/** How often each separator occurs outside quotes, per record, in the first records. */
function countPerRecord(text: string): Map<CsvSeparator, number[]> {
  const counts = new Map<CsvSeparator, number[]>(CSV_SEPARATORS.map((s) => [s, [0]]));
  let inQuotes = false;
  let records = 1;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && records <= SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records++;
      for (const list of counts.values()) list.push(0);
    } else if (ch === ',' || ch === ';' || ch === '\t') {
      const list = counts.get(ch);
      if (list) list[list.length - 1] = (list[list.length - 1] ?? 0) + 1;
    }
  }
  return counts;
}

/** The most frequent non-zero count and how many records have it. */
function consistency(perRecord: readonly number[]): { records: number; columns: number } {
  const frequency = new Map<number, number>();
  for (const n of perRecord) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
  let best = { records: 0, columns: 0 };
  for (const [columns, records] of frequency) {
    if (records > best.records || (records === best.records && columns > best.columns)) best = { records, columns };
  }
  return best;
}

/**
 * The separator that splits the most records into the same number of fields (a tab file with
 * `1,234.50` amounts has a steady tab count and an unsteady comma count); comma when none occurs.
 */
export function detectSeparator(text: string): CsvSeparator {
  let best: { separator: CsvSeparator; records: number; columns: number } = { separator: ',', records: 0, columns: 0 };
  for (const [separator, perRecord] of countPerRecord(text)) {
    const c = consistency(perRecord);
    if (c.records > best.records || (c.records === best.records && c.columns > best.columns)) best = { separator, ...c };
  }
  return best.separator;
}
