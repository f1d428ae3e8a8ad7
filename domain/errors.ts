/**
 * Errors every layer may raise: an expected failure with a stable message key, translated where it
 * is shown. The transports turn it into an envelope (contract/envelope.ts); anything else thrown is
 * an internal error. It lives in the kernel so the database layer and the pure modules can refuse
 * with a message without importing the services.
 */
export type ErrorKind =
  /** the request was refused and nothing changed (CLI exit 2) */
  | 'rejected'
  /** signed-out or wrong credentials (CLI exit 2) */
  | 'unauthenticated'
  /** signed in but lacking the role (CLI exit 2) */
  | 'forbidden'
  /** a bug or an environment failure (CLI exit 1) */
  | 'internal';

export interface ErrorDetail {
  /** where the problem is, e.g. a payload path `name` or a file/sheet/row */
  path?: string;
  message: string;
}

export type MessageParams = Record<string, string | number>;

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

export const rejected = (key: string, params?: MessageParams, details?: ErrorDetail[]): AppError => new AppError('rejected', key, params, details);
