import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Result } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchSummaryView, ResultRowView } from '../../../../contract/ops/batches';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import type { Lang } from '../../../../contract/roles';
import { gridLocale } from '../../grid/setup';
import { compactGridTheme } from './grid-theme';
import { textCol } from '../../grid/columns';
import { exceptionKindText } from '../../i18n/keys';

interface ExceptionRow {
  code: string;
  name: string;
  region: string;
  grade: string;
  policy: string;
  kind: string;
  reason: string;
}

const DEFAULT_COL: ColDef<ExceptionRow> = { sortable: true, resizable: true };
/** 异常: the distributors without a rebate, and why (orange, as everywhere). */
export function ExceptionsTab({ data, lang, onTrace }: { data: Pick<BatchSummaryView, 'period' | 'content_hash' | 'exceptions'>; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  // the grade and policy of the exception rows: those rows only, a page of up to 1,000 at a time
  const found = useLoad(
    async () => {
      const out: ResultRowView[] = [];
      for (let offset = 0; ; offset += 1000) {
        const p = await call('batch.resultsPage', { period: data.period, only: 'exceptions', offset, limit: 1000 });
        out.push(...p.rows);
        if (out.length >= p.matched || p.rows.length === 0) return new Map(out.map((r) => [r.code, r]));
      }
    },
    data.exceptions.length > 0 ? `${data.period}:${data.content_hash}` : null,
    { keepOnKeyChange: true },
  );
  const rows = useMemo<ExceptionRow[]>(
    () =>
      data.exceptions.map((e) => {
        const r = found.data?.get(e.code);
        return { code: e.code, name: e.name, region: e.region, grade: r?.grade ?? '', policy: r?.policy ? `${r.policy} v${r.policy_version ?? ''}` : '', kind: e.kind, reason: e.reason };
      }),
    [data.exceptions, found.data],
  );
  const columns = useMemo<ColDef<ExceptionRow>[]>(
    () => [
      { ...textCol<ExceptionRow>('code', t('results.col.code'), (p) => p.data?.code, 110), pinned: 'left' },
      { ...textCol<ExceptionRow>('name', t('results.col.name'), (p) => p.data?.name, 180), pinned: 'left' },
      textCol<ExceptionRow>('region', t('results.col.region'), (p) => p.data?.region, 90),
      textCol<ExceptionRow>('grade', t('results.col.grade'), (p) => p.data?.grade, 76),
      textCol<ExceptionRow>('policy', t('results.col.policy'), (p) => p.data?.policy, 140),
      textCol<ExceptionRow>('kind', t('results.col.exceptionKind'), (p) => (p.data ? exceptionKindText(t, p.data.kind, 'results') : ''), 130),
      {
        ...textCol<ExceptionRow>('reason', t('results.col.exception'), (p) => p.data?.reason, 400),
        flex: 1,
        cellClass: 'text-exception',
        wrapText: true,
        autoHeight: true,
        cellStyle: { lineHeight: '20px', paddingTop: '6px', paddingBottom: '6px' },
      },
    ],
    [t],
  );
  if (rows.length === 0) return <Result status="success" title={t('results.noExceptions')} data-testid="exceptions-none" />;
  return (
    <div className="group-grid" data-testid="exceptions-grid">
      <AgGridReact<ExceptionRow>
        theme={compactGridTheme}
        localeText={gridLocale(lang)}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={DEFAULT_COL}
        domLayout={rows.length > 15 ? 'normal' : 'autoHeight'}
        containerStyle={rows.length > 15 ? { height: 520 } : undefined}
        onRowClicked={(e) => {
          if (e.data) onTrace(e.data.code);
        }}
      />
    </div>
  );
}
