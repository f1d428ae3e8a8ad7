import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export type Cell = string | number | Date | null | { formula: string; result?: number | string } | { richText: { text: string }[] };

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  /** rows above the header: titles, report dates, blank rows */
  preamble?: Cell[][];
  header: string[];
  rows: Cell[][];
  /** merge the first preamble row across the header's width */
  mergeTitle?: boolean;
  /** columns (0-based) to format as percent */
  percentColumns?: number[];
}

/** Writes a workbook in the shapes real ERP exports have (title rows, merged cells, hidden sheets). */
export async function writeWorkbook(dir: string, fileName: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.hidden) ws.state = 'hidden';
    for (const p of s.preamble ?? []) ws.addRow(p);
    if (s.mergeTitle && (s.preamble?.length ?? 0) > 0) ws.mergeCells(1, 1, 1, s.header.length);
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow(r);
      for (const c of s.percentColumns ?? []) row.getCell(c + 1).numFmt = '0.0%';
    }
  }
  const file = path.join(dir, fileName);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A CSV as Chinese Excel writes it by default: GB18030 (GBK), comma separated, CRLF. */
export function writeGbkCsv(dir: string, fileName: string, header: string[], rows: (string | number)[][]): string {
  const quote = (v: string | number): string => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  const file = path.join(dir, fileName);
  writeFileSync(file, iconv.encode(text, 'gb18030'));
  return file;
}

export const DISTRIBUTOR_HEADER = ['经销商编码', '经销商名称', '大区', '省份', '城市', '等级', '状态'];
export const PURCHASE_HEADER = ['单据编号', '行号', '单据日期', '客户编码', '客户名称', '存货编码', '存货名称', '数量', '含税单价', '价税合计'];
