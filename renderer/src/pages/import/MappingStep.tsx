import { DeleteOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFileView, ImportKind, KindView } from '../../../../contract/ops/imports';
import type { ImportFileState, KindRun } from './types';
import { sheetSkipText } from '../../i18n/keys';
import { formatCount } from '../../../../domain';

interface Props {
  files: ImportFileState[];
  kinds: KindView[];
  runs: KindRun[];
  onKind: (index: number, kind: ImportKind) => void;
  onColumn: (index: number, column: string, field: string | null) => void;
  onRemove: (index: number) => void;
}

export function reportOf(runs: KindRun[], f: ImportFileState): ImportFileView | undefined {
  const run = runs.find((r) => r.kind === f.kind);
  return run?.report?.files.find((x) => x.file === f.staged.name);
}

const IGNORED_COLUMN = 'import.header.column_ignored';

/**
 * Errors and warnings of one file in the dry run of its kind. Columns that match no field are not
 * counted as warnings here: an ERP export has a dozen of them (仓库名称, 条码, 颜色…) and a clean file
 * would look alarming; they are shown apart as "忽略 N 列" and stay listed in the report.
 */
export function problemsOf(runs: KindRun[], f: ImportFileState): { errors: number; warnings: number; ignored: string[] } {
  const run = runs.find((r) => r.kind === f.kind);
  const mine = <T extends { file: string }>(list: T[] | undefined): T[] => (list ?? []).filter((i) => i.file === f.staged.name);
  const warnings = mine(run?.report?.warnings);
  const ignored = warnings.filter((w) => w.key === IGNORED_COLUMN).map((w) => `${w.column ?? ''} ${w.header ?? ''}`.trim());
  return { errors: mine(run?.report?.errors).length + (f.detected?.error ? 1 : 0), warnings: warnings.length - ignored.length, ignored };
}

function previewColumns(kind: KindView | undefined, rows: { record: object }[]): { title: string; dataIndex: string; key: string; ellipsis: boolean }[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.record)) keys.add(k);
  const label = new Map(kind?.fields.map((f) => [f.field, f.label]) ?? []);
  return [...keys].filter((k) => k !== 'sheet').map((k) => ({ title: k === 'row' ? '#' : (label.get(k) ?? k), dataIndex: k, key: k, ellipsis: true }));
}

interface Row {
  index: number;
  file: ImportFileState;
  view: ImportFileView | undefined;
}

/**
 * 识别与映射: one compact row per file — name, kind, sheet, header row, rows, problems — and the
 * column mapping and preview of a file opened on demand (a month of 20 workbooks fits one screen).
 */
