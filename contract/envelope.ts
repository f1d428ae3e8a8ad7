/**
 * What crosses every boundary (Electron IPC, the web host, the CLI's --json): a result or a typed
 * error with a stable message key. Never a stack trace.
 */
import type { ErrorDetail, ErrorKind } from '../domain';

export type { ErrorDetail, ErrorKind };

export interface AppErrorPayload {
  kind: ErrorKind;
  key: string;
  params: Record<string, string | number>;
  /** the message in the requested language */
  message: string;
  details?: ErrorDetail[];
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: AppErrorPayload };
