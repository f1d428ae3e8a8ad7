/**
 * What crosses every boundary (Electron IPC, the web host, the CLI's --json): a result or a typed
 * error with a stable message key. Never a stack trace.
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

export interface AppErrorPayload {
  kind: ErrorKind;
  key: string;
  params: Record<string, string | number>;
  /** the message in the requested language */
  message: string;
  details?: ErrorDetail[];
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: AppErrorPayload };
