import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodOverviewView } from '../../../contract/ops/batches';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { REFRESH_MS, useLoad } from '../api/use-load';
import { go, PeriodCard } from './overview/PeriodCard';
import { useCalculate } from './results/use-calculate';
import './results/results.css';
import { PERIOD_KINDS } from '../../../domain';

// ECharts is loaded when a chart is first shown, not with the first screen
const BatchCharts = lazy(() => import('../charts/BatchCharts'));

/** A month without anything imported yet: what the overview shows when the user picks it. */
function emptyPeriod(period: string): PeriodOverviewView {
  return { period, kinds: PERIOD_KINDS.map((kind) => ({ kind, files: 0, rows: 0, total: '0.00' })), batch: null, next: 'import' };
}

/** 期间总览: where each month stands (导入 → 核算 → 对账 → 审批 → 导出) and its next step. */
export function OverviewPage({ user, lang }: { user: SessionUser; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const canPrepare = hasRole(user.roles, 'preparer');
  const [year, setYear] = useState<number | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [distributors, setDistributors] = useState<number | null>(null);
  const { run, holder } = useCalculate();
  // every period at once (a few dozen months at most), looked at again so others' steps show
  const { data: periods, error, reload: load } = useLoad(() => call('periods.overview', {}), 'overview', { refreshMs: REFRESH_MS });

  useEffect(() => {
    if (!periods) return;
    // the latest month decides the default year
    setYear((y) => y ?? Number((periods[0]?.period ?? dayjs().format('YYYY')).slice(0, 4)));
    if (periods.length === 0 && distributors === null) void call('distributors.list', {}).then((l) => setDistributors(l.length));
  }, [periods, distributors]);

  const shown = useMemo(() => {
    if (!periods || year === null) return [];
    if (month) return [periods.find((p) => p.period === month) ?? emptyPeriod(month)];
    return periods.filter((p) => p.period.startsWith(`${year}-`));
  }, [periods, year, month]);

  // the charts are about the chosen month, else the latest month of the year with a batch
  const chartPeriod = useMemo(() => shown.find((p) => p.batch)?.period ?? null, [shown]);
  const chartBatch = shown.find((p) => p.period === chartPeriod)?.batch ?? null;

  const calculate = async (period: string): Promise<void> => {
    const recalc = periods?.some((p) => p.period === period && p.batch) ?? false;
    const r = await run(period, recalc);
    if (r) go(`#/results/${period}`);
    else void load();
  };

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!periods) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  if (periods.length === 0) {
    return (
      <Card data-testid="page-overview">
        <Empty
          style={{ padding: '40px 0' }}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="overview-empty">
              <Typography.Title level={5}>{t('results.overview.emptyTitle')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t(distributors ? 'results.overview.emptyTextHasMaster' : 'results.overview.emptyText', { count: distributors ?? 0 })}</Typography.Paragraph>
            </div>
          }
        >
          <Button type="primary" size="large" icon={<CloudUploadOutlined />} disabled={!canPrepare} onClick={() => go('#/import')} data-testid="overview-go-import">
            {t('results.overview.next.import')}
          </Button>
        </Empty>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-overview">
      <Card size="small">
        <Space size="middle" wrap>
          <Typography.Text strong>{t('results.overview.year')}</Typography.Text>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year ?? dayjs().year()}-01-01`)}
            onChange={(d) => {
              if (!d) return;
              setYear(d.year());
              setMonth(null);
            }}
            data-testid="overview-year"
          />
          <Typography.Text strong>{t('results.overview.month')}</Typography.Text>
          <DatePicker
            picker="month"
            placeholder={t('results.overview.allMonths')}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(d) => {
              setMonth(d ? d.format('YYYY-MM') : null);
              if (d) setYear(d.year());
            }}
            data-testid="overview-month"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('common.refresh')}
          </Button>
          <Typography.Text type="secondary">{t('results.overview.hint')}</Typography.Text>
        </Space>
      </Card>
      {shown.length === 0 ? (
        <Card>
          <Empty description={t('results.overview.emptyYear', { year })}>
            <Button type="primary" disabled={!canPrepare} onClick={() => go('#/import')}>
              {t('results.overview.next.import')}
            </Button>
          </Empty>
        </Card>
      ) : (
        shown.map((p) => (
          <Space key={p.period} orientation="vertical" size="middle" style={{ width: '100%' }}>
            <PeriodCard period={p} canPrepare={canPrepare} lang={lang} onCalculate={(x) => void calculate(x)} />
            {p.period === chartPeriod && chartBatch && (
              <Suspense fallback={<Spin style={{ display: 'block', margin: '24px auto' }} />}>
                {/* drawn again when the batch changes (recalculated, approved), not on every look at the periods */}
                <BatchCharts key={`${p.period}:${chartBatch.status}:${chartBatch.content_hash}`} period={p.period} />
              </Suspense>
            )}
          </Space>
        ))
      )}
      {holder}
    </Space>
  );
}
