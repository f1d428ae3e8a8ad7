import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportView } from '../../../../contract/ops/exports';
import { hostKind } from '../../api/client';
import { useExportJob } from './export-job';
import { useAction } from '../../api/use-load';
import { saveDownload } from '../../api/files';

export type ExportKind = 'approval' | 'statements' | 'posting';

export type ExportRequest = { kind: 'approval' } | { kind: 'statements'; mode: 'files' | 'workbook' } | { kind: 'posting'; format: 'xlsx' | 'csv' };

/** One file the user exported in this visit: what, where it went, and the download to save it again. */
export interface SavedExport {
  id: number;
  kind: ExportKind;
  period: string;
  fileName: string;
  downloadId: string;
  /** the path chosen in Electron's save dialog; null in a browser (its downloads folder) */
  path: string | null;
  at: Date;
  view: ExportView;
}

/**
 * Runs an export in the service as a job (progress, cancel), then hands the file to saveDownload
 * (the native save dialog in Electron, a download in the browser) and remembers where it went.
 */
export function useExport(): {
  busy: ExportKind | null;
  saved: SavedExport[];
  start: (period: string, r: ExportRequest) => Promise<void>;
  save: (s: SavedExport) => Promise<void>;
  job: ReturnType<typeof useExportJob>;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useExportJob();
  const report = useAction({ toast: true });
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [saved, setSaved] = useState<SavedExport[]>([]);

  const deliver = useCallback(
    async (entry: Omit<SavedExport, 'path' | 'at' | 'id'>): Promise<void> => {
      const where = await saveDownload(entry.downloadId, entry.fileName);
      if (where === null && hostKind() === 'electron') {
        void message.info(t('exports.cancelled'));
        return;
      }
      void message.success(where ? t('exports.saved', { file: where }) : t('exports.downloaded', { file: entry.fileName }));
      setSaved((list) => [{ ...entry, path: where, at: new Date(), id: Date.now() }, ...list]);
    },
    [message, t],
  );

  const start = useCallback(
    async (period: string, r: ExportRequest): Promise<void> => {
      setBusy(r.kind);
      await report.run(async () => {
        const j = await job.run({ ...r, period });
        if (j.cancelled) {
          void message.info(t('exports.runCancelled'));
          return;
        }
        // a batch export's answer (the ledger's is exported from 返利台账)
        const view = j.result && 'content_hash' in j.result ? j.result : null;
        if (j.status !== 'done' || !view) {
          void message.error(j.error ?? '');
          return;
        }
        if (!view.download_id) return;
        await deliver({ kind: r.kind, period, fileName: view.file_name, downloadId: view.download_id, view });
      });
      setBusy(null);
    },
    [deliver, message, job, t, report.run],
  );

  const save = useCallback((s: SavedExport) => deliver(s), [deliver]);
  return { busy, saved, start, save, job };
}
