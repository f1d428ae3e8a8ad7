import { apiLanguage, ApiError, httpFailure, SESSION_ENDED, sessionId } from './client';

/** An HTTP exchange that failed, as the message for this mode (and the sign-in page when the session ended). */
function failed(status: number | null): ApiError {
  if (status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
  return new ApiError(httpFailure(status, apiLanguage()));
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw failed(null);
  }
  if (!res.ok) throw failed(res.status);
  return res;
}

export interface StagedFile {
  path: string;
  name: string;
}

/**
 * Makes picked or dropped files available to the import operations: in Electron their own paths,
 * in the web host an upload into the host's staging folder.
 */
export async function stageFiles(files: File[]): Promise<StagedFile[]> {
  const bridge = window.rebate;
  if (bridge) return files.map((f) => ({ path: bridge.pathForFile(f), name: f.name }));
  const out: StagedFile[] = [];
  for (const f of files) {
    const form = new FormData();
    form.append('file', f, f.name);
    const res = await send('/api/upload', {
      method: 'POST',
      headers: { 'X-Rebate-Session': sessionId() },
      body: form,
      credentials: 'same-origin',
    });
    const staged = (await res.json()) as StagedFile;
    out.push({ path: staged.path, name: f.name });
  }
  return out;
}

/** Native open dialog in Electron; null in a browser (the page uses a file input instead). */
export async function pickNative(): Promise<StagedFile[] | null> {
  return window.rebate ? window.rebate.pickFiles() : null;
}

/** Saves a file the services wrote: the native save dialog, or a browser download. Returns where, if known. */
export async function saveDownload(downloadId: string, fileName: string): Promise<string | null> {
  if (window.rebate) return window.rebate.saveDownload(downloadId, fileName);
  const res = await send(`/api/download/${encodeURIComponent(downloadId)}`, { headers: { 'X-Rebate-Session': sessionId() }, credentials: 'same-origin' });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

export async function showInFolder(savedPath: string): Promise<void> {
  await window.rebate?.showInFolder(savedPath);
}
