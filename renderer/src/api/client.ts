import type { AppErrorPayload, Envelope } from '../../../contract/envelope';
import type { OpInput, OpName, OpOutput } from '../../../contract/operations';
import type { Lang } from '../../../contract/roles';
import { rendererStrings } from '../i18n/resources';

/** A refused or failed operation, carrying the translated message from the service layer. */
export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.message);
  }
}

/** fired on `window` when an operation finds the session ended: the app shows the sign-in page */
export const SESSION_ENDED = 'rebate:session-ended';

let currentLang: Lang = 'zh-CN';
export function setApiLanguage(lang: Lang): void {
  currentLang = lang;
}
export function apiLanguage(): Lang {
  return currentLang;
}

/** fired on `window` when the team server presents another certificate than the pinned one (desktop) */
export const CERTIFICATE_CHANGED = 'rebate:certificate-changed';
export interface CertificateChange {
  url: string;
  expected: string;
  presented: string;
}

export function sessionId(): string {
  const key = 'rebate.session';
  let id = sessionStorage.getItem(key);
  if (!id) {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(key, id);
  }
  return id;
}

/** The page came from the team server (HTTPS) or from `npm run web` on this PC (plain HTTP on 127.0.0.1). */
export function webMode(): 'team' | 'loopback' {
  return location.protocol === 'https:' ? 'team' : 'loopback';
}

/**
 * What a user reads when the HTTP exchange itself failed (not an operation's refusal), for the mode
 * the page runs in: the loopback host of `npm run web`, or the team server (network, VPN, IT).
 * `status` null: no answer at all.
 */
export function httpFailure(status: number | null, lang: Lang): AppErrorPayload {
  const c = rendererStrings[lang].connection;
  const fill = (text: string, params: Record<string, string | number> = {}): string => text.replace(/\{\{(\w+)\}\}/g, (w, k: string) => (k in params ? String(params[k]) : w));
  let message: string;
  if (webMode() === 'team') {
    const server = location.origin;
    if (status === null) message = fill(c.httpTeamUnreachable, { server });
    else if (status === 401) message = c.httpSessionEnded;
    else if (status === 413) message = c.httpTooLarge;
    else if (status === 421) message = fill(c.httpWrongName, { status });
    else if (status === 429) message = c.httpTooMany;
    else if (status >= 500) message = fill(c.httpServerError, { status });
    else message = fill(c.httpRefused, { status });
  } else if (status === null) {
    message = c.httpLocalLost;
  } else if (status === 403) {
    message = c.httpLocalToken;
  } else {
    message = fill(rendererStrings[lang].common.connectionFailed, { status });
  }
  return { kind: status === 401 ? 'unauthenticated' : 'internal', key: status === null ? 'http.unreachable' : 'http', params: status === null ? {} : { status }, message };
}

async function viaHttp(op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Rebate-Session': sessionId() },
      body: JSON.stringify({ op, input, lang }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: httpFailure(null, lang) };
  }
  if (!res.ok) return { ok: false, error: httpFailure(res.status, lang) };
  return (await res.json()) as Envelope<unknown>;
}

/** Calls one operation of the contract, in Electron through the preload, in a browser over HTTP. */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const bridge = window.rebate;
  const envelope = bridge ? await bridge.invoke(op, input, currentLang) : await viaHttp(op, input, currentLang);
  if (!envelope.ok) {
    // the session ended on the server (expired, signed out elsewhere, password reset, user disabled)
    if (envelope.error.key === 'auth.required' && op !== 'app.info') window.dispatchEvent(new Event(SESSION_ENDED));
    if (envelope.error.key === 'remote.fingerprint_mismatch') {
      const p = envelope.error.params;
      window.dispatchEvent(new CustomEvent<CertificateChange>(CERTIFICATE_CHANGED, { detail: { url: String(p['url'] ?? ''), expected: String(p['expected'] ?? ''), presented: String(p['presented'] ?? '') } }));
    }
    throw new ApiError(envelope.error);
  }
  return envelope.result as OpOutput<K>;
}

export function hostKind(): 'electron' | 'web' {
  return window.rebate ? 'electron' : 'web';
}
