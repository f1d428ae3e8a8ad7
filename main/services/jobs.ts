import { randomUUID } from 'node:crypto';

export interface Job<P, R> {
  id: string;
  owner: number;
  status: 'running' | 'done' | 'failed';
  progress: P | null;
  result: R | null;
  error: string | null;
  abort: AbortController;
  finishedAt: number | null;
}

/**
 * Long tasks the UI follows by polling (import, later calculation and export): progress, cancel,
 * result. In memory, per process; finished jobs are kept for an hour.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job<unknown, unknown>>();

  start<P, R>(owner: number, run: (job: Job<P, R>) => Promise<R>, describeError: (e: unknown) => string): Job<P, R> {
    this.prune();
    const job: Job<P, R> = { id: randomUUID(), owner, status: 'running', progress: null, result: null, error: null, abort: new AbortController(), finishedAt: null };
    this.jobs.set(job.id, job as Job<unknown, unknown>);
    run(job).then(
      (r) => {
        job.result = r;
        job.status = 'done';
        job.finishedAt = Date.now();
      },
      (e: unknown) => {
        job.error = describeError(e);
        job.status = 'failed';
        job.finishedAt = Date.now();
      },
    );
    return job;
  }

  get<P, R>(id: string, owner: number): Job<P, R> | undefined {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? (job as Job<P, R>) : undefined;
  }

  /** Whether any job is running (the shell then postpones installing an update). */
  anyRunning(): boolean {
    for (const j of this.jobs.values()) if (j.status === 'running') return true;
    return false;
  }

  private prune(): void {
    const cutoff = Date.now() - 3600_000;
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && j.finishedAt < cutoff) this.jobs.delete(id);
  }
}
