import { openDatabase, type Db } from '../db/database';
import { DEFAULT_BACKUP_KEEP } from '../db/backup-files';
import { getSetting } from '../db/settings-repo';
import { DownloadRegistry } from './downloads';
import { JobRegistry } from './jobs';
import { existsSync } from 'node:fs';
import { forgetPathAnchor } from './anchor';

/**
 * The open database of one running process (app, web host, CLI command, test). Restoring a backup
 * swaps the file underneath, so services reach the connection through this handle, never keep it.
 */
export class Store {
  private current: Db;
  /** long tasks the UI follows (imports) */
  readonly jobs = new JobRegistry();
  /** files written for the user to save */
  readonly downloads = new DownloadRegistry();

  constructor(
    readonly path: string,
    private readonly nativeBinding?: string,
  ) {
    const fresh = !existsSync(path);
    this.current = openDatabase(path, nativeBinding ? { nativeBinding } : {});
    if (fresh) forgetPathAnchor(path);
  }

  get db(): Db {
    return this.current;
  }

  get nativeBindingPath(): string | undefined {
    return this.nativeBinding;
  }

  backupKeep(): number {
    const v = Number(getSetting(this.current, 'backup_keep'));
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_BACKUP_KEEP;
  }

  /** Reopens after the file was replaced (restore). */
  reopen(): void {
    if (this.current.open) this.current.close();
    this.current = openDatabase(this.path, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
  }

  close(): void {
    if (this.current.open) this.current.close();
  }
}
