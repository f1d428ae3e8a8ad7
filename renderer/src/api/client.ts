import type { AppErrorPayload, Envelope } from '../../../contract/envelope';
import type { OpInput, OpName, OpOutput } from '../../../contract/operations';
import type { Lang } from '../../../contract/roles';

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

async function viaHttp(op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>> {
  const res = await fetch('/api/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Rebate-Session': sessionId() },
    body: JSON.stringify({ op, input, lang }),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const message = lang === 'zh-CN' ? `与服务的连接出错（HTTP ${res.status}）。请重新打开 npm run web 打印的链接。` : `Connection to the service failed (HTTP ${res.status}). Reopen the link printed by npm run web.`;
    return { ok: false, error: { kind: 'internal', key: 'http', params: { status: res.status }, message } };
  }
  return (await res.json()) as Envelope<unknown>;
}

/** Calls one operation of the contract, in Electron through the preload, in a browser over HTTP. */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const bridge = window.rebate;
  const envelope = bridge ? await bridge.invoke(op, input, currentLang) : await viaHttp(op, input, currentLang);
  if (!envelope.ok) {
    // the session ended on the server (expired, signed out elsewhere, password reset, user disabled)
    if (envelope.error.key === 'auth.required' && op !== 'app.info') window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(envelope.error);
  }
  return envelope.result as OpOutput<K>;
}

export function hostKind(): 'electron' | 'web' {
  return window.rebate ? 'electron' : 'web';
}
