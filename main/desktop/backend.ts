import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ConnectionMode, ConnectionView, ServerCertificateView, TeamServerPin } from '../../contract/desktop';
import type { Envelope } from '../../contract/envelope';
import type { Lang } from '../../contract/roles';
import { AppError, rejected } from '../../domain';
import { dispatch, toErrorPayload } from '../api/dispatch';
import { probeServer, RemoteServer, serverBaseUrl } from '../remote/client';
import type { Session } from '../services/context';
import type { Store } from '../services/store';
import { logger } from '../support/log';
import { normaliseFingerprint } from '../web/fingerprint';
import { stopTeamHost } from '../web/team-host';

/**
 * The desktop app's main-process logic, without Electron (the shell wires it to IPC and dialogs):
 * where the operations go — this PC's own database (单机使用) or a team server (连接团队服务器) —
 * and the trust-on-first-use pin of the server's certificate (team.md, Clients → Desktop).
 *
 * - The pin is the SHA-256 fingerprint of the certificate the user confirmed; every connection to the
 *   server is checked against it before a byte of a request is sent (remote/client.ts PinnedAgent).
 * - A different certificate is refused on every call with `remote.fingerprint_mismatch` (expected and
 *   presented fingerprints); only `trust({ replace: true })` — the user's explicit 重新信任 after
 *   comparing the new fingerprint — pins another one.
 * - In team mode the desktop keeps no rebate data: no local database is open; picked files are
 *   uploaded to the server's staging folder, exports come back as downloads saved where the user chooses.
 */
export interface ConnectionSettings {
  mode: ConnectionMode;
  server: TeamServerPin | null;
}

/** Where the connection choice is kept (electron-store in the app, a plain object in tests). */
export interface ConnectionStore {
  read(): ConnectionSettings;
  write(next: ConnectionSettings): void;
}

/** The first start asks; an install that already has its own database keeps working locally without asking. */
export function startMode(s: ConnectionSettings, localDatabaseExists: boolean): ConnectionSettings {
  if (s.mode === 'unset' && localDatabaseExists) return { ...s, mode: 'local' };
  if (s.mode === 'team' && !s.server) return { ...s, mode: 'unset' };
  return s;
}

/** Operations whose input names files on this PC: in team mode they are uploaded first. */
const FILE_OPS = new Set(['import.detect', 'import.run', 'import.inspect', 'import.start']);

interface FileRef {
  path: string;
  name?: string | undefined;
}

/** One window's conversation with the team server: its session cookie and what it uploaded in it. */
class WindowRemote {
  readonly server: RemoteServer;
  /** local file (path, size, mtime) → the server's staging path, valid while the session lasts */
  private readonly uploads = new Map<string, string>();
  private uploadsOf = '';

  constructor(pin: TeamServerPin) {
    this.server = new RemoteServer(pin.url, pin.fingerprint);
  }

  private async stage(f: FileRef): Promise<FileRef> {
    if (this.uploadsOf !== this.server.sessionCookie) {
      this.uploads.clear();
      this.uploadsOf = this.server.sessionCookie;
    }
    const st = statSync(f.path);
    const key = `${path.resolve(f.path)}\u0000${st.size}\u0000${st.mtimeMs}`;
    let staged = this.uploads.get(key);
    if (!staged) {
      staged = (await this.server.upload(f.path)).path;
      this.uploads.set(key, staged);
    }
    return { path: staged, name: f.name ?? path.basename(f.path) };
  }

  /** The operation's input with its local files replaced by uploads on the server. */
  async remoteInput(op: string, input: unknown): Promise<unknown> {
    if (!FILE_OPS.has(op) || typeof input !== 'object' || input === null) return input;
    const stageAll = async (files: unknown): Promise<unknown> => {
      if (!Array.isArray(files)) return files;
      const out: FileRef[] = [];
      for (const f of files as FileRef[]) out.push(typeof f?.path === 'string' ? await this.stage(f) : f);
      return out;
    };
    const data = { ...(input as Record<string, unknown>) };
    if ('files' in data) data['files'] = await stageAll(data['files']);
    if (Array.isArray(data['imports'])) {
      const imports: unknown[] = [];
      for (const r of data['imports'] as unknown[]) {
        imports.push(typeof r === 'object' && r !== null && 'files' in r ? { ...(r as Record<string, unknown>), files: await stageAll((r as { files: unknown }).files) } : r);
      }
      data['imports'] = imports;
    }
    return data;
  }
}

