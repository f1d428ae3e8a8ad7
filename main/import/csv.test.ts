import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvRecords, openCsv, parseCsvText, readCsv } from './csv';
import { decodeCsv } from './csv-decode';
import { CSV_SEPARATORS, detectSeparator, type CsvSeparator } from './csv-separator';
import { findHeader } from './headers';
import { parseMoney } from './values';

const CHINESE_CSV = '2026年1月进货明细表,,,\r\n单号,日期,客户编码,金额（元）\r\nXS001,2026/1/5,D001,"1,234.50"\r\n合计,,,"1,234.50"\r\n';

function rowsOf(text: string, separator: CsvSeparator = ','): string[][] {
  const parsed = parseCsvText(text, separator);
  if (!parsed.ok) throw new Error(`${parsed.key} ${JSON.stringify(parsed.params)}`);
  return parsed.value;
}

describe('decodeCsv', () => {
  it('reads UTF-8 with and without BOM', () => {
    const utf8 = Buffer.from(CHINESE_CSV, 'utf8');
    expect(decodeCsv(utf8)).toEqual({ text: CHINESE_CSV, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text: CHINESE_CSV, encoding: 'utf-8' });
  });

  it('reads GBK, as Chinese Excel saves CSV, as GB18030', () => {
    const gbk = iconv.encode(CHINESE_CSV, 'gbk');
    expect(decodeCsv(gbk)).toEqual({ text: CHINESE_CSV, encoding: 'gb18030' });
  });

  it('reads characters only GB18030 (not GBK) encodes', () => {
    const text = '客户名称\r\n𠮷野家,€5,䶮\r\n';
    expect(decodeCsv(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(decodeCsv(Buffer.from('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8' });
  });

  it('honours a UTF-16 BOM', () => {
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('单号\t金额\n', 'utf-16le')]))).toEqual({ text: '单号\t金额\n', encoding: 'utf-16le' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('单号', 'utf-16be')]))).toEqual({ text: '单号', encoding: 'utf-16be' });
  });
});

describe('detectSeparator', () => {
  it.each<[string, CsvSeparator]>([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['单号\t金额\t备注\nXS1\t1,234.50\tx\nXS2\t2,345,678.00\ty\n', '\t'],
    ['单号;金额;备注\nXS1;"1,234.50";a,b\nXS2;"12,345.00";c\n', ';'],
    ['"a;b",c,d\n"x;y;z",1,2\n', ','],
    ['"multi\nline;;;;",b,c\n1,2,3\n', ','],
    [CHINESE_CSV, ','],
    ['only one column\nvalue\n', ','],
    ['', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectSeparator(text)).toBe(expected);
  });
});

