import { useCallback, useEffect, useState } from 'react';
import type { PersonView } from '../../../contract/ops/people';
import { call } from './client';

/**
 * People by display name everywhere (李会计, not li): the directory is read once per window and
 * shared; a name not (yet) in it shows as the login name itself.
 */
let directory: Map<string, string> | null = null;
let loading: Promise<Map<string, string>> | null = null;

function load(): Promise<Map<string, string>> {
  loading ??= call('people.list', {})
    .then((rows: PersonView[]) => {
      directory = new Map(rows.map((p) => [p.name, p.display_name]));
      return directory;
    })
    .catch(() => {
      loading = null;
      return new Map<string, string>();
    });
  return loading;
}

/** A login name's display name (the login itself when there is none or it says nothing more). */
export function displayName(names: ReadonlyMap<string, string> | null, login: string | null | undefined): string {
  if (!login) return '';
  const d = names?.get(login);
  return d && d.trim() ? d : login;
}

/** `(login) => 李会计`, re-rendering once the directory has arrived. */
export function usePeople(): (login: string | null | undefined) => string {
  const [names, setNames] = useState<Map<string, string> | null>(directory);
  useEffect(() => {
    if (directory) return;
    let live = true;
    void load().then((m) => {
      if (live) setNames(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return useCallback((login: string | null | undefined) => displayName(names, login), [names]);
}

/** Forgets the directory (after signing in as someone else or adding a user). */
export function forgetPeople(): void {
  directory = null;
  loading = null;
}
