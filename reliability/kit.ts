import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/** What a case reports: every attempt is tried once and either held or failed (with why). */
export interface CaseReport {
  tried: number;
  held: number;
  failed: number;
  notes: string[];
}

export interface CaseContext {
  /** how many attempts this run makes (default counts, or the issue's --full ones, times --scale) */
  tries: number;
  full: boolean;
  /** a fresh folder of the case's own, removed afterwards */
  dir: string;
  root: string;
  /** counts one attempt: held when `failure` is null/undefined, else failed with that note */
  attempt(failure?: string | null): void;
  log(msg: string): void;
}

/**
 * One line of the table. A case runs its attempts and reports each through `ctx.attempt`. Other
 * helpers plug theirs in by adding them to `cases/index.ts`.
 */
export interface ReliabilityCase {
  name: string;
  /** quick: the default run (`npm test`, CI: the whole table within about two minutes); full: the counts */
  tries: { quick: number; full: number };
  run(ctx: CaseContext): Promise<void>;
}

export const ROOT = process.cwd();
export const CLI = path.join(ROOT, 'out', 'node', 'cli.mjs');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `rebate-rel-${prefix}-`));
}

/**
 * Runs the runner itself (`run.mjs <flag> <dir> [args]`) in a child process and reads the JSON the
 * child leaves in `<dir>/<flag without dashes>.json`: what it builds (the hostile corpus, the shared
 * month) then costs this process nothing, so the peaks measured in it are the measured work's own.
 */
export function builtInChild<T>(flag: string, dir: string, args: string[] = []): Promise<T> {
  mkdirSync(dir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1] ?? '', flag, dir, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(childResult(flag, dir), 'utf8')) as T) : reject(new Error(`${flag} exited ${code}`))));
  });
}

/** Where the child of `builtInChild` writes what it built. */
export const childResult = (flag: string, dir: string): string => path.join(dir, `${flag.replace(/^-+/, '')}.json`);

export function copyDb(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  for (const f of [to, `${to}-wal`, `${to}-shm`]) rmSync(f, { force: true });
  const probe = new Database(from);
  probe.pragma('wal_checkpoint(TRUNCATE)');
  probe.close();
  copyFileSync(from, to);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built `rebate` CLI; with `killAfterMs`, sends SIGKILL after that long. */
export function runCli(args: string[], env: Record<string, string>, options: { killAfterMs?: number; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const killer = options.killAfterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : null;
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('exit', (code, signal) => {
      if (killer) clearTimeout(killer);
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Files a killed process may leave that must be gone after the next start. */
export function strays(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...strays(full).map((f) => path.join(e.name, f)));
    else if (/\.partial(-journal|-wal|-shm)?$/.test(e.name) || /\.restoring$/.test(e.name)) out.push(e.name);
  }
  return out;
}

export function integrity(dbFile: string): string {
  const db = new Database(dbFile);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** A read-only look at a database file. */
export function query<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Pseudo-random but repeatable (so a failure can be re-run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Peak RSS of a child process run (Linux: /usr/bin/time is not assumed; sampled from /proc). */
export async function peakRssOf(pid: number, done: Promise<unknown>): Promise<number> {
  const { readFileSync } = await import('node:fs');
  let peak = 0;
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return peak;
}
