import type { Lang, Role } from './roles';

export interface SessionUser {
  id: number;
  name: string;
  displayName: string;
  roles: Role[];
  /** an admin reset the password: only changing it is allowed until then */
  mustChangePassword?: boolean;
}

export interface UserRow extends SessionUser {
  active: boolean;
  createdAt: string;
  /** sign-in locks in force on this name (team.md): until when, from which address */
  locks?: { address: string; until: string }[];
}

/** 设置 → 团队: the desktop app serving its own database to the team */
export interface TeamHostView {
  running: boolean;
  urls: string[];
  fingerprint: string | null;
  port: number | null;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  hasUsers: boolean;
  user: SessionUser | null;
  /** the transport the UI talks to: `electron` or `web` */
  host: 'electron' | 'web' | 'cli' | 'test';
  defaultLang: Lang;
  /** team mode (team.md): the server this UI talks to and its certificate fingerprint; `dbPath` is then empty */
  team?: TeamEndpoint | null;
}

/** A team server as its users see it: the URL and the SHA-256 fingerprint to compare. */
export interface TeamEndpoint {
  url: string;
  fingerprint: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  rows: AuditEntry[];
  total: number;
}

export type AuditVerifyResult =
  | { ok: true; entries: number; head: string | null }
  | {
      ok: false;
      entries: number;
      brokenId: number;
      /** the chain itself; its anchor outside the database; or what was approved (issue 11) */
      reason:
        | 'hash_mismatch'
        | 'link_mismatch'
        | 'gap'
        | 'head_mismatch'
        | 'anchor_truncated'
        | 'anchor_mismatch'
        | 'anchor_invalid'
        | 'anchor_id_changed'
        | 'printed_head'
        | 'batch_hash'
        | 'batch_totals'
        | 'source_changed'
        | 'approval_rules';
      message: string;
      period?: string;
    };

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: string;
  bytes: number;
  path: string;
}

export interface AppSettings {
  backupKeep: number;
  companyName: string;
  /** 公司信息 printed on every distributor statement under the company's name (empty: left out) */
  companyAddress: string;
  companyContact: string;
  companyBank: string;
  /** ledger.md: a positive balance without settlements for this many periods in a row is a finding */
  ledgerDormantPeriods: number;
}
