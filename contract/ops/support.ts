import { z } from 'zod';
import { def } from '../op-def';
import type { TeamEndpoint } from '../types';

/** 设置 → 关于: what support asks first. */
export interface AboutInfo {
  version: string;
  /** the database file this process has open */
  dbPath: string;
  /** the schema version of that database */
  schemaVersion: number;
  /** the folder of the daily log files, or null when this process writes none */
  logDir: string | null;
  host: 'electron' | 'web' | 'cli' | 'test';
  platform: string;
  runtime: string;
  /** team mode: the server's URL and certificate fingerprint instead of a database path on this PC */
  team?: TeamEndpoint | null;
}

export interface DiagnosticsFile {
  downloadId: string;
  fileName: string;
  /** the names inside the zip */
  entries: string[];
  integrity: string;
}

const empty = z.object({}).strict();

/** Support: 关于 and 导出诊断信息, for the app, the web host and the CLI alike. */
export const supportOperations = {
  'support.about': def<AboutInfo>()(empty, 'signed_in'),
  'support.diagnostics': def<DiagnosticsFile>()(empty, 'signed_in'),
};
