/**
 * Decoding a CSV file's bytes (data.md): UTF-8 with or without BOM, otherwise GB18030 (a superset of
 * GBK, what Chinese Excel writes by default). Decided from the bytes: text that is valid UTF-8 is
 * UTF-8, anything else is GB18030. A UTF-16 BOM (Excel's "Unicode text") is honoured too.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedCsv = { text: string; encoding: CsvEncoding };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    // fatal: invalid UTF-8 throws instead of becoming U+FFFD; the BOM, if any, is removed.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
