import type { ConnectionView, ServerCertificateView } from '../../../contract/desktop';
import type { Envelope } from '../../../contract/envelope';
import { ApiError, apiLanguage } from './client';

/**
 * The desktop app's connection (单机使用 / 连接团队服务器) through the preload; null in a browser,
 * which always talks to the server that served the page.
 */
export async function connectionView(): Promise<ConnectionView | null> {
  return window.rebate ? window.rebate.connection() : null;
}

function unwrap<T>(e: Envelope<T>): T {
  if (!e.ok) throw new ApiError(e.error);
  return e.result;
}

function bridge(): NonNullable<Window['rebate']> {
  if (!window.rebate) throw new Error('desktop only');
  return window.rebate;
}

/** The certificate the server presents (a TLS handshake only: nothing is sent to the server). */
export async function probeServer(url: string): Promise<ServerCertificateView> {
  return unwrap(await bridge().probeServer(url, apiLanguage()));
}

/** Pins the fingerprint the user compared and switches to the server; `replace` is 重新信任. */
export async function trustServer(url: string, fingerprint: string, replace: boolean): Promise<ConnectionView> {
  return unwrap(await bridge().trustServer({ url, fingerprint, replace }, apiLanguage()));
}

export async function useLocal(): Promise<ConnectionView> {
  return unwrap(await bridge().useLocal(apiLanguage()));
}

/** The app starts over on the new connection (a new session, nothing of the old one kept on screen). */
export function restartUi(): void {
  window.location.hash = '';
  window.location.reload();
}
