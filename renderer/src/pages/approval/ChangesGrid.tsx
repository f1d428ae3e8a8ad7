import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileView } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, sized, textCol } from './grid';
import { formatMoney, roundToCents } from '../../../../domain';

function signedMoney(v: string | null): string {
  return v !== null && roundToCents(v) > 0n ? `+${formatMoney(v)}` : formatMoney(v);
}

type Change = ReconcileView['changes'][number];

/** The biggest changes against the previous approved month (the service lists those above its thresholds). */
export function ChangesGrid({ report, lang, onTrace }: { report: ReconcileView; lang: Lang; onTrace: (code: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const columns = useMemo<ColDef<Change>[]>(
    () => [
      { ...textCol<Change>('code', t('approval.col.code'), (c) => c.code, 100), pinned: 'left', cellClass: 'mono' },
      { ...textCol<Change>('name', t('approval.col.name'), (c) => c.name, 160), flex: 1, minWidth: 160 },
      moneyCol<Change>('previous', t('approval.col.previous', { period: report.previous_period }), (c) => c.previous, 150),
      moneyCol<Change>('current', t('approval.col.current', { period: report.period }), (c) => c.current, 150),
      // a change reads with its sign, as in a variance report
      { ...moneyCol<Change>('difference', t('approval.col.difference'), (c) => c.difference, 140), valueFormatter: (p) => signedMoney(typeof p.value === 'string' ? p.value : null) },
      {
        ...textCol<Change>('percent', t('approval.col.percent'), (c) => (c.percent === null ? t('approval.changes.new') : `${c.percent.startsWith('-') ? '' : '+'}${c.percent}%`), 100),
        type: 'rightAligned',
        cellClass: 'num',
        cellClassRules: { 'num-negative': (p) => typeof p.value === 'string' && p.value.startsWith('-') },
      },
    ],
    [t, report.previous_period, report.period],
  );
  const rule = t('approval.changes.rule', { percent: report.settings.change_percent, amount: formatMoney(report.settings.change_amount), previous: report.previous_period });
  if (!report.previous_approved) return <Alert type="info" showIcon title={t('approval.changes.noPrevious', { previous: report.previous_period })} data-testid="approval-changes-none" />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{rule}</Typography.Text>
      {report.changes.length === 0 ? (
        <Alert type="success" showIcon title={t('approval.changes.none')} data-testid="approval-changes-none" />
      ) : (
        <div className="approval-grid-auto" data-testid="approval-changes">
          <AgGridReact<Change>
            theme={gridTheme}
            localeText={gridLocale(lang)}
            rowData={report.changes}
            columnDefs={columns}
            defaultColDef={{ sortable: true, resizable: true }}
            onRowClicked={(e) => e.data && onTrace(e.data.code)}
            rowClass="row-clickable"
            {...sized(report.changes.length)}
          />
        </div>
      )}
    </Space>
  );
}
