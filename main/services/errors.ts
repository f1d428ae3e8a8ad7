import type { ErrorDetail, ErrorKind } from '../../contract/envelope';

export type MessageParams = Record<string, string | number>;

/**
 * An expected failure with a stable message key. Services throw it; the dispatcher turns it into an
 * envelope, translated for the caller. Anything else thrown is an internal error.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly key: string;
  readonly params: MessageParams;
  readonly details: ErrorDetail[] | undefined;

  constructor(kind: ErrorKind, key: string, params: MessageParams = {}, details?: ErrorDetail[]) {
    super(key);
    this.name = 'AppError';
    this.kind = kind;
    this.key = key;
    this.params = params;
    this.details = details;
  }
}

export const rejected = (key: string, params?: MessageParams, details?: ErrorDetail[]): AppError =>
  new AppError('rejected', key, params, details);
