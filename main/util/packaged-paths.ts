import path from 'node:path';

/**
 * Where the installed desktop app finds what electron-builder unpacked from app.asar (asarUnpack in
 * electron-builder.yml): worker threads and native modules cannot run from inside the archive, so
 * they are loaded from `resources/app.asar.unpacked/…`, the same relative path as in the archive.
 * Pure functions (no Electron): the packaged-layout test checks them against the configuration.
 */
const ASAR = `${path.sep}app.asar${path.sep}`;

/** `…/resources/app.asar/x` → `…/resources/app.asar.unpacked/x`; any other path unchanged. */
export function unpackedPath(file: string): string {
  const at = file.indexOf(ASAR);
  if (at < 0) return file;
  return `${file.slice(0, at)}${path.sep}app.asar.unpacked${path.sep}${file.slice(at + ASAR.length)}`;
}

/** better-sqlite3's native module, relative to the app's root (inside or beside the archive). */
export const SQLITE_BINDING = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** The native module an installed app loads: `process.resourcesPath` + app.asar.unpacked. */
export function packagedSqliteBinding(resourcesPath: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', SQLITE_BINDING);
}
