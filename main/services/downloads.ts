import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Download {
  id: string;
  path: string;
  fileName: string;
  owner: number;
}

/** Files the services wrote for the user to save (error workbooks, exports): served once by id. */
export class DownloadRegistry {
  private readonly items = new Map<string, Download>();
  private dir: string | null = null;

  /** A fresh path in this process's temporary folder. */
  newPath(fileName: string): string {
    this.dir ??= mkdtempSync(path.join(tmpdir(), 'rebate-downloads-'));
    return path.join(this.dir, `${randomUUID()}-${fileName.replace(/[\\/:*?"<>|]+/g, '_')}`);
  }

  /** The folder the downloads are written in (null before the first). */
  folder(): string | null {
    return this.dir;
  }

  add(owner: number, filePath: string, fileName: string): Download {
    const d = { id: randomUUID(), path: filePath, fileName, owner };
    this.items.set(d.id, d);
    return d;
  }

  /** The download, removed from the registry: the web host serves each file once. */
  take(id: string, owner: number): Download | undefined {
    const d = this.get(id, owner);
    if (d) this.items.delete(id);
    return d;
  }

  get(id: string, owner: number): Download | undefined {
    const d = this.items.get(id);
    return d && d.owner === owner ? d : undefined;
  }
}
