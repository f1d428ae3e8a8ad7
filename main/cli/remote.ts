import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';

export { RemoteServer } from '../remote/client';

/** Unpacks a zip of statements into a folder (the remote form of `export statements --out DIR`). */
export async function unzipInto(zipFile: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = path.basename(entry.name);
    if (!name || name === '.' || name === '..') continue;
    await pipeline(entry.nodeStream('nodebuffer'), createWriteStream(path.join(dir, name)));
  }
}
