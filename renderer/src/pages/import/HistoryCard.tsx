import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Card, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportHistoryView } from '../../../../contract/ops/imports';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { gridLocale, gridTheme } from '../../grid/setup';
import { formatCount, formatDateTime, formatMoney } from '../../../../domain';
import { kindText } from '../../i18n/keys';

export function HistoryCard({ period, lang, refreshKey }: { period: string; lang: Lang; refreshKey: number }): React.JSX.Element {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => call('import.history', { period }), `${period}:${refreshKey}`, { keepOnKeyChange: true });
  const rows = data ?? [];
  const columns = useMemo<ColDef<ImportHistoryView>[]>(
    () => [
      { field: 'createdAt', headerName: t('import.when'), width: 165, valueFormatter: (p) => formatDateTime(String(p.value)) },
      { field: 'kind', headerName: t('import.kind'), width: 110, valueFormatter: (p) => kindText(t, p.value) },
      { field: 'period', headerName: t('import.period'), width: 100, valueFormatter: (p) => (p.value ? String(p.value) : t('import.allPeriods')) },
      { field: 'fileName', headerName: t('import.file'), flex: 1, minWidth: 200 },
      { field: 'rows', headerName: t('import.rows'), width: 100, type: 'rightAligned', valueFormatter: (p) => formatCount(Number(p.value)) },
      { field: 'total', headerName: t('import.totalAmount'), width: 150, type: 'rightAligned', valueFormatter: (p) => formatMoney(String(p.value)) },
      { field: 'createdBy', headerName: t('import.who'), width: 100 },
      {
        field: 'replaced',
        headerName: t('import.state'),
        width: 100,
        cellRenderer: (p: { value: boolean; data?: ImportHistoryView }) =>
          p.value ? <Tag>{t('import.replaced')}</Tag> : <Tag color={p.data?.mode === 'replace' ? 'blue' : 'green'}>{t(p.data?.mode === 'replace' ? 'import.modeReplace' : 'import.modeAdd')}</Tag>,
      },
      { field: 'sha256', headerName: 'SHA-256', width: 130, cellClass: 'hash', valueFormatter: (p) => String(p.value).slice(0, 12) },
    ],
    [t, lang],
  );
  return (
    <Card title={t('import.history', { period })} size="small" data-testid="import-history">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <div style={{ height: 260 }}>
        <AgGridReact<ImportHistoryView> theme={gridTheme} localeText={gridLocale(lang)} rowData={rows} columnDefs={columns} defaultColDef={{ resizable: true, sortable: true }} />
      </div>
    </Card>
  );
}
