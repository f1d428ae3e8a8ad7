import { AppError } from '../../domain';
import { messageText, t } from '../i18n/messages';
import type { ServiceContext } from './context';
import { contextDb, explainFailure } from './failures';

/** Whose job or download it is: the signed-in user (0 for the command line's own process); only its owner reads, cancels or saves it. */
export function ownerId(ctx: ServiceContext): number {
  return ctx.session.user?.id ?? 0;
}

/** The message a failed job shows: a refusal in the user's words, an expected failure (a lock, a full disk) explained, else the internal error. */
export function failureText(e: unknown, ctx: ServiceContext): string {
  const x = explainFailure(e, ctx.lang, contextDb(ctx));
  return x instanceof AppError ? messageText(x.key, x.params, ctx.lang) : t('internal', { detail: x instanceof Error ? x.message : String(x) }, ctx.lang);
}
