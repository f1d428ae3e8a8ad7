import { DashboardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItemView } from '../../../contract/ops/approvals';
import type { PeriodOverviewView } from '../../../contract/ops/batches';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { REFRESH_MS, useLoad } from '../api/use-load';
import { DecisionView } from './approval/DecisionView';
import { InboxCard } from './approval/InboxCard';
import { periodFromHash } from './approval/model';
import './approval/approval.css';
import { previousPeriod } from '../../../domain';
import { PeriodSelect } from '../components/PeriodSelect';

/** 审批: the approver's inbox and the decision view of one batch (`#/approval/2026-01`). */
export function ApprovalPage({ lang, user }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<string | null>(() => periodFromHash(location.hash));
  const canPrepare = hasRole(user.roles, 'preparer');

  // what others did meanwhile (a new submission, the level before mine signed) shows by itself
  const loaded = useLoad<{ items: InboxItemView[]; list: PeriodOverviewView[] }>(
    async () => {
      const [items, list] = await Promise.all([call('approval.inbox', {}), call('periods.overview', {})]);
      return { items, list };
    },
    'approval',
    { refreshMs: REFRESH_MS },
  );
  const inbox = loaded.data?.items ?? null;
  const periods = loaded.data?.list ?? null;
  const error = loaded.error;

  // without a deep link, once the first load is there: the oldest batch waiting for me, else (for a
  // preparer) the latest batch still to be submitted, else the latest batch
  const chosen = useRef(false);
  useEffect(() => {
    const r = loaded.data;
    if (!r || chosen.current) return;
    chosen.current = true;
    if (periodFromHash(location.hash)) return;
    const batches = r.list.filter((p) => p.batch);
    const open = r.items[0]?.period ?? (canPrepare ? batches.find((p) => p.batch?.status !== 'approved')?.period : undefined) ?? batches[0]?.period;
    if (!open) return;
    history.replaceState(null, '', `#/approval/${open}`);
    setPeriod(open);
  }, [loaded.data, canPrepare]);

  useEffect(() => {
    const onHash = (): void => {
      const p = periodFromHash(location.hash);
      if (p) setPeriod(p);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = useCallback((p: string): void => {
    location.hash = `#/approval/${p}`;
  }, []);

  const batches = useMemo(() => (periods ?? []).filter((p) => p.batch), [periods]);
  const previous = useMemo(() => (period ? periods?.find((p) => p.period === previousPeriod(period)) : undefined), [periods, period]);

  const picker = (
    <Space size={8}>
      <Typography.Text type="secondary">{t('approval.otherPeriod')}</Typography.Text>
      <PeriodSelect value={period} periods={periods} onChange={open} width={200} placeholder={t('approval.pickPeriod')} testId="approval-period-select" />
    </Space>
  );

  return (
    <div className="approval-page" data-testid="page-approval">
      {error && <Alert type="error" showIcon title={error} />}
      <InboxCard items={inbox} selected={period} lang={lang} onOpen={open} extra={picker} />
      {periods && batches.length === 0 ? (
        <Card>
          <Empty style={{ padding: '32px 0' }} description={t('approval.noBatches')}>
            <Button type="primary" icon={<DashboardOutlined />} onClick={() => (location.hash = '#/overview')}>
              {t('approval.goOverview')}
            </Button>
          </Empty>
        </Card>
      ) : period ? (
        <DecisionView key={period} period={period} lang={lang} canPrepare={canPrepare} userName={user.name} previous={previous} stale={periods?.find((p) => p.period === period)?.batch?.stale ?? false} onChanged={() => void loaded.reload()} />
      ) : (
        periods && <Empty description={t('approval.pickHint')} />
      )}
    </div>
  );
}