export interface DesktopBackendOptions {
  settings: ConnectionStore;
  /** opens this PC's database (单机使用); throws an AppError when it cannot */
  openLocal: () => Store;
  /** the built UI, for 设置 → 团队 → 在本机开启团队服务 */
  rendererDir?: string;
  now?: () => Date;
}

const log = logger('connection');

export class DesktopBackend {
  private local: Store | null = null;
  private readonly sessions = new Map<number, Session>();
  private readonly remotes = new Map<number, WindowRemote>();
  private readonly now: () => Date;

  constructor(private readonly o: DesktopBackendOptions) {
    this.now = o.now ?? (() => new Date());
  }

  private settings(): ConnectionSettings {
    return this.o.settings.read();
  }

  mode(): ConnectionMode {
    return this.settings().mode;
  }

  view(): ConnectionView {
    const s = this.settings();
    return { mode: s.mode, server: s.server, databasePath: s.mode === 'local' && this.local ? this.local.path : '' };
  }

  /** This PC's database, opened on first use in 单机使用. */
  localStore(): Store {
    this.local ??= this.o.openLocal();
    return this.local;
  }

  /** The open local database, if any (the updater asks whether a job runs in it). */
  openLocalStore(): Store | null {
    return this.local;
  }

  private fail(e: unknown, lang: Lang): { ok: false; error: ReturnType<typeof toErrorPayload> } {
    return { ok: false, error: toErrorPayload(e, lang) };
  }

  /** 连接团队服务器, step 1: the certificate the server presents, to compare with IT's fingerprint. Sends nothing. */
  async probe(url: string, lang: Lang): Promise<Envelope<ServerCertificateView>> {
    try {
      const base = serverBaseUrl(url);
      const presented = await probeServer(base);
      const pin = this.settings().server;
      return { ok: true, result: { ...presented, pinned: pin && pin.url === base ? pin.fingerprint : null } };
    } catch (e) {
      return this.fail(e, lang);
    }
  }

  /**
   * 连接团队服务器, step 2 (信任并连接) or 重新信任 after a changed certificate: pins the fingerprint the
   * user confirmed — only if the server presents exactly that certificate now — and switches to team
   * mode. A pin for the same server with a different fingerprint is replaced only with `replace`.
   */
  async trust(input: { url: string; fingerprint: string; replace: boolean }, lang: Lang): Promise<Envelope<ConnectionView>> {
    try {
      const url = serverBaseUrl(input.url);
      const confirmed = normaliseFingerprint(input.fingerprint);
      if (!confirmed) throw rejected('remote.bad_fingerprint', { fingerprint: input.fingerprint });
      const presented = (await probeServer(url)).fingerprint;
      if (presented !== confirmed) throw rejected('remote.fingerprint_mismatch', { expected: confirmed, presented });
      const current = this.settings();
      if (current.server && current.server.url === url && current.server.fingerprint !== confirmed && !input.replace) {
        throw rejected('connection.retrust_needed', { url, pinned: current.server.fingerprint, presented });
      }
      this.leaveLocal();
      this.dropRemotes();
      const server: TeamServerPin = { url, fingerprint: confirmed, trustedAt: this.now().toISOString() };
      this.o.settings.write({ mode: 'team', server });
      if (current.server?.url === url && current.server.fingerprint !== confirmed) {
        log.warn(`re-trusted ${url}: ${current.server.fingerprint} → ${confirmed}`);
      } else log.info(`connected to the team server ${url} (certificate ${confirmed})`);
      return { ok: true, result: this.view() };
    } catch (e) {
      return this.fail(e, lang);
    }
  }

  /** 单机使用: this PC's own database. The trusted server stays remembered for switching back. */
  useLocal(lang: Lang): Envelope<ConnectionView> {
    try {
      const s = this.settings();
      this.dropRemotes();
      this.o.settings.write({ mode: 'local', server: s.server });
      this.localStore();
      log.info('single-seat mode (this PC\'s database)');
      return { ok: true, result: this.view() };
    } catch (e) {
      return this.fail(e, lang);
    }
  }

