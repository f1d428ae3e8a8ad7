import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database';
import { allHolds, dropHold, dropHolds, holdsOn, putHold, type HoldRow } from '../db/holds-repo';
import type { AppError } from '../../domain';
import { rejected } from '../../domain';
import type { ServiceContext } from './context';

/** Scope of master-data imports (every period reads the distributors). */
export const MASTER_SCOPE = 'distributors';

/** Tokens of the holds this process has taken and not yet released. */
const mine = new Set<string>();
const HOST = hostname();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** A hold of a process that no longer runs (killed, crashed) on this machine is stale. */
export function isLive(h: HoldRow): boolean {
  if (h.host !== HOST) return true;
  if (h.pid === process.pid) return mine.has(h.token);
  return alive(h.pid);
}

function since(iso: string, now: Date): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  const hm = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? hm : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${hm}`;
}

/** "李会计正在导入 2026-03（10:02 开始），请稍后再试" */
export function heldError(h: HoldRow, now: Date = new Date()): AppError {
  const scope = h.scope === MASTER_SCOPE ? '' : h.scope;
  return rejected(`hold.${h.job}${scope ? '' : '_master'}`, { who: h.display_name || h.user_name, period: scope, since: since(h.started_at, now) });
}

function liveHolds(db: Db, scopes: readonly string[]): HoldRow[] {
  return holdsOn(db, scopes).filter(isLive);
}

export interface Hold {
  release(): void;
}

/**
 * Takes the holds of a long write job on its scopes (periods, or MASTER_SCOPE), refusing at once
 * when another live job holds one of them. Stale holds (their process is gone) are taken over.
 */
export function acquireHold(ctx: ServiceContext, job: 'import' | 'calc', scopes: readonly string[]): Hold {
  const db = ctx.store.db;
  const unique = [...new Set(scopes)];
  const token = randomUUID();
  const user = ctx.session.user;
  db.transaction(() => {
    const held = liveHolds(db, unique)[0];
    if (held) throw heldError(held, ctx.now());
    for (const scope of unique) {
      putHold(db, { scope, job, user_name: user?.name ?? 'system', display_name: user?.displayName ?? user?.name ?? 'system', started_at: ctx.now().toISOString(), pid: process.pid, host: HOST, token });
    }
  }).immediate();
  mine.add(token);
  let released = false;
  return {
    release(): void {
      if (released) return;
      released = true;
      mine.delete(token);
      try {
        const current = ctx.store.db;
        if (current.open) dropHolds(current, token);
      } catch {
        // A hold left behind is stale once this process no longer knows its token.
      }
    },
  };
}

/** Runs a long job under its holds, releasing them whatever happens. */
export async function withHold<T>(ctx: ServiceContext, job: 'import' | 'calc', scopes: readonly string[], run: () => Promise<T>): Promise<T> {
  const hold = acquireHold(ctx, job, scopes);
  try {
    return await run();
  } finally {
    hold.release();
  }
}

/** How long a short write (adjustment, decision) waits for a job holding its period. */
export const SHORT_WRITE_WAIT_MS = 4000;

/**
 * A short write on a period held by a job waits for it up to a few seconds, then is refused with who
 * holds it; on a free period it goes through at once.
 */
export async function waitForPeriod(ctx: ServiceContext, period: string, waitMs = SHORT_WRITE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const held = liveHolds(ctx.store.db, [period])[0];
    if (!held) {
      // the write that follows waits for an import's store like any other (Store.writable)
      await ctx.store.writable();
      if (!liveHolds(ctx.store.db, [period])[0]) return;
      continue;
    }
    if (Date.now() >= deadline) throw heldError(held, ctx.now());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The live job holds, for naming what keeps the database busy. */
export function currentHolds(db: Db): HoldRow[] {
  try {
    return allHolds(db).filter(isLive);
  } catch {
    return [];
  }
}

/** Removes holds of processes that are gone (at start). */
export function clearStaleHolds(db: Db): void {
  try {
    for (const h of allHolds(db)) if (!isLive(h)) dropHold(db, h.scope, h.token);
  } catch {
    // a database too old to have holds, or read-only: nothing to clear
  }
}
