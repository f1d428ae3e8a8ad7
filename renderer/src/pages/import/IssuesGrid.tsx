import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueView } from '../../../../contract/ops/imports';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { issueLevelText, kindText } from '../../i18n/keys';

export type IssueRow = IssueView & { level: 'error' | 'warning'; kind: string };

export function IssuesGrid({ rows, lang }: { rows: IssueRow[]; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const columns = useMemo<ColDef<IssueRow>[]>(
    () => [
      {
        field: 'level',
        headerName: t('import.level'),
        width: 90,
        filter: true,
        cellRenderer: (p: { value: string }) => <Tag color={p.value === 'error' ? 'error' : 'warning'}>{issueLevelText(t, p.value)}</Tag>,
        valueFormatter: (p) => issueLevelText(t, p.value),
      },
      { field: 'kind', headerName: t('import.kind'), width: 110, filter: true, valueFormatter: (p) => kindText(t, p.value) },
      { field: 'file', headerName: t('import.file'), width: 200, filter: true },
      { field: 'sheet', headerName: t('import.sheet'), width: 110, filter: true },
      { field: 'row', headerName: t('import.row'), width: 80, type: 'rightAligned' },
      { field: 'column', headerName: t('import.column'), width: 70 },
      { field: 'header', headerName: t('import.headerInFile'), width: 130 },
      { field: 'value', headerName: t('import.value'), width: 140 },
      { field: 'message', headerName: t('import.message'), flex: 1, minWidth: 360, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '20px', paddingTop: '6px', paddingBottom: '6px' } },
    ],
    [t],
  );
  return (
    <div style={{ height: 420 }} data-testid="import-issues">
      <AgGridReact<IssueRow>
        theme={gridTheme}
        localeText={gridLocale(lang)}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        enableCellTextSelection
        tooltipShowDelay={300}
      />
    </div>
  );
}
