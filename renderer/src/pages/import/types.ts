import type { DetectedFile, ImportKind, ImportReportView } from '../../../../contract/ops/imports';
import type { StagedFile } from '../../api/files';
import { KINDS } from '../../../../domain';

export const KIND_ORDER: readonly ImportKind[] = KINDS;

/** One picked file through the steps. */
export interface ImportFileState {
  staged: StagedFile;
  detected: DetectedFile | null;
  kind: ImportKind | null;
  /** column letter → field (or null to ignore), the user's changes to the recognised mapping */
  columns: Record<string, string | null>;
}

/** The dry run or the real import of one kind's files. */
export interface KindRun {
  kind: ImportKind;
  files: number[];
  report: ImportReportView | null;
  jobId: string | null;
  error: string | null;
}
