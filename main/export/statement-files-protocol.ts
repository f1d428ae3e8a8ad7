import type { FormSheet } from './xlsx-writer';

/** Statement files for a worker to write (form-xlsx.ts writeFormFiles): each a one-sheet workbook at `file`. */
export interface StatementFilesJob {
  type: 'statement-files';
  id: number;
  /** the run's moment (ms): every file of a run carries the same time, as when written in-process */
  now: number;
  items: { file: string; sheet: FormSheet }[];
}

/** The worker's answer to a job: every file written whole, or the first failure (no partial file left). */
export interface StatementFilesDone {
  type: 'statement-files-done';
  id: number;
  error: string | null;
}