  /** Closes the local database before team mode; refused while an import or a calculation runs in it. */
  private leaveLocal(): void {
    const store = this.local;
    if (!store) return;
    if (store.jobs.anyRunning()) throw rejected('connection.job_running');
    void stopTeamHost(store);
    store.close();
    this.local = null;
    this.sessions.clear();
  }

  /** Leaves the team server: each window's session is signed out there (best effort), then closed. */
  private dropRemotes(): void {
    for (const r of this.remotes.values()) this.signOut(r);
    this.remotes.clear();
  }

  private signOut(r: WindowRemote): void {
    if (!r.server.sessionCookie) {
      r.server.close();
      return;
    }
    void r.server
      .invoke('auth.signOut', {}, 'zh-CN')
      .catch(() => undefined)
      .finally(() => r.server.close());
  }

  private remoteFor(windowId: number, pin: TeamServerPin): WindowRemote {
    let r = this.remotes.get(windowId);
    if (!r) {
      r = new WindowRemote(pin);
      this.remotes.set(windowId, r);
    }
    return r;
  }

  /** One operation of the contract for one window: on this PC's database or on the team server. */
  async invoke(windowId: number, op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>> {
    const s = this.settings();
    if (s.mode === 'team' && s.server) return this.invokeRemote(windowId, s.server, op, input, lang);
    if (s.mode === 'unset') return this.fail(rejected('connection.unset'), lang);
    let store: Store;
    try {
      store = this.localStore();
    } catch (e) {
      return this.fail(e, lang);
    }
    let session = this.sessions.get(windowId);
    if (!session) {
      session = { user: null };
      this.sessions.set(windowId, session);
    }
    return dispatch({ store, session, lang, host: 'electron', now: this.now, ...(this.o.rendererDir ? { rendererDir: this.o.rendererDir } : {}) }, op, input);
  }

  private async invokeRemote(windowId: number, pin: TeamServerPin, op: string, input: unknown, lang: Lang): Promise<Envelope<unknown>> {
    const remote = this.remoteFor(windowId, pin);
    try {
      const envelope = await remote.server.invoke(op, await remote.remoteInput(op, input), lang);
      if (envelope.ok && (op === 'app.info' || op === 'support.about')) {
        // what this window talks to: the pinned server, not a file on this PC
        const result = envelope.result as Record<string, unknown>;
        return { ok: true, result: { ...result, host: 'electron', dbPath: '', team: { url: pin.url, fingerprint: pin.fingerprint } } };
      }
      return envelope;
    } catch (e) {
      if (e instanceof AppError && e.key === 'remote.fingerprint_mismatch') {
        log.warn(`the team server ${pin.url} presented another certificate: ${String(e.params['presented'])} (pinned ${pin.fingerprint}); refused`);
        return this.fail(new AppError('rejected', 'remote.fingerprint_mismatch', { ...e.params, url: pin.url }), lang);
      }
      return this.fail(e, lang);
    }
  }

  /** The file name of a download this window may save (单机使用: from the local store; team: null, the server knows it). */
  localDownload(windowId: number, downloadId: string): { path: string; fileName: string } | null {
    if (this.mode() !== 'local' || !this.local) return null;
    const owner = this.sessions.get(windowId)?.user?.id;
    return (owner !== undefined ? this.local.downloads.get(downloadId, owner) : undefined) ?? null;
  }

  /** Saves a file the services wrote for this window to `dest` (chosen by the user). */
  async saveDownload(windowId: number, downloadId: string, dest: string): Promise<void> {
    const s = this.settings();
    if (s.mode === 'team' && s.server) {
      await this.remoteFor(windowId, s.server).server.download(downloadId, dest);
      return;
    }
    const d = this.localDownload(windowId, downloadId);
    if (!d) throw rejected('download.not_found');
    copyFileSync(d.path, dest);
  }

  /** A window closed: its session ends (on the team server too). */
  endWindow(windowId: number): void {
    this.sessions.delete(windowId);
    const r = this.remotes.get(windowId);
    if (r) {
      this.remotes.delete(windowId);
      this.signOut(r);
    }
  }

  jobsRunning(): boolean {
    return this.local?.jobs.anyRunning() ?? false;
  }

  close(): void {
    this.dropRemotes();
    this.local?.close();
    this.local = null;
  }
}
