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
  const zh = lang === 'zh-CN';
  let message: string;
  if (webMode() === 'team') {
    const server = location.origin;
    if (status === null) message = zh ? `无法连接团队服务器 ${server}。请检查网络或 VPN，并确认服务器已开启；仍无法连接请联系 IT。` : `Cannot reach the team server ${server}. Check the network or VPN and that the server is running; if it still fails, ask IT.`;
    else if (status === 401) message = zh ? '登录已结束，请重新登录。' : 'Your session ended: please sign in again.';
    else if (status === 413) message = zh ? '文件超过服务器的上传大小限制。' : "The file exceeds the server's upload limit.";
    else if (status === 421) message = zh ? `此地址不是团队服务器证书中的名称，请使用 IT 提供的地址打开（HTTP ${status}）。` : `This address is not one of the team server's names: open the address IT gave you (HTTP ${status}).`;
    else if (status === 429) message = zh ? '请求过于频繁，请稍后再试。' : 'Too many requests: try again in a moment.';
    else if (status >= 500) message = zh ? `团队服务器暂时无法处理请求（HTTP ${status}），请稍后重试；如持续出现请联系 IT。` : `The team server could not handle the request (HTTP ${status}): try again shortly; if it persists, ask IT.`;
    else message = zh ? `团队服务器拒绝了请求（HTTP ${status}）。请刷新页面后重试。` : `The team server refused the request (HTTP ${status}). Reload the page and try again.`;
  } else if (status === null) {
    message = zh ? '与本机服务的连接已断开。请重新运行 npm run web，并打开它打印的链接。' : 'The connection to the service on this PC was lost. Run npm run web again and open the link it prints.';
  } else if (status === 403) {
    message = zh ? '本页面没有有效的访问令牌（服务可能已重新启动）。请打开 npm run web 最新打印的链接。' : 'This page has no valid access token (the service may have restarted). Open the link npm run web printed last.';
  } else {
    message = zh ? `与本机服务的连接出错（HTTP ${status}）。请重新打开 npm run web 打印的链接。` : `Connection to the service failed (HTTP ${status}). Reopen the link printed by npm run web.`;
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
