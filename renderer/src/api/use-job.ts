import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJobView } from '../../../contract/ops/imports';
import { call } from './client';

/** Follows an import job by polling until it is done or failed. */
export function useImportJob(): { job: ImportJobView | null; follow: (jobId: string) => Promise<ImportJobView>; cancel: () => Promise<void>; reset: () => void } {
  const [job, setJob] = useState<ImportJobView | null>(null);
  const current = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const follow = useCallback(async (jobId: string): Promise<ImportJobView> => {
    current.current = jobId;
    for (;;) {
      const j = await call('import.job', { jobId });
      if (alive.current && current.current === jobId) setJob(j);
      if (j.status !== 'running') return j;
      await new Promise((r) => setTimeout(r, 250));
    }
  }, []);

  const cancel = useCallback(async () => {
    if (current.current) await call('import.cancel', { jobId: current.current });
  }, []);

  const reset = useCallback(() => {
    current.current = null;
    setJob(null);
  }, []);

  return { job, follow, cancel, reset };
}
