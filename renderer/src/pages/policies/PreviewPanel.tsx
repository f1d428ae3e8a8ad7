import { ReloadOutlined } from '@ant-design/icons';
import type { ColDef, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Button, DatePicker, Space, Statistic, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyPreviewView, PreviewRowView } from '../../../../contract/ops/policies';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { gridLocale, gridTheme } from '../../grid/setup';
import type { DraftFile } from './draft';
import { TraceDrawer } from './TraceDrawer';
import { formatMoney } from '../../../../domain';

interface Props {
  file: DraftFile;
  valid: boolean;
  period: string;
  onPeriod: (period: string) => void;
  lang: Lang;
}

const FIGURES = ['after', 'difference'];
// a narrow panel: tighter cell padding than the full-width grids
const previewTheme = gridTheme.withParams({ cellHorizontalPadding: 8 });

const moneyClass = (v: string | null | undefined): string => (v?.startsWith('-') ? 'num num-negative' : 'num');
const signed = (v: string): string => (v.startsWith('-') || v === '0.00' ? formatMoney(v) : `+${formatMoney(v)}`);

/** What-if on a chosen month: the period's rebates with the saved policies and with this draft. */
export function PreviewPanel({ file, valid, period, onPeriod, lang }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [trace, setTrace] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // the draft as it is typed: previewed once it rests for half a second; an invalid draft keeps the last preview (shown as stale)
  const key = useMemo(() => (valid ? { file, period, tick } : null), [file, valid, period, tick]);
  const { data: preview, error, loading: busy } = useLoad<PolicyPreviewView>(() => call('policy.preview', { policy: file, period }), key, { keepOnKeyChange: true, debounceMs: 500 });

  const rows = useMemo(() => (preview?.rows ?? []).filter((r) => !onlyChanged || r.before !== r.after || r.exception_before !== r.exception_after), [preview, onlyChanged]);
  // a narrow panel: the name (wrapping, never cut), the rebate after the change and the change; the
  // rebate before is the after cell's tooltip (and the totals above) — four columns cut names to 4–5
  // characters. The figures take the width they need (autoSizeColumns per new set of rows).
  const columns = useMemo<ColDef<PreviewRowView>[]>(
    () => [
      { field: 'name', headerName: t('policies.distributor'), flex: 1, minWidth: 120, wrapText: true, autoHeight: true, cellClass: 'preview-name', tooltipValueGetter: (p) => `${p.data?.code ?? ''} ${p.data?.name ?? ''}` },
      {
        field: 'after',
        headerName: t('policies.after'),
        width: 100,
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p) => (p.value === null ? t('policies.exception') : formatMoney(String(p.value))),
        tooltipValueGetter: (p) => `${t('policies.before')} ${p.data?.before === null || p.data?.before === undefined ? t('policies.exception') : formatMoney(String(p.data.before))}`,
      },
      { field: 'difference', headerName: t('policies.difference'), width: 120, type: 'rightAligned', headerClass: 'col-final', cellClass: (p) => `${moneyClass(String(p.value))} col-final`, valueFormatter: (p) => signed(String(p.value)) },
    ],
    [t],
  );
  const fitFigures = (api: GridApi<PreviewRowView>): void => api.autoSizeColumns(FIGURES, false);

  const stale = !valid && preview !== null;
  return (
    <div className="policy-preview" data-testid="policy-preview">
      <div className="policy-preview-head">
        <Typography.Text strong>{t('policies.previewTitle')}</Typography.Text>
        <Space size={4}>
          <DatePicker picker="month" size="small" style={{ width: 110 }} allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && onPeriod(d.format('YYYY-MM'))} data-testid="preview-period" />
          <Button size="small" icon={<ReloadOutlined />} loading={busy} disabled={!valid} onClick={() => setTick((x) => x + 1)} title={t('policies.refresh')} />
        </Space>
      </div>
      {!valid && <Alert type="warning" showIcon title={t('policies.previewNeedsValid')} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {preview && (
        <div style={{ opacity: stale ? 0.5 : 1 }}>
          <div className="preview-stats">
            <Statistic title={t('policies.totalBefore')} value={formatMoney(preview.total_before)} data-testid="preview-before" />
            <Statistic title={t('policies.totalAfter')} value={formatMoney(preview.total_after)} data-testid="preview-after" />
            <Statistic title={t('policies.difference')} value={signed(preview.difference)} styles={{ content: { color: preview.difference.startsWith('-') ? '#cf1322' : undefined } }} data-testid="preview-difference" />
            <Statistic title={t('policies.changed')} value={preview.changed} suffix={`/ ${preview.distributors}`} data-testid="preview-changed" />
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
            {t('policies.previewNote', { applies: preview.draft_applies, period: preview.period })}
            {preview.exceptions_after > 0 && <Typography.Text type="warning"> {t('policies.exceptionsAfter', { count: preview.exceptions_after })}</Typography.Text>}
          </Typography.Paragraph>
          <Space style={{ marginBottom: 6 }}>
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
            <Typography.Text style={{ fontSize: 12 }}>{t('policies.onlyChanged')}</Typography.Text>
          </Space>
          <div style={{ height: 360 }} data-testid="preview-grid">
            <AgGridReact<PreviewRowView>
              key={lang}
              theme={previewTheme}
              localeText={gridLocale(lang)}
              rowData={rows}
              columnDefs={columns}
              getRowId={(p) => p.data.code}
              onFirstDataRendered={(e) => fitFigures(e.api)}
              onRowDataUpdated={(e) => fitFigures(e.api)}
              defaultColDef={{ sortable: true, resizable: true }}
              onRowClicked={(e) => e.data && setTrace(e.data.code)}
              overlayNoRowsTemplate={t('policies.noChanges')}
              tooltipShowDelay={300}
            />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('policies.clickForTrace')}</Typography.Text>
        </div>
      )}
      {!preview && valid && !error && <Typography.Paragraph type="secondary">{t('policies.previewLoading')}</Typography.Paragraph>}
      <TraceDrawer code={trace} file={file} period={period} lang={lang} onClose={() => setTrace(null)} />
    </div>
  );
}
