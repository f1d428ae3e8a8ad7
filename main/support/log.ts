import log from 'electron-log/node';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { userDataDir } from '../db/paths';

/**
 * One log for the desktop app, the CLI and the web/team server: a file per day,
 * `<user data>/logs/rebate-desk-YYYY-MM-DD.log`, kept 30 days (electron-log's Node logger, which needs
 * no Electron). What is logged: operations (name, user, outcome, duration), starts and stops,
 * failures. Never passwords, tokens or file contents: operation inputs are not logged, and every
 * line passes through `redact` on its way to the file. Nothing is logged until a host configures it
 * (tests log nothing unless they ask).
 */
export const LOG_KEEP_DAYS = 30;
const FILE = /^rebate-desk-(\d{4})-(\d{2})-(\d{2})(?:\.old)?\.log$/;

export interface LogSetup {
  dir: string;
  /** who writes: desktop, cli, web, serve */
  process: string;
  /** also to stderr (warnings and errors): the servers; never the CLI, whose output is its result */
  console?: boolean;
  now?: () => Date;
}

let configured: { dir: string; now: () => Date } | null = null;

/** The default log folder: `logs` in the user-data folder (REBATE_LOG_DIR overrides). */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['REBATE_LOG_DIR'] || path.join(userDataDir(env), 'logs');
}

function day(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function logFileFor(dir: string, d: Date): string {
  return path.join(dir, `rebate-desk-${day(d)}.log`);
}

const SECRET_KEY = /pass(word|wd)?|pwd|secret|token|cookie|authorization|csc_key|密码|口令/i;

/** Masks secrets in a line: `password=…`, `"password":"…"`, `--password …`, `?token=…`, `Bearer …`. */
export function redactText(s: string): string {
  return s
    .replace(/\b(Bearer|Basic)\s+[\w.~+/=-]+/g, '$1 ***')
    .replace(/(--?(?:password|passwd|pwd|token|secret)(?:=|\s+))("[^"]*"|'[^']*'|\S+)/gi, '$1***')
    .replace(/(["']?(?:[\w-]*(?:password|passwd|pwd|secret|token|cookie)[\w-]*|密码|口令)["']?\s*[:=：]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, '$1***');
}

/** Masks secrets in anything about to be logged: strings, errors, and object fields named like secrets. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}${value.stack ? `\n${value.stack.split('\n').slice(1, 6).join('\n')}` : ''}`);
  if (!value || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

/** Deletes the log files older than `keepDays` (by the date in their name). */
export function pruneLogs(dir: string, now: Date, keepDays = LOG_KEEP_DAYS): string[] {
  if (!existsSync(dir)) return [];
  const cutoff = new Date(now.getFullYear(), now.getMonth(), now.getDate() - keepDays);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = FILE.exec(name);
    if (!m) continue;
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (d < cutoff) {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Starts logging for this process. Returns the folder. */
export function configureLogging(setup: LogSetup): string {
  const now = setup.now ?? (() => new Date());
  mkdirSync(setup.dir, { recursive: true });
  pruneLogs(setup.dir, now());
  // electron-log still asks for the app's name (from Electron or the nearest package.json) though the path
  // is ours; the CLI run from any folder (a scheduled task) has neither, and it printed a stack trace.
  log.transports.file.setAppName('rebate-desk');
  log.transports.file.resolvePathFn = () => logFileFor(setup.dir, now());
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 50 * 1024 * 1024;
  log.transports.file.format = `[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] [${setup.process} ${process.pid}]{scope} {text}`;
  log.transports.console.level = setup.console ? 'warn' : false;
  log.hooks.length = 0;
  log.hooks.push((message) => ({ ...message, data: message.data.map((d) => redact(d)) }));
  configured = { dir: setup.dir, now };
  return setup.dir;
}

export function logDir(): string | null {
  return configured?.dir ?? null;
}

export interface Logger {
  info(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
  error(...parts: unknown[]): void;
}

/** A logger for one part of the app (`op`, `update`, `import`, …); silent until configured. */
export function logger(scope: string): Logger {
  const scoped = log.scope(scope);
  return {
    info: (...p) => configured && scoped.info(...p),
    warn: (...p) => configured && scoped.warn(...p),
    error: (...p) => configured && scoped.error(...p),
  };
}

/** Stops writing (tests). */
export function stopLogging(): void {
  configured = null;
  log.transports.file.level = false;
}
