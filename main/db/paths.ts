import { statfsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Rebate Desk';
export const DB_FILE_NAME = 'rebate-desk.sqlite';

/** Electron's `app.getPath('userData')` for this product, computed without Electron (CLI, web host). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(homedir(), '.config'), APP_DIR_NAME);
}

// Linux statfs magic numbers of network and FUSE file systems (SQLite's WAL needs shared memory
// and POSIX locks that these do not provide reliably).
const NETWORK_FS_TYPES = new Set<number>([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, rclone, cloud drives)
  0x564c, // NCP
  0x01021997, // 9P (v9fs)
  0x73757245, // Coda
  0x5346414f, // AFS
]);

const CLOUD_FOLDER = /[\\/](OneDrive[^\\/]*|Dropbox|Google Drive|GoogleDrive|iCloud ?Drive|iCloudDrive|Box|坚果云|Nutstore|百度网盘|BaiduNetdisk|WPS云盘|WPSDrive)([\\/]|$)/i;

/**
 * Why a database path is unsafe, or null. UNC paths and synced cloud folders are refused by name;
 * on Linux and macOS the file system of the nearest existing folder is checked too.
 */
export function networkPathReason(file: string): string | null {
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(file)) return 'unc';
  if (CLOUD_FOLDER.test(file)) return 'cloud';
  if (process.platform !== 'win32') {
    let dir = path.dirname(path.resolve(file));
    for (;;) {
      try {
        const type = statfsSync(dir).type;
        return NETWORK_FS_TYPES.has(type >>> 0) ? 'network_fs' : null;
      } catch {
        const parent = path.dirname(dir);
        if (parent === dir) return null;
        dir = parent;
      }
    }
  }
  return null;
}

/**
 * The name SQLite opens a file by. Windows refuses paths of 260 characters or more (MAX_PATH) unless
 * they carry the `\\?\` prefix, which SQLite's Windows VFS passes through: a database or backup deep
 * in a profile folder (`C:\Users\张三\Documents\返利 2026\…`) still opens. Elsewhere the path as is.
 */
export function sqliteFileName(file: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32' || file.length < 248 || file.startsWith('\\\\')) return file;
  return `\\\\?\\${path.win32.resolve(file)}`;
}
