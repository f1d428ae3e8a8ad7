import { SafetyCertificateOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Result, Space, Typography } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import type { AuditEntry, AuditVerifyResult, SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { useAction, useLoad } from '../api/use-load';
import { gridLocale, gridTheme } from '../grid/setup';
import { usePeople } from '../api/people';
import { auditChangeText, auditEntityLabel, formatCount, formatDateTime } from '../../../domain';
import { auditActionText } from '../i18n/keys';

function formatTime(iso: string, _lang: Lang): string {
  return formatDateTime(iso, true);
}

export function AuditPage({ lang }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const page = useLoad(() => call('audit.list', { limit: 1000, offset: 0, actor: actor || undefined, action: action || undefined }), JSON.stringify([actor, action]), { keepOnKeyChange: true });
  const rows = page.data?.rows ?? [];
  const total = page.data?.total ?? 0;
  const denied = page.error;
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const { busy, run } = useAction({ toast: true });

  const runVerify = (): Promise<boolean> => run(async () => setVerify(await call('audit.verify', {})));

  const columns = useMemo<ColDef<AuditEntry>[]>(
    () => [
      { field: 'id', headerName: t('audit.id'), width: 80, type: 'rightAligned', pinned: 'left' },
      { field: 'at', headerName: t('audit.at'), width: 170, valueFormatter: (p) => (p.value ? formatTime(String(p.value), lang) : '') },
      { field: 'actor', headerName: t('audit.actor'), width: 120, valueFormatter: (p) => who(String(p.value ?? '')), tooltipValueGetter: (p) => String(p.value ?? '') },
      { field: 'action', headerName: t('audit.action'), width: 150, valueFormatter: (p) => auditActionText(t, String(p.value ?? '')) },
      { field: 'entity', headerName: t('audit.entity'), width: 110, valueFormatter: (p) => auditEntityLabel(String(p.value ?? ''), lang) },
      { field: 'entityId', headerName: t('audit.entityId'), width: 140 },
      { colId: 'change', headerName: t('audit.change'), flex: 1, minWidth: 280, valueGetter: (p) => (p.data ? auditChangeText(p.data.before, p.data.after, lang) : ''), tooltipValueGetter: (p) => String(p.value ?? '') },
      { field: 'hash', headerName: t('audit.hash'), width: 150, cellClass: 'hash', valueFormatter: (p) => String(p.value ?? '').slice(0, 16) },
    ],
    [t, lang, who],
  );

  if (denied) return <Result status="403" subTitle={denied} data-testid="page-audit" />;

  return (
    <Card data-testid="page-audit" styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, height: 'calc(100vh - 150px)' } }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Input.Search allowClear placeholder={t('audit.filterActor')} onSearch={setActor} style={{ width: 180 }} />
          <Input.Search allowClear placeholder={t('audit.filterAction')} onSearch={setAction} style={{ width: 180 }} />
          <Button icon={<ReloadOutlined />} onClick={() => void page.reload()}>
            {t('common.refresh')}
          </Button>
          <Typography.Text type="secondary">{t('audit.total', { total: formatCount(total) })}</Typography.Text>
        </Space>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void runVerify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Space>
      {verify && (
        <Alert
          data-testid="audit-verify-result"
          showIcon
          closable
          onClose={() => setVerify(null)}
          type={verify.ok ? 'success' : 'error'}
          title={verify.ok ? t('audit.verifyOk', { entries: verify.entries }) : verify.message}
        />
      )}
      <div style={{ flex: 1, minHeight: 200 }}>
        <AgGridReact<AuditEntry>
          theme={gridTheme}
          localeText={gridLocale(lang)}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={{ sortable: true, filter: true, resizable: true }}
          getRowId={(p) => String(p.data.id)}
          enableCellTextSelection
          tooltipShowDelay={300}
        />
      </div>
    </Card>
  );
}
