import type { MessageKey, MessageParams, Problem } from './messages';

/** What every reader returns: a value (maybe with a warning) or a problem. Never thrown. */
export type ParseResult<T> =
  | { ok: true; value: T; warning?: Problem }
  | { ok: false; key: MessageKey; params: MessageParams };

export function ok<T>(value: T, warning?: Problem): ParseResult<T> {
  return warning ? { ok: true, value, warning } : { ok: true, value };
}

export function fail<T>(key: MessageKey, params: MessageParams): ParseResult<T> {
  return { ok: false, key, params };
}
