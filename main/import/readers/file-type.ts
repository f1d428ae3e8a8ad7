/** CSV (and tab-separated text) is read by extension; everything else must be a workbook zip. */
export function isCsv(file: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(file);
}
