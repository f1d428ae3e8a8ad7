import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

/**
 * The message a user reads for a failed call: the service's translated text, else the error itself;
 * with `details`, each refused field on a line of its own (a form with many fields, e.g. 凭证格式).
 */
export function errorText(e: unknown, options: { details?: boolean } = {}): string {
  if (e instanceof ApiError) return options.details ? [e.message, ...(e.payload.details ?? []).map((d) => `${d.path ?? ''} ${d.message}`)].join('\n') : e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

const CHANGED = 'rebate:changed';

/** Tells every refreshing view in this window that data changed here (a decision, a calculation). Views
 * refreshing on a timer look again at once.. */
export function notifyChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** How often screens that others change (inbox, overview, results) look again: at most 10 s old. */
export const REFRESH_MS = 8_000;

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** a load is under way (the first or a reload; not the quiet timer refresh) */
  loading: boolean;
  /** loads again now; resolves to the new data, or null when the call failed */
  reload: () => Promise<T | null>;
  setData: React.Dispatch<React.SetStateAction<T | null>>;
}

/**
 * The one way a screen loads data: calls `fn` when `key` changes (null: nothing to load, the last
 * data kept; a new key drops it first unless `keepOnKeyChange`), keeps the last good data, turns a refusal into its translated
 * message, and — with `refreshMs` — looks again on a timer while the window is visible, so that what
 * other users did shows without a reload. A refresh that fails keeps the data shown and does not
 * replace it with an error. With `debounceMs` a key that changes quickly (typing) loads once it rests.
 * `key` is compared by identity: a string or number, or a value kept stable with useMemo.
 */
export function useLoad<T>(fn: () => Promise<T>, key: unknown, options: { refreshMs?: number; keepOnKeyChange?: boolean; debounceMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<T | null> => {
    const mine = generation.current;
    setLoading(true);
    try {
      const d = await fnRef.current();
      if (mine !== generation.current) return null;
      setData(d);
      setError(null);
      return d;
    } catch (e) {
      if (mine === generation.current) setError(errorText(e));
      return null;
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const keep = options.keepOnKeyChange ?? false;
  const debounceMs = options.debounceMs ?? 0;
  useEffect(() => {
    generation.current += 1;
    setLoading(false);
    if (key === null) return;
    if (!keep) setData(null);
    setError(null);
    if (!debounceMs) return void reload();
    const timer = setTimeout(() => void reload(), debounceMs);
    return () => clearTimeout(timer);
  }, [key, reload, keep, debounceMs]);

  const refreshMs = options.refreshMs;
  useEffect(() => {
    if (!refreshMs || key === null) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy || document.visibilityState === 'hidden') return;
      busy = true;
      const mine = generation.current;
      fnRef
        .current()
        .then((d) => {
          if (mine === generation.current) setData(d);
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, refreshMs);
    const now = (): void => void reload();
    window.addEventListener(CHANGED, now);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED, now);
    };
  }, [refreshMs, key, reload]);

  return { data, error, loading, reload, setData };
}

/**
 * Calls `onTick` every `ms` while the window is visible (for views that decide themselves what to
 * reload, e.g. only when a batch's status or content hash changed).
 */
export function useInterval(onTick: () => void, ms: number | null): void {
  const ref = useRef(onTick);
  ref.current = onTick;
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') ref.current();
    }, ms);
    const now = (): void => ref.current();
    window.addEventListener(CHANGED, now);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED, now);
    };
  }, [ms]);
}

/**
 * The one way a form or a button runs its call: `busy` while it runs (`running` names which of a
 * screen's actions, when it passes one), the error cleared when it starts and, when it fails, set to
 * the refusal's translated message for the form to show — or, with `toast`, shown as a message at the
 * top of the window (a button with no form around it), or with `onError` handed to the screen's own
 * way of showing it (a dialog listing each refused field). Nothing throws past it; `run` resolves to
 * whether the call went through.
 */
export function useAction<Name extends string = string>(options: { toast?: boolean; details?: boolean; onError?: (e: unknown) => void } = {}): {
  busy: boolean;
  running: Name | null;
  error: string | null;
  run: (fn: () => Promise<void>, name?: Name) => Promise<boolean>;
  clear: () => void;
} {
  const { message } = App.useApp();
  const [running, setRunning] = useState<Name | '' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = options.toast ?? false;
  const details = options.details ?? false;
  const onError = useRef(options.onError);
  onError.current = options.onError;
  const run = useCallback(
    async (fn: () => Promise<void>, name?: Name): Promise<boolean> => {
      setRunning(name ?? '');
      setError(null);
      try {
        await fn();
        return true;
      } catch (e) {
        if (onError.current) onError.current(e);
        else if (toast) void message.error(errorText(e, { details }));
        else setError(errorText(e, { details }));
        return false;
      } finally {
        setRunning(null);
      }
    },
    [message, toast, details],
  );
  const clear = useCallback(() => setError(null), []);
  return { busy: running !== null, running: running || null, error, run, clear };
}
