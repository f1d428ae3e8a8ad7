import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistributorView } from '../../../contract/ops/imports';
import type { Lang } from '../../../contract/roles';
import { call } from '../api/client';
import { useLoad } from '../api/use-load';
import { gridLocale, gridTheme } from '../grid/setup';
import { distributorStatusText } from '../i18n/keys';
import { formatDateTime } from '../../../domain';

export function DistributorsPage({ lang, onImport }: { lang: Lang; onImport: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { data: rows, error } = useLoad(() => call('distributors.list', {}), 'distributors');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<DistributorView | null>(null);

  const columns = useMemo<ColDef<DistributorView>[]>(
    () => [
      { field: 'code', headerName: t('dist.code'), width: 120, pinned: 'left' },
      { field: 'name', headerName: t('dist.name'), width: 220, pinned: 'left' },
      { field: 'region', headerName: t('dist.region'), width: 100, filter: true },
      { field: 'province', headerName: t('dist.province'), width: 100, filter: true },
      { field: 'city', headerName: t('dist.city'), width: 100 },
      { field: 'grade', headerName: t('dist.grade'), width: 80, filter: true },
      {
        field: 'status',
        headerName: t('dist.status'),
        width: 90,
        filter: true,
        cellRenderer: (p: { value: string }) => <Tag color={p.value === 'active' ? 'success' : 'default'}>{distributorStatusText(t, p.value)}</Tag>,
      },
      { colId: 'changes', headerName: t('dist.changes'), width: 110, type: 'rightAligned', valueGetter: (p) => Math.max(0, (p.data?.history.length ?? 1) - 1) },
      { field: 'updatedAt', headerName: t('dist.updatedAt'), flex: 1, minWidth: 160, valueFormatter: (p) => formatDateTime(String(p.value)) },
    ],
    [t, lang],
  );

  if (error) return <Alert type="error" showIcon title={error} data-testid="page-distributors" />;
  if (rows && rows.length === 0) {
    return (
      <Card data-testid="page-distributors">
        <Empty description={t('dist.empty')}>
          <Button type="primary" onClick={onImport}>
            {t('dist.goImport')}
          </Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Card data-testid="page-distributors" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, height: 'calc(100vh - 150px)' } }}>
      <Space>
        <Input.Search allowClear placeholder={t('dist.search')} style={{ width: 280 }} onChange={(e) => setSearch(e.target.value)} data-testid="dist-search" />
        <Typography.Text type="secondary">{t('dist.count', { count: rows?.length ?? 0 })}</Typography.Text>
      </Space>
      <div style={{ flex: 1 }} data-testid="dist-grid">
        <AgGridReact<DistributorView>
          theme={gridTheme}
          localeText={gridLocale(lang)}
          rowData={rows ?? []}
          loading={rows === null}
          columnDefs={columns}
          quickFilterText={search}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p) => p.data.code}
          onRowClicked={(e) => e.data && setOpen(e.data)}
        />
      </div>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={520} title={open ? `${open.code} ${open.name}` : ''} data-testid="dist-drawer">
        {open && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('dist.region')}>{open.region}</Descriptions.Item>
              <Descriptions.Item label={t('dist.grade')}>{open.grade}</Descriptions.Item>
              <Descriptions.Item label={t('dist.province')}>{open.province}</Descriptions.Item>
              <Descriptions.Item label={t('dist.city')}>{open.city}</Descriptions.Item>
              <Descriptions.Item label={t('dist.status')}>{t(`dist.${open.status}`)}</Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('dist.history')}</Typography.Title>
              <Table
                size="small"
                pagination={false}
                rowKey="effective_from"
                dataSource={[...open.history].reverse()}
                columns={[
                  { title: t('dist.effectiveFrom'), dataIndex: 'effective_from', render: (v: string) => (v === '0000-00' ? t('dist.always') : v) },
                  { title: t('dist.region'), dataIndex: 'region' },
                  { title: t('dist.province'), dataIndex: 'province' },
                  { title: t('dist.grade'), dataIndex: 'grade' },
                ]}
              />
            </div>
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
