import type { z } from 'zod';
import type { AppErrorPayload, Envelope, ErrorDetail } from '../../contract/envelope';
import { isOpName, operations, type OpName, type OpOutput } from '../../contract/operations';
import type { Lang } from '../../contract/roles';
import { messageText, t } from '../i18n/messages';
import type { ServiceContext } from '../services/context';
import { AppError } from '../../domain';
import { logger } from '../support/log';
import { contextDb, explainFailure } from '../services/failures';
import { syncAnchor } from '../services/anchor';
import { requireRole } from '../services/users';
import { handlers } from './handlers/index';

function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; keys?: string[]; expected?: string };
  switch (issue.code) {
    case 'too_small':
      return t(i.origin === 'string' ? 'payload.too_short' : 'payload.too_small', { n: String(i.minimum) }, lang);
    case 'too_big':
      return t(i.origin === 'string' ? 'payload.too_long' : 'payload.too_big', { n: String(i.maximum) }, lang);
    case 'invalid_type':
      return t('payload.wrong_type', { expected: i.expected ?? '?' }, lang);
    case 'unrecognized_keys':
      return t('payload.unknown_fields', { keys: (i.keys ?? []).join(', ') }, lang);
    case 'invalid_format':
      return t('payload.name_chars', {}, lang);
    case 'invalid_value':
      return t('payload.not_allowed', {}, lang);
    default:
      return issue.message;
  }
}

function payloadError(error: z.ZodError, lang: Lang): AppError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issueText(issue, lang),
  }));
  const detail = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return new AppError('rejected', 'payload.invalid', { detail }, details);
}

export function toErrorPayload(raw: unknown, lang: Lang, ctx?: ServiceContext): AppErrorPayload {
  const e = explainFailure(raw, lang, ctx ? contextDb(ctx) : undefined);
  if (e instanceof AppError) {
    return {
      kind: e.kind,
      key: e.key,
      params: e.params,
      message: messageText(e.key, e.params, lang),
      ...(e.details ? { details: e.details } : {}),
    };
  }
  // An unexpected failure: log it for the developer, give the user a calm message without internals.
  console.error(e);
  const detail = e instanceof Error ? e.message.split('\n')[0] ?? 'error' : 'error';
  return { kind: 'internal', key: 'internal', params: { detail }, message: t('internal', { detail }, lang) };
}

const opLog = logger('op');

/** One line per operation: name, host, user, outcome, milliseconds — never its input (files, passwords). */
function logOp(ctx: ServiceContext, op: string, started: number, outcome: string): void {
  const line = `${String(op).slice(0, 80)} host=${ctx.host} user=${ctx.session.user?.name ?? '-'} ${outcome} ${Date.now() - started}ms`;
  if (outcome.startsWith('internal')) opLog.error(line);
  else opLog.info(line);
}

/**
 * The single entry point of every transport (Electron IPC, web host, CLI, tests): validates the
 * payload, checks who may call, runs the service, and wraps the outcome in an envelope.
 */
export async function dispatch<K extends OpName>(ctx: ServiceContext, op: K, rawInput: unknown): Promise<Envelope<OpOutput<K>>>;
export async function dispatch(ctx: ServiceContext, op: string, rawInput: unknown): Promise<Envelope<unknown>>;
export async function dispatch(ctx: ServiceContext, op: string, rawInput: unknown): Promise<Envelope<unknown>> {
  const started = Date.now();
  const envelope = await run(ctx, op, rawInput);
  logOp(ctx, op, started, envelope.ok ? 'ok' : `${envelope.error.kind}:${envelope.error.key}${envelope.error.kind === 'internal' ? ` ${String(envelope.error.params['detail'] ?? '')}` : ''}`);
  return envelope;
}

/**
 * Operations that only read the database. Every other operation first waits (asynchronously) while
 * an import's final store holds the write lock on a connection of its own, so that its write never
 * waits in SQLite's busy handler, which would stop the whole process; these go on at once (WAL: they
 * read the last commit). An operation missing here only waits when it need not.
 */
export const READ_OPS: ReadonlySet<string> = new Set([
  'app.info',
  'approval.status',
  'approval.inbox',
  'chain.get',
  'batch.calculateJob',
  'batch.results',
  'batch.resultsPage',
  'batch.summary',
  'batch.trace',
  'batch.reconcile',
  'periods.overview',
  'users.list',
  'team.host.status',
  'audit.list',
  'backup.list',
  'settings.get',
  'export.job',
  'import.kinds',
  'import.job',
  'import.history',
  'distributors.list',
  'ledger.show',
  'ledger.detail',
  'ledger.history',
  'people.list',
  'policy.list',
  'policy.get',
  'policy.history',
  'policy.diff',
  'support.about',
]);

async function run(ctx: ServiceContext, op: string, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isOpName(op)) throw new AppError('rejected', 'op.unknown', { op: String(op).slice(0, 80) });
    const def = operations[op];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw payloadError(parsed.error, ctx.lang);
    if (def.access !== 'public') {
      const user = requireRole(ctx, def.access);
      if (user.mustChangePassword && op !== 'auth.changePassword') throw new AppError('forbidden', 'auth.must_change_password');
    }
    if (!READ_OPS.has(op)) await ctx.store.writable();
    const handler = handlers[op] as (c: ServiceContext, input: unknown) => unknown;
    const result = await handler(ctx, parsed.data);
    // every change moves the audit chain's checkpoint outside the database forward (workflow.md)
    if (def.access !== 'public' || op.startsWith('auth.')) syncAnchor(ctx.store.db);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e, ctx.lang, ctx) };
  }
}
