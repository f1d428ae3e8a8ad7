import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

/** The message a user reads for a failed call: the service's translated text, else the error itself. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
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
  /** loads again now; resolves to the new data, or null when the call failed */
  reload: () => Promise<T | null>;
  setData: React.Dispatch<React.SetStateAction<T | null>>;
}

/**
 * The one way a screen loads data: calls `fn` when `key` changes (null: nothing to load), keeps the
 * last good data, turns a refusal into its translated message, and — with `refreshMs` — looks again
 * on a timer while the window is visible, so that what other users did shows without a reload.
 * A refresh that fails keeps the data shown and does not replace it with an error.
 */
export function useLoad<T>(fn: () => Promise<T>, key: unknown, options: { refreshMs?: number; keepOnKeyChange?: boolean } = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<T | null> => {
    const mine = generation.current;
    try {
      const d = await fnRef.current();
      if (mine !== generation.current) return null;
      setData(d);
      setError(null);
      return d;
    } catch (e) {
      if (mine === generation.current) setError(errorText(e));
      return null;
    }
  }, []);

  useEffect(() => {
    generation.current += 1;
    if (key === null) return;
    if (!options.keepOnKeyChange) setData(null);
    setError(null);
    void reload();
  }, [key, reload]);

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

  return { data, error, reload, setData };
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
 * The one way a form runs its call: `busy` while it runs, the error cleared when it starts and set to
 * the refusal's translated message when it fails (the form shows it; nothing throws past the form).
 */
export function useAction(): { busy: boolean; error: string | null; run: (fn: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
