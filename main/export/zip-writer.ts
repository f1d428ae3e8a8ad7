// A minimal zip writer for the packages we generate (xlsx): entries deflated by Node's zlib (native),
// parts that are the same in every package compressed once and reused, the central directory kept
// in memory (a few dozen bytes per entry). No zip64: a package stays far below 4 GB and 65,535 parts.
import * as zlib from 'node:zlib';

export interface PreparedEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

let table: Int32Array | null = null;
function crc32js(buf: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = (table[(c ^ (buf[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
export const crc32 = (buf: Uint8Array): number => (native ? native(buf) : crc32js(buf));

/** An entry compressed now, to be added to any number of packages. */
export function prepareEntry(name: string, content: string | Buffer, level = 6): PreparedEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name: Buffer.from(name, 'utf8'), crc: crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw, { level }) };
}

/** DOS date and time of a moment (local time, as zip tools show it). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

/**
 * Builds a zip as a sequence of buffers: `add` returns the bytes of one entry (local header and
 * data), `finish` the central directory. The caller writes them where it likes (a stream, a file).
 */
export class ZipBuilder {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;
  private readonly when: { time: number; date: number };

  constructor(now = new Date()) {
    this.when = dosDateTime(now);
  }

  add(entry: PreparedEntry): Buffer {
    const { name, crc, size, data } = entry;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(this.when.time, 10);
    local.writeUInt16LE(this.when.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(this.when.time, 12);
    cd.writeUInt16LE(this.when.date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(this.offset, 42);
    this.central.push(cd, name);
    this.count++;
    const out = Buffer.concat([local, name, data]);
    this.offset += out.length;
    if (this.offset > 0xffffffff || this.count > 0xffff) throw new Error('zip too large');
    return out;
  }

  addText(name: string, text: string, level = 6): Buffer {
    return this.add(prepareEntry(name, text, level));
  }

  finish(): Buffer {
    const cd = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([cd, end]);
  }
}
