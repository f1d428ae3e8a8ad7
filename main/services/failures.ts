import path from 'node:path';
import type { Lang } from '../../contract/roles';
import type { Db } from '../db/database';
import { messageText, t } from '../i18n/messages';
import { AppError, rejected } from '../../domain';
import type { ServiceContext } from './context';
import { currentHolds, heldError } from './holds';

/** The context's open database, if there is one (a failure may come before the store opened). */
export function contextDb(ctx: Pick<ServiceContext, 'store'>): Db | undefined {
  try {
    return ctx.store.db;
  } catch {
    return undefined;
  }
}

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
}

/** A full disk, from SQLite or the file system. */
export function isDiskFull(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL');
}

/** The database is locked by another connection (SQLITE_BUSY after the busy timeout, or SQLITE_LOCKED). */
export function isBusy(e: unknown): boolean {
  const code = codeOf(e);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * Turns the database's and the file system's expected failures into the user's message (exit 2,
 * nothing changed) — a lock held elsewhere names what holds it; a full disk says what to free. Other
 * errors pass through unchanged.
 */
export function explainFailure(e: unknown, lang: Lang, db?: Db): unknown {
  if (e instanceof AppError) return e;
  if (isBusy(e)) {
    const held = db?.open ? currentHolds(db)[0] : undefined;
    if (held) {
      const h = heldError(held);
      return rejected('db.busy', { holder: messageText(h.key, h.params, lang).replace(/[。.]$/, '') });
    }
    return rejected('db.busy', { holder: t('db.busy.other', {}, lang) });
  }
  if (isDiskFull(e)) {
    const file = (e as { path?: unknown }).path;
    const where = typeof file === 'string' ? path.dirname(file) : db ? path.dirname(db.name) : '';
    return rejected('db.disk_full', { where });
  }
  return e;
}
