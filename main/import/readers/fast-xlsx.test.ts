import { describe, expect, it } from 'vitest';
import type { RawRow } from './types';
import { parseStyles, SharedStringsScanner, SheetScanner } from './fast-xlsx';

const STYLES = parseStyles(
  '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>',
);

const SHEET = `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>上海</t></r><r><t>联华</t></r><rPh><t>しゃん</t></rPh></is></c></row>
<row r="3" spans="1:4"/>
<row r="4"><c r="A4" s="1"><v>46028</v></c><c r="B4" s="2"><v>0.855</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="e"><v>#N/A</v></c><c r="F4"><f>B4*2</f><v>1.71</v></c></row>
<row><c><v>1</v></c><c><v>2</v></c><c r="XFD5" t="str"><v>a &amp;amp; b</v></c></row>
</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>`;

function scan(xml: string, chunk: number): RawRow[] {
  const shared = new SharedStringsScanner();
  const sst = '<sst><si><t>D001</t></si><si/><si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si></sst>';
  for (let i = 0; i < sst.length; i += chunk) shared.push(sst.slice(i, i + chunk));
  const scanner = new SheetScanner({ shared: shared.items, styles: STYLES, date1904: false });
  const rows: RawRow[] = [];
  for (let i = 0; i < xml.length; i += chunk) scanner.push(xml.slice(i, i + chunk), rows);
  return rows;
}

describe('fast xlsx scanner', () => {
  it('reads every cell type, row numbers with and without r, styles from the table', () => {
    const rows = scan(SHEET, SHEET.length);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
    expect(rows[0]?.values).toEqual(['D001', undefined, '上海联华']);
    expect(rows[1]?.values).toEqual([]);
    expect(rows[2]?.values).toEqual([new Date(Date.UTC(2026, 0, 6)), 0.855, undefined, true, { error: '#N/A' }, { formula: 'B4*2', result: 1.71 }]);
    expect(rows[2]?.percent).toEqual([1]);
    expect(rows[3]?.values[0]).toBe(1);
    expect(rows[3]?.values[1]).toBe(2);
    expect(rows[3]?.values[16383]).toBe('a & b');
  });

  it('gives the same rows whatever the chunk boundaries (every split of the text)', () => {
    const whole = scan(SHEET, SHEET.length);
    for (let chunk = 1; chunk <= 64; chunk++) expect(scan(SHEET, chunk), `chunk ${chunk}`).toEqual(whole);
  });

  it('reads x:-prefixed sheet XML', () => {
    const prefixed = SHEET.replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|r|t|rPh)([\s>/])/g, '<$1x:$2$3');
    expect(scan(prefixed, 7)).toEqual(scan(SHEET, SHEET.length));
  });
});
