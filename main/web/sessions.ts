import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Session } from '../services/context';

export interface WebSession {
  id: string;
  session: Session;
  /** ms since the epoch */
  created: number;
  lastSeen: number;
  address: string;
  /** uploaded files waiting for import: removed when the session ends */
  staged: Set<string>;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
  now: () => number;
}

/**
 * The web host's sessions, kept on the server: a session ends after `idleMs` without a request,
 * after `absoluteMs` in any case, at sign-out, and when its user is disabled or their password
 * changes (the services compare the user's session epoch on every call).
 */
export class WebSessions {
  private readonly map = new Map<string, WebSession>();

  constructor(private readonly limits: SessionLimits) {}

  static newId(): string {
    return randomBytes(32).toString('base64url');
  }

  /** The live session with this id, touched; undefined (and removed) when it expired. */
  get(id: string | undefined): WebSession | undefined {
    if (!id) return undefined;
    const s = this.map.get(id);
    if (!s) return undefined;
    if (this.expired(s)) {
      this.end(id);
      return undefined;
    }
    s.lastSeen = this.limits.now();
    return s;
  }

  private expired(s: WebSession): boolean {
    const now = this.limits.now();
    return now - s.lastSeen > this.limits.idleMs || now - s.created > this.limits.absoluteMs;
  }

  create(address: string, id = WebSessions.newId()): WebSession {
    const now = this.limits.now();
    const s: WebSession = { id, session: { user: null }, created: now, lastSeen: now, address, staged: new Set() };
    this.map.set(id, s);
    return s;
  }

  end(id: string): void {
    const s = this.map.get(id);
    if (!s) return;
    this.map.delete(id);
    for (const f of s.staged) rmSync(f, { recursive: true, force: true });
  }

  /** Removes expired sessions (and their staged uploads). */
  sweep(): void {
    for (const s of [...this.map.values()]) if (this.expired(s)) this.end(s.id);
  }

  get size(): number {
    return this.map.size;
  }

  endAll(): void {
    for (const id of [...this.map.keys()]) this.end(id);
  }
}
