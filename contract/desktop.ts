import { z } from 'zod';
import { LANGS } from './roles';

/**
 * The desktop app's connection (team.md, Clients → Desktop): this PC's own database (单机使用) or a
 * team server (连接团队服务器) whose certificate fingerprint is pinned on first use. What the preload
 * exposes for it, and the checks the main process applies to every message.
 */
export type ConnectionMode = 'unset' | 'local' | 'team';

/** A team server the user trusted: its base URL and the pinned SHA-256 fingerprint of its certificate. */
export interface TeamServerPin {
  url: string;
  /** 32 bytes, upper-case hex, colon-separated */
  fingerprint: string;
  /** when the user confirmed it (ISO 8601) */
  trustedAt: string;
}

export interface ConnectionView {
  mode: ConnectionMode;
  /** the trusted server (kept when the user switches to 单机使用, so that switching back needs no new confirmation) */
  server: TeamServerPin | null;
  /** the local database file (单机使用), empty in team mode */
  databasePath: string;
}

/** The certificate a server presents, shown to the user to compare with what IT gave them. */
export interface ServerCertificateView {
  url: string;
  /** SHA-256 of the DER certificate: upper-case hex, colon-separated */
  fingerprint: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** the fingerprint pinned for this URL, if any (then a different one is a changed certificate) */
  pinned: string | null;
}

const lang = z.enum(LANGS);
const url = z.string().min(1).max(2048);
const fingerprint = z.string().min(1).max(200);

/** IPC payloads of the connection channels, checked in the main process. */
export const connectionInputs = {
  probe: z.tuple([url, lang]),
  trust: z.tuple([z.object({ url, fingerprint, replace: z.boolean() }).strict(), lang]),
  useLocal: z.tuple([lang]),
};
