import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Temporary files written beside their target and renamed into place when whole (exports, backups,
 * import staging). A temporary name carries its process id so that the leftovers of a killed process
 * are recognised — and removed — at the next start, while a running process's files are left alone.
 */
const PARTIAL = /\.(\d+)-[0-9a-f]{8}\.partial(-journal|-wal|-shm)?$/;
const LEGACY = /\.partial(-journal|-wal|-shm)?$/;

export function partialPath(target: string, tag = ''): string {
  return `${target}${tag ? `.${tag}` : ''}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Removes the leftovers of dead processes in `dir` (only names starting with `prefix`, when given). Returns what was removed. */
export function removeLeftovers(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names) {
    if (prefix && !name.startsWith(prefix)) continue;
    if (!LEGACY.test(name)) continue;
    const m = PARTIAL.exec(name);
    if (m && alive(Number(m[1]))) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // in use (Windows) or gone: the next start tries again
    }
  }
  return removed;
}

/** Flushes a file's content to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems refuse a directory fsync; the rename is still atomic
  }
}

/**
 * Writes `target` whole or not at all: `write` fills a temporary file in the same folder, which is
 * flushed and renamed over the target. On failure (or cancel) the temporary file goes and the target
 * keeps its previous content. Leftovers of killed earlier runs in that folder are removed first.
 */
export async function writeAtomically<T>(target: string, write: (tmp: string) => Promise<T> | T): Promise<T> {
  const dir = path.dirname(path.resolve(target));
  removeLeftovers(dir, path.basename(target));
  const tmp = partialPath(target);
  try {
    const out = await write(tmp);
    fsyncFile(tmp);
    renameSync(tmp, target);
    fsyncDir(dir);
    return out;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