export function MappingStep({ files, kinds, runs, onKind, onColumn, onRemove }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string[]>([]);
  const kindOptions = kinds.map((k) => ({ label: k.label, value: k.kind }));
  const rows: Row[] = files.map((f, index) => ({ index, file: f, view: reportOf(runs, f) }));
  const toggle = (key: string): void => setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]));

  const detail = ({ index: i, file: f, view }: Row): React.ReactNode => {
    const kind = kinds.find((k) => k.kind === f.kind);
    const fieldOptions = [{ label: t('import.ignoreColumn'), value: '' }, ...(kind?.fields.map((x) => ({ label: `${x.label}${x.required ? ' *' : ''}`, value: x.field })) ?? [])];
    return (
      <div className="import-detail" data-testid={`mapping-detail-${i}`}>
        {!view && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={f.kind ? t('common.loading') : t('import.chooseKind')} />}
        {view?.sheets
          .filter((s) => s.skipped)
          .map((s) => (
            <Typography.Paragraph key={s.name} type="secondary" style={{ marginBottom: 4 }}>
              {t('import.sheetSkipped', { sheet: s.name, reason: sheetSkipText(t, s.skipped) })}
            </Typography.Paragraph>
          ))}
        {view?.inferred && view.inferred.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('importFlow.inferredTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`inferred-${i}`}>
                {view.inferred.map((x, k) => (
                  <li key={k}>{x.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <div className="import-detail-panes">
          {view?.mappings?.map((m) => (
            <div key={m.sheet} className="import-detail-mapping">
              <Typography.Paragraph style={{ marginBottom: 6 }}>{t('import.sheetHeader', { sheet: m.sheet, row: m.header_row_span === 2 ? `${m.header_row - 1}–${m.header_row}` : m.header_row })}</Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="column"
                scroll={{ y: 280 }}
                dataSource={[...m.columns, ...m.ignored.map((c) => ({ ...c, field: '' }))].sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column))}
                columns={[
                  { title: t('import.column'), dataIndex: 'column', width: 50 },
                  { title: t('import.headerInFile'), dataIndex: 'header', ellipsis: true },
                  {
                    title: t('import.field'),
                    dataIndex: 'field',
                    width: 190,
                    render: (field: string, c: { column: string }) => (
                      <Select
                        size="small"
                        style={{ width: 180 }}
                        value={f.columns[c.column] !== undefined ? (f.columns[c.column] ?? '') : field}
                        options={fieldOptions}
                        onChange={(v: string) => onColumn(i, c.column, v || null)}
                        data-testid={`map-${i}-${c.column}`}
                      />
                    ),
                  },
                ]}
              />
            </div>
          ))}
          {view?.preview && view.preview.length > 0 && (
            <div className="import-detail-preview">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                {t('import.previewRows')}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                rowKey={(r) => `${String((r as { sheet?: string }).sheet)}-${String((r as { row?: number }).row)}`}
                dataSource={view.preview.slice(0, 8).map((p) => p.record)}
                columns={previewColumns(kind, view.preview)}
                data-testid={`preview-${i}`}
              />
            </div>
          )}
        </div>
      </div>
    );
  };

  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(r) => r.file.staged.path}
      dataSource={rows}
      data-testid="import-files-table"
      onRow={(r) => ({ 'data-testid': `mapping-file-${r.index}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowKeys: open,
        showExpandColumn: false,
        expandedRowRender: detail,
      }}
      columns={[
        {
          title: t('import.file'),
          key: 'name',
          ellipsis: true,
          render: (_v, r) => (
            <Space size={6}>
              <Button
                type="text"
                size="small"
                icon={open.includes(r.file.staged.path) ? <DownOutlined /> : <RightOutlined />}
                onClick={() => toggle(r.file.staged.path)}
                aria-label={t('importFlow.details')}
                data-testid={`mapping-open-${r.index}`}
              />
              <Tooltip title={r.file.staged.name}>
                <Typography.Text strong>{r.file.staged.name}</Typography.Text>
              </Tooltip>
              {r.file.detected?.kind && <Tag color="blue">{t('import.detected')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('import.kind'),
          key: 'kind',
          width: 170,
          render: (_v, r) => (
            <Select<ImportKind> size="small" style={{ width: 150 }} value={r.file.kind ?? undefined} status={r.file.kind ? undefined : 'error'} placeholder={t('import.chooseKind')} options={kindOptions} onChange={(k) => onKind(r.index, k)} data-testid={`kind-select-${r.index}`} />
          ),
        },
        {
          title: t('import.sheet'),
          key: 'sheet',
          width: 150,
          ellipsis: true,
          render: (_v, r) => (/\.(csv|txt)$/i.test(r.file.staged.name) ? 'CSV' : r.view ? r.view.sheets.filter((s) => !s.skipped).map((s) => s.name).join(t('common.listSeparator')) || '—' : (r.file.detected?.sheets.find((s) => s.kind)?.name ?? '—')),
        },
        {
          title: t('importFlow.headerRow'),
          key: 'header',
          width: 130,
          render: (_v, r) => {
            const m = r.view?.mappings?.[0];
            const row = m ? (m.header_row_span === 2 ? `${m.header_row - 1}–${m.header_row}` : String(m.header_row)) : r.file.detected?.sheets.find((s) => s.kind)?.headerRow;
            return row ? t('importFlow.headerAt', { row }) : '—';
          },
        },
        { title: t('import.rows'), key: 'rows', width: 90, align: 'right', className: 'num', render: (_v, r) => (r.view ? formatCount(r.view.rows) : '—') },
        {
          title: t('importFlow.problems'),
          key: 'problems',
          width: 260,
          render: (_v, r) => {
            if (r.file.detected?.error) return <Typography.Text type="danger" ellipsis={{ tooltip: r.file.detected.error }}>{r.file.detected.error}</Typography.Text>;
            if (!r.file.kind) return <Typography.Text type="danger">{t('import.chooseKind')}</Typography.Text>;
            if (!r.view) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
            const p = problemsOf(runs, r.file);
            const inferred = r.view.inferred ?? [];
            const inferredTag = inferred.length > 0 && (
              <Tooltip title={inferred.map((x) => x.message).join('\n')}>
                <Tag color="processing" onClick={() => !open.includes(r.file.staged.path) && toggle(r.file.staged.path)} style={{ cursor: 'pointer' }} data-testid={`inferred-tag-${r.index}`}>
                  {t('importFlow.inferred', { count: inferred.length })}
                </Tag>
              </Tooltip>
            );
            const ignoredTag = p.ignored.length > 0 && (
              <Tooltip title={p.ignored.join(t('common.listSeparator'))}>
                <Tag data-testid={`ignored-tag-${r.index}`}>{t('importFlow.ignoredColumns', { count: p.ignored.length })}</Tag>
              </Tooltip>
            );
            return (
              <Space size={4} wrap>
                {p.errors + p.warnings === 0 && <Tag color="success">{t('importFlow.noProblems')}</Tag>}
                {p.errors > 0 && <Tag color="error">{t('importFlow.errors', { count: p.errors })}</Tag>}
                {p.warnings > 0 && <Tag color="warning">{t('importFlow.warnings', { count: p.warnings })}</Tag>}
                {inferredTag}
                {ignoredTag}
              </Space>
            );
          },
        },
        {
          title: '',
          key: 'actions',
          width: 150,
          align: 'right',
          render: (_v, r) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => toggle(r.file.staged.path)} data-testid={`mapping-toggle-${r.index}`}>
                {open.includes(r.file.staged.path) ? t('importFlow.hideDetails') : t('importFlow.details')}
              </Button>
              <Tooltip title={t('importFlow.remove')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => onRemove(r.index)} aria-label={t('importFlow.remove')} data-testid={`mapping-remove-${r.index}`} />
              </Tooltip>
            </Space>
          ),
        },
      ]}
    />
  );
}
