import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, fileSnapshot } from './backup-files';
import { openDatabase, type Db } from './database';

let dir = '';
const open: Db[] = [];
afterEach(() => {
  for (const d of open.splice(0)) if (d.open) d.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fresh(): Db {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-backup-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  open.push(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) ins.run(`before-${i}-${'x'.repeat(40)}`);
  })();
  return db;
}

function rows(file: string): { n: number; after: number; ok: string } {
  const b = new Database(file, { readonly: true });
  try {
    const n = (b.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    const after = (b.prepare("SELECT COUNT(*) AS n FROM t WHERE v LIKE 'after-%'").get() as { n: number }).n;
    return { n, after, ok: String(b.pragma('integrity_check', { simple: true })) };
  } finally {
    b.close();
  }
}

describe('a backup copied as a file under a read snapshot', () => {
  it('is the state when it was started, whole, though the database is written (and checkpointed) while it is copied', async () => {
    const db = fresh();
    // written while the file is being copied: more than the WAL's auto-checkpoint (1,000 pages),
    // and then a checkpoint asked for outright — neither may write into the file being copied
    const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
    const writeWhileCopying = async (from: string, to: string): Promise<void> => {
      for (let k = 0; k < 5; k++)
        db.transaction(() => {
          for (let i = 0; i < 10_000; i++) ins.run(`after-${k}-${i}-${'y'.repeat(60)}`);
        })();
      db.pragma('wal_checkpoint(PASSIVE)');
      await copyFile(from, to);
    };
    const pending = createBackup(db, 'while-writing', 20, undefined, writeWhileCopying);
    const info = await pending;
    expect(rows(info.path)).toEqual({ n: 20_000, after: 0, ok: 'ok' });
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(70_000);
    // the next backup has everything
    expect(rows((await createBackup(db, 'after')).path)).toEqual({ n: 70_000, after: 50_000, ok: 'ok' });
  });

  it('is taken as a file only when the file alone is the database: not while another connection keeps the WAL from being checkpointed', async () => {
    const db = fresh();
    const snap = fileSnapshot(db, undefined);
    expect(snap).not.toBeNull();
    snap?.close();
    // another connection reading an older state: what was written since stays in the WAL
    const other = new Database(db.name);
    open.push(other);
    other.exec('BEGIN');
    other.prepare('SELECT COUNT(*) FROM t').get();
    db.prepare('INSERT INTO t (v) VALUES (?)').run('after-late');
    expect(fileSnapshot(db, undefined)).toBeNull();
    // the online backup API then copies it, WAL included
    const info = await createBackup(db, 'fallback');
    expect(rows(info.path)).toEqual({ n: 20_001, after: 1, ok: 'ok' });
    other.exec('COMMIT');
  });

  it('falls back to the online backup API when the file cannot be copied as it is (a Windows share mode)', async () => {
    const db = fresh();
    const refuse = (): Promise<void> => Promise.reject(Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' }));
    const info = await createBackup(db, 'refused-copy', 20, undefined, refuse);
    expect(rows(info.path)).toEqual({ n: 20_000, after: 0, ok: 'ok' });
    expect(readdirSync(path.dirname(info.path)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
