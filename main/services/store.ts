import { openDatabase, openSecondConnection, type Db } from '../db/database';
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

  /** set while a long store (an import's) holds the database's write lock on a connection of its own */
  private exclusive: Promise<void> | null = null;

  /**
   * Resolves when no long store holds the write lock: a write waits here (the event loop answers
   * reads meanwhile) instead of in SQLite's busy handler, which would hold the whole process.
   */
  async writable(): Promise<void> {
    while (this.exclusive) await this.exclusive;
  }

  /**
   * Runs a long store as this process's one writer on a connection of its own (`work` gets it and
   * may yield between its statements): other writes of this process wait in `writable()`, reads go
   * on through `db`. The connection is closed afterwards.
   */
  async exclusiveWrite<T>(work: (db: Db) => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    // free: taken in the same step as the check
    let release = (): void => undefined;
    this.exclusive = new Promise<void>((r) => (release = r));
    try {
      const db = openSecondConnection(this.path, this.nativeBinding);
      // the same size limit as this connection's (a limit set on it holds for the store too)
      db.pragma(`max_page_count = ${Number(this.current.pragma('max_page_count', { simple: true }))}`);
      try {
        return await work(db);
      } finally {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
      }
    } finally {
      this.exclusive = null;
      release();
    }
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
