import { Alert, Button, Card, Descriptions, Empty, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodOverviewView } from '../../../contract/ops/batches';
import { hasRole } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { useLoad } from '../api/use-load';
import { ExportKinds } from './export/ExportKinds';
import { ExportProgress } from './export/export-job';
import { SavedFiles } from './export/SavedFiles';
import { useExport } from './export/use-export';
import { StatusTag } from '../components/StatusTag';
import { formatMoney } from '../../../domain';

/** 导出: choose the batch, export the approval workbook, statements or posting file, see where they went. */
export function ExportPage({ user }: { user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const { data: periods, error } = useLoad<PeriodOverviewView[]>(async () => (await call('periods.overview', {})).filter((p) => p.batch), 'periods');
  const [period, setPeriod] = useState<string | null>(null);
  const { busy, saved, start, save, job } = useExport();
  // the latest approved batch is what one exports most; else the latest batch
  useEffect(() => setPeriod((periods?.find((p) => p.batch?.status === 'approved') ?? periods?.[0])?.period ?? null), [periods]);

  const current = useMemo(() => periods?.find((p) => p.period === period) ?? null, [periods, period]);
  const batch = current?.batch ?? null;

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!periods) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (periods.length === 0 || !batch || !period) {
    return (
      <Card data-testid="page-export">
        <Empty style={{ padding: '48px 0' }} description={<Space orientation="vertical"><Typography.Title level={5}>{t('exports.noBatch')}</Typography.Title><Typography.Text type="secondary">{t('exports.noBatchHint')}</Typography.Text></Space>}>
          <Button type="primary" href="#/overview">
            {t('exports.goResults')}
          </Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="page-export">
      <Card size="small">
        <Space wrap size={24} align="center">
          <Space>
            <Typography.Text strong>{t('exports.batch')}</Typography.Text>
            <Select
              data-testid="export-period"
              style={{ minWidth: 320 }}
              value={period}
              onChange={setPeriod}
              placeholder={t('exports.pickBatch')}
              options={periods.map((p) => ({
                value: p.period,
                label: (
                  <Space>
                    {p.batch && <StatusTag status={p.batch.status} />}
                    {t('exports.batchLine', { period: p.period, total: formatMoney(p.batch?.total), count: p.batch?.distributors ?? 0 })}
                  </Space>
                ),
              }))}
            />
          </Space>
          <Descriptions size="small" column={3} items={[
            { key: 'status', label: t('exports.status'), children: <StatusTag status={batch.status} testId="export-status" /> },
            { key: 'total', label: t('exports.total'), children: <span className="num">{formatMoney(batch.total)}</span> },
            { key: 'hash', label: t('exports.hash'), children: <Typography.Text className="hash" copyable={{ text: batch.content_hash }}>{batch.content_hash.slice(0, 16)}…</Typography.Text> },
          ]} />
        </Space>
      </Card>
      {batch.status !== 'approved' && <Alert type="warning" showIcon data-testid="export-not-approved" title={t('exports.notApproved', { mark: t(`exports.mark.${batch.status}`) })} />}
      {busy && <ExportProgress what={t(`exports.kinds.${busy}.title`)} progress={job.progress} cancelling={job.cancelling} onCancel={job.cancel} />}
      <ExportKinds status={batch.status} busy={busy} isAdmin={hasRole(user.roles, 'admin')} onExport={(r) => void start(period, r)} />
      <SavedFiles saved={saved} onSaveAgain={(s) => void save(s)} />
    </Space>
  );
}
