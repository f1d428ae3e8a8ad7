import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditHead } from '../db/audit-repo';
import type { Db } from '../db/database';
import { userDataDir } from '../db/paths';
import { getSetting, putSetting } from '../db/settings-repo';
import { auditHashAt } from '../db/tamper-repo';

/**
 * The audit chain's anchor outside the database (workflow.md): after every change a checkpoint —
 * entry count and head hash — is written to the user's configuration folder, keyed (HMAC-SHA-256)
 * with a secret kept there too (owner-only), looked up by the database's own id. Someone who has
 * only the database file can then neither truncate nor wipe the log nor recompute its chain unseen.
 * `REBATE_CONFIG_DIR` overrides the folder (tests, portable installs).
 */
export interface Checkpoint {
  db: string;
  count: number;
  head: string;
  at: string;
  mac: string;
}

const ID_KEY = 'database_id';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['REBATE_CONFIG_DIR'] || userDataDir(env);
}

function anchorDir(): string {
  return path.join(configDir(), 'audit-anchors');
}

function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function key(create: boolean): Buffer | null {
  const dir = anchorDir();
  const file = path.join(dir, 'anchor.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (!create) return null;
  ensureDir(dir);
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

function mac(k: Buffer, db: string, count: number, head: string): string {
  return createHmac('sha256', k).update(`${db}\n${count}\n${head}`).digest('hex');
}

/** The database's own id (created on first use). */
export function databaseId(db: Db, create: boolean): string | null {
  const id = getSetting(db, ID_KEY);
  if (id || !create) return id ?? null;
  const fresh = randomUUID();
  db.transaction(() => {
    if (!getSetting(db, ID_KEY)) putSetting(db, ID_KEY, fresh);
  }).immediate();
  return getSetting(db, ID_KEY) ?? fresh;
}

function checkpointFile(id: string): string {
  return path.join(anchorDir(), `${id.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
}

export type AnchorState = { state: 'none' } | { state: 'invalid'; file: string } | { state: 'ok'; checkpoint: Checkpoint };

export function readCheckpoint(id: string): AnchorState {
  const file = checkpointFile(id);
  if (!existsSync(file)) return { state: 'none' };
  try {
    const cp = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    const k = key(false);
    if (!k || typeof cp.count !== 'number' || typeof cp.head !== 'string' || cp.db !== id) return { state: 'invalid', file };
    const want = Buffer.from(mac(k, id, cp.count, cp.head), 'hex');
    const got = Buffer.from(String(cp.mac), 'hex');
    return want.length === got.length && timingSafeEqual(want, got) ? { state: 'ok', checkpoint: cp } : { state: 'invalid', file };
  } catch {
    return { state: 'invalid', file };
  }
}

/**
 * Which database id the file at this path had when its checkpoint was last written: the database's
 * own id is in the database, so someone with the file alone could remove or change it to escape its
 * checkpoint; this note (by the file's real path, in the same folder) catches that.
 */
function pathNote(dbFile: string): string | null {
  try {
    const real = realpathSync(dbFile);
    return path.join(anchorDir(), 'paths', `${createHash('sha256').update(real).digest('hex').slice(0, 32)}.json`);
  } catch {
    return null;
  }
}

/** The database id last anchored for this database file's path (null: none, or not readable). */
export function anchoredIdForPath(dbFile: string): string | null {
  const note = pathNote(dbFile);
  if (!note || !existsSync(note)) return null;
  try {
    const v = JSON.parse(readFileSync(note, 'utf8')) as { db?: unknown };
    return typeof v.db === 'string' ? v.db : null;
  } catch {
    return null;
  }
}

/**
 * Notes the database's id for its path — unless another id is noted there whose checkpoint exists:
 * that is the evidence of a changed id, and stays (a restore resets it, a new database file at the
 * path forgets it first: `forgetPathAnchor`).
 */
function notePath(dbFile: string, id: string, reset: boolean): void {
  const note = pathNote(dbFile);
  const noted = anchoredIdForPath(dbFile);
  if (!note || noted === id) return;
  if (noted && !reset && readCheckpoint(noted).state !== 'none') return;
  mkdirSync(path.dirname(note), { recursive: true, mode: 0o700 });
  const tmp = `${note}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ db: id }), { mode: 0o600 });
  renameSync(tmp, note);
}

function write(id: string, count: number, head: string): void {
  const k = key(true);
  if (!k) return;
  ensureDir(anchorDir());
  const file = checkpointFile(id);
  const cp: Checkpoint = { db: id, count, head, at: new Date().toISOString(), mac: mac(k, id, count, head) };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cp), { mode: 0o600 });
  renameSync(tmp, file);
}

/** A new database file is being created at this path: the id noted for an earlier file there no longer applies. */
export function forgetPathAnchor(dbFile: string): void {
  try {
    const note = pathNote(dbFile);
    if (note) rmSync(note, { force: true });
  } catch {
    // nothing noted
  }
}

/**
 * Moves the checkpoint forward to the log's head — only when the log still holds what the checkpoint
 * recorded (so a truncated or rewritten log keeps its evidence). `reset` (after a restore, which
 * legitimately goes back) writes it whatever it held. Never throws: the change itself is done.
 */
/** The head each connection last found its checkpoint at (or wrote it at): a read changes nothing, so nothing to read or write. */
const synced = new WeakMap<Db, string>();

export function syncAnchor(db: Db, reset = false): void {
  try {
    if (!db.open) return;
    const head = auditHead(db);
    if (!head) return;
    const mark = `${configDir()}\n${head.last_id}\n${head.last_hash}`;
    if (!reset && synced.get(db) === mark) return;
    const id = databaseId(db, true);
    if (!id) return;
    const current = readCheckpoint(id);
    if (!reset && current.state === 'invalid') return;
    if (!reset && current.state === 'ok') {
      const cp = current.checkpoint;
      if (cp.count === head.last_id && cp.head === head.last_hash) {
        synced.set(db, mark);
        return;
      }
      if (head.last_id < cp.count || auditHashAt(db, cp.count) !== cp.head) return;
    }
    write(id, head.last_id, head.last_hash);
    notePath(db.name, id, reset);
    synced.set(db, mark);
  } catch {
    // a read-only configuration folder: verification then reports no checkpoint
  }
}
