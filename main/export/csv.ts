/**
 * CSV as Excel and WPS read it: UTF-8 with BOM, CRLF, RFC 4180 quoting. Text that a spreadsheet
 * would run as a formula (leading =, +, -, @, tab, CR) gets a leading apostrophe; numbers are
 * written as numbers (a negative amount keeps its minus sign).
 */
export type CsvCell = { text: string } | { number: string } | null;

export const csvText = (v: string | null | undefined): CsvCell => (v === null || v === undefined ? null : { text: v });
export const csvNumber = (v: string | null | undefined): CsvCell => (v === null || v === undefined || v === '' ? null : { number: v });

const DANGEROUS = /^[=+\-@\t\r]/;

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: CsvCell[]): string {
  return cells
    .map((c) => {
      if (c === null) return '';
      if ('number' in c) return /^-?\d+(\.\d+)?$/.test(c.number) ? c.number : quote(`'${c.number}`);
      return quote(DANGEROUS.test(c.text) ? `'${c.text}` : c.text);
    })
    .join(',');
}

export function csvDocument(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}