describe('parseCsvText', () => {
  it.each<[string, string[][]]>([
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['"line1\r\nline2",x\n', [['line1\r\nline2', 'x']]],
    ['a,,\n', [['a', '', '']]],
    ['a,', [['a', '']]],
    [',\n', [['', '']]],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    ['""\n', [['']]],
    ['"",""', [['', '']]],
    ['5"3,x\n', [['5"3', 'x']]],
    [' a , b \n', [[' a ', ' b ']]],
    ['', []],
    ['a,b,c\n1\n', [['a', 'b', 'c'], ['1']]],
  ])('%j', (text, expected) => {
    expect(rowsOf(text)).toEqual(expected);
  });

  it('uses the separator it is given', () => {
    expect(rowsOf('a;"b;c";d\n', ';')).toEqual([['a', 'b;c', 'd']]);
    expect(rowsOf('a\t"b\tc"\t1,5\n', '\t')).toEqual([['a', 'b\tc', '1,5']]);
  });

  it('reports unbalanced quotes with the row Excel would show', () => {
    expect(parseCsvText('a,b\n1,2\n"open,3\n4,5\n', ',')).toEqual({ ok: false, key: 'import.csv.malformed', params: { row: 3 } });
    expect(parseCsvText('a,b\n"x\ny",1\n"a"b,2\n', ',')).toEqual({ ok: false, key: 'import.csv.malformed', params: { row: 3 } });
  });

  const fieldArb = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '\r', '\n', ' ', '金', '额', '.') }),
    fc.string(),
  );
  const tableArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });

  function serialise(rows: string[][], separator: CsvSeparator, eol: string): string {
    const quote = (f: string): string => (/[",;\t\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
    return rows.map((r) => r.map(quote).join(separator)).join(eol) + eol;
  }

  it('round-trips random tables serialised with quotes (property)', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom(...CSV_SEPARATORS), fc.constantFrom('\r\n', '\n'), (rows, separator, eol) => {
        expect(parseCsvText(serialise(rows, separator, eol), separator)).toEqual({ ok: true, value: rows });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips random tables quoting only where needed, without a final line end (property)', () => {
    const minimalQuote = (f: string, separator: string): string =>
      f.includes('"') || f.includes(separator) || f.includes('\r') || f.includes('\n') ? `"${f.replace(/"/g, '""')}"` : f;
    const tableWithoutEmptyLastRow = tableArb.filter((rows) => {
      const last = rows[rows.length - 1];
      return !(last && last.length === 1 && last[0] === '');
    });
    fc.assert(
      fc.property(tableWithoutEmptyLastRow, fc.constantFrom(...CSV_SEPARATORS), (rows, separator) => {
        const text = rows.map((r) => r.map((f) => minimalQuote(f, separator)).join(separator)).join('\r\n');
        expect(parseCsvText(text, separator)).toEqual({ ok: true, value: rows });
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the separator of random tables it serialised (property)', () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', '1', '金', ' ', ',', ';', '\t'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 10 }), fc.constantFrom(...CSV_SEPARATORS), fc.infiniteStream(cellArb), (columns, count, separator, cells) => {
        const rows = Array.from({ length: count }, () => Array.from({ length: columns }, () => cells.next().value));
        expect(detectSeparator(serialise(rows, separator, '\r\n'))).toBe(separator);
      }),
    );
  });
});

describe('readCsv', () => {
  it('reads a GBK export with a title row into rows the header finder and parsers take', () => {
    const read = readCsv(iconv.encode(CHINESE_CSV, 'gbk'));
    if (!read.ok) throw new Error(read.key);
    expect(read).toMatchObject({ encoding: 'gb18030', separator: ',' });
    expect(read.rows[2]).toEqual(['XS001', '2026/1/5', 'D001', '1,234.50']);
    const header = findHeader(read.rows, 'purchases');
    expect(header).toMatchObject({ ok: true, match: { headerRow: 2, fieldColumns: { doc_no: 0, date: 1, distributor_code: 2, amount: 3 } } });
    expect(parseMoney(read.rows[2]?.[3])).toEqual({ ok: true, value: '1234.50' });
  });

  it('reads a semicolon file with a BOM', () => {
    const bytes = Buffer.from('\ufeff单号;日期;客户编码;金额\nXS1;2026-01-05;D001;12\n', 'utf8');
    expect(readCsv(bytes)).toEqual({ ok: true, encoding: 'utf-8', separator: ';', rows: [['单号', '日期', '客户编码', '金额'], ['XS1', '2026-01-05', 'D001', '12']] });
  });

  it('refuses an empty file and a malformed one', () => {
    expect(readCsv(Buffer.alloc(0))).toEqual({ ok: false, key: 'import.csv.empty', params: {} });
    expect(readCsv(Buffer.from('a,b\n"x,1\n'))).toEqual({ ok: false, key: 'import.csv.malformed', params: { row: 2 } });
  });
});

describe('csvRecords', () => {
  it('yields records one at a time and stops at a malformed one', () => {
    const records = [...csvRecords('a,b\n1,2\n"x,3\n4,5\n', ',')];
    expect(records).toEqual([
      { ok: true, row: ['a', 'b'] },
      { ok: true, row: ['1', '2'] },
      { ok: false, key: 'import.csv.malformed', params: { row: 3 } },
    ]);
  });

  it('opens a file for reading record by record', () => {
    const opened = openCsv(iconv.encode('单号\t金额\nXS1\t"1,234.50"\n', 'gbk'));
    expect(opened).toMatchObject({ ok: true, encoding: 'gb18030', separator: '\t' });
    if (opened.ok) expect([...csvRecords(opened.text, opened.separator)].map((r) => r.ok && r.row)).toEqual([['单号', '金额'], ['XS1', '1,234.50']]);
  });
});
