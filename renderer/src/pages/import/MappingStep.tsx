import { Alert, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFileView, ImportKind, KindView } from '../../../../contract/ops/imports';
import type { ImportFileState, KindRun } from './types';

interface Props {
  files: ImportFileState[];
  kinds: KindView[];
  runs: KindRun[];
  onKind: (index: number, kind: ImportKind) => void;
  onColumn: (index: number, column: string, field: string | null) => void;
}

function reportOf(runs: KindRun[], f: ImportFileState): ImportFileView | undefined {
  const run = runs.find((r) => r.kind === f.kind);
  return run?.report?.files.find((x) => x.file === f.staged.name);
}

function previewColumns(kind: KindView | undefined, rows: { record: object }[]): { title: string; dataIndex: string; key: string; ellipsis: boolean }[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.record)) keys.add(k);
  const label = new Map(kind?.fields.map((f) => [f.field, f.label]) ?? []);
  return [...keys].filter((k) => k !== 'sheet').map((k) => ({ title: k === 'row' ? '#' : (label.get(k) ?? k), dataIndex: k, key: k, ellipsis: true }));
}

export function MappingStep({ files, kinds, runs, onKind, onColumn }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const kindOptions = kinds.map((k) => ({ label: k.label, value: k.kind }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {files.map((f, i) => {
        const view = reportOf(runs, f);
        const kind = kinds.find((k) => k.kind === f.kind);
        const fieldOptions = [{ label: t('import.ignoreColumn'), value: '' }, ...(kind?.fields.map((x) => ({ label: `${x.label}${x.required ? ' *' : ''}`, value: x.field })) ?? [])];
        return (
          <Card
            key={f.staged.path}
            size="small"
            data-testid={`mapping-file-${i}`}
            title={
              <Space>
                <Typography.Text strong>{f.staged.name}</Typography.Text>
                {f.detected?.kind && <Tag color="blue">{t('import.detected')}</Tag>}
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">{t('import.kind')}</Typography.Text>
                <Select<ImportKind> style={{ width: 160 }} value={f.kind ?? undefined} placeholder={t('import.chooseKind')} options={kindOptions} onChange={(k) => onKind(i, k)} data-testid={`kind-select-${i}`} />
              </Space>
            }
          >
            {f.detected?.error && <Alert type="error" showIcon message={f.detected.error} />}
            {!f.detected?.error && !view && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={f.kind ? t('common.loading') : t('import.chooseKind')} />}
            {view?.sheets
              .filter((s) => s.skipped)
              .map((s) => (
                <Typography.Paragraph key={s.name} type="secondary" style={{ marginBottom: 4 }}>
                  {t('import.sheetSkipped', { sheet: s.name, reason: t(`import.skip.${s.skipped ?? 'no_header'}`) })}
                </Typography.Paragraph>
              ))}
            {view?.mappings?.map((m) => (
              <div key={m.sheet} style={{ marginBottom: 12 }}>
                <Typography.Paragraph style={{ marginBottom: 6 }}>
                  {t('import.sheetHeader', { sheet: m.sheet, row: m.header_row_span === 2 ? `${m.header_row - 1}–${m.header_row}` : m.header_row })}
                </Typography.Paragraph>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="column"
                  scroll={{ x: true }}
                  dataSource={[...m.columns, ...m.ignored.map((c) => ({ ...c, field: '' }))].sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column))}
                  columns={[
                    { title: t('import.column'), dataIndex: 'column', width: 60 },
                    { title: t('import.headerInFile'), dataIndex: 'header', width: 200 },
                    {
                      title: t('import.field'),
                      dataIndex: 'field',
                      render: (field: string, c: { column: string }) => (
                        <Select
                          size="small"
                          style={{ width: 200 }}
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
              <>
                <Typography.Text type="secondary">{t('import.previewRows')}</Typography.Text>
                <Table
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  rowKey={(r) => `${String((r as { sheet?: string }).sheet)}-${String((r as { row?: number }).row)}`}
                  dataSource={view.preview.slice(0, 8).map((p) => p.record)}
                  columns={previewColumns(kind, view.preview)}
                  data-testid={`preview-${i}`}
                />
              </>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
