import type { GridApi, GridReadyEvent } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../../contract/roles';
import { gridLocale, gridTheme } from './setup';

/**
 * The search box and column filters of a grid with a totals row of what is shown (核算结果, 返利台账):
 * the typed search is applied after a pause in typing (the grid filters thousands of rows per
 * change), `shown` is the rows left after every filter (for the totals and the count), `filtered`
 * whether a column filter is set, `clear` empties both. Wire `onGridReady` and `onModelUpdated`.
 */
export interface GridFilter<T> {
  api: React.RefObject<GridApi<T> | null>;
  search: string;
  setSearch: (s: string) => void;
  applied: string;
  shown: T[];
  filtered: boolean;
  clear: () => void;
  onGridReady: (e: GridReadyEvent<T>) => void;
  onModelUpdated: () => void;
  /** spread on the AgGridReact: theme, texts, the rows, the applied search, the api, the recount of what is shown */
  gridProps: {
    theme: typeof gridTheme;
    localeText: Record<string, string> | undefined;
    rowData: T[];
    quickFilterText: string;
    cacheQuickFilter: true;
    suppressColumnVirtualisation: true;
    onGridReady: (e: GridReadyEvent<T>) => void;
    onModelUpdated: () => void;
  };
}

/**
 * A grid's search box: the text typed (`search`) and the text in force (`applied`), which follows
 * after a 60 ms pause in typing so a grid of thousands of rows (or the server) filters once per
 * pause, not per key; `clearSearch` empties both at once.
 */
export function useSearchPause(): { search: string; setSearch: (s: string) => void; applied: string; clearSearch: () => void } {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setApplied(search), 60);
    return () => clearTimeout(timer);
  }, [search]);
  const clearSearch = useCallback(() => {
    setSearch('');
    setApplied('');
  }, []);
  return { search, setSearch, applied, clearSearch };
}

/** `onReady`: called once the grid's api is there (e.g. to apply a filter handed in). */
export function useGridFilter<T>(rows: readonly T[], lang: Lang, onReady?: () => void): GridFilter<T> {
  const api = useRef<GridApi<T> | null>(null);
  const { search, setSearch, applied, clearSearch } = useSearchPause();
  const [shown, setShown] = useState<T[]>([...rows]);
  const [filtered, setFiltered] = useState(false);

  const onModelUpdated = useCallback(() => {
    const g = api.current;
    if (!g) return;
    const visible: T[] = [];
    g.forEachNodeAfterFilter((n) => {
      if (n.data) visible.push(n.data);
    });
    setShown(visible);
    setFiltered(g.isAnyFilterPresent());
  }, []);

  const onGridReady = useCallback(
    (e: GridReadyEvent<T>) => {
      api.current = e.api;
      onReady?.();
      onModelUpdated();
    },
    [onModelUpdated, onReady],
  );

  const clear = useCallback(() => {
    clearSearch();
    api.current?.setFilterModel(null);
  }, []);

  // a few dozen columns at most (no column virtualisation); rows stay virtualised, which is where 5,000 distributors cost
  const gridProps = useMemo(
    () => ({ theme: gridTheme, localeText: gridLocale(lang), rowData: rows as T[], quickFilterText: applied, cacheQuickFilter: true as const, suppressColumnVirtualisation: true as const, onGridReady, onModelUpdated }),
    [lang, rows, applied, onGridReady, onModelUpdated],
  );
  return { api, search, setSearch, applied, shown, filtered, clear, onGridReady, onModelUpdated, gridProps };
}
