import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Empty, List, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerDetailView, LedgerRowView, LedgerView } from '../../../contract/ops/ledger';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { saveDownload } from '../api/files';
import { notifyChanged, REFRESH_MS, useAction, useLoad } from '../api/use-load';
import { LedgerAdjustModal } from './ledger/LedgerAdjustModal';
import { LedgerDrawer } from './ledger/LedgerDrawer';
import { LedgerGrid } from './ledger/LedgerGrid';
import { ExportProgress, useExportJob } from './export/export-job';
import './results/results.css';
import { isPeriod } from '../../../domain';


/** The period of a deep link `#/ledger/2026-01`. */
function periodFromHash(): string | null {
  const p = location.hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return isPeriod(p) ? p : null;
}

/** 返利台账: per distributor opening, accrued, used (by method), adjusted, closing; drill-down, adjustments, history, findings. */
export function LedgerPage({ lang, user }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useAction({ toast: true });
  const periods = useLoad(() => call('periods.overview', {}), 'periods');
  const [period, setPeriod] = useState<string | null>(periodFromHash);
  const [version, setVersion] = useState(0);
  const ledger = useLoad<LedgerView>(() => call('ledger.show', { period: period ?? '' }), period ? `${period}:${version}` : null, { refreshMs: REFRESH_MS, keepOnKeyChange: true });
  const [detail, setDetail] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const job = useExportJob();
  const exporting = job.running;

  useEffect(() => {
    if (period || !periods.data) return;
    const latest = periods.data[0]?.period;
    if (!latest) return;
    history.replaceState(null, '', `#/ledger/${latest}`);
    setPeriod(latest);
  }, [periods.data, period]);

  useEffect(() => {
    const onHash = (): void => {
      const p = periodFromHash();
      if (p) setPeriod(p);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const v = ledger.data && ledger.data.period === period ? ledger.data : null;
  const open = v !== null && v.batch_status !== 'submitted' && v.batch_status !== 'approved';
  const canAdjust = hasRole(user.roles, 'preparer') && open;
  const distributors = useMemo(() => (v?.rows ?? []).map((r: LedgerRowView) => ({ code: r.code, name: r.name })), [v]);

  const exportLedger = async (): Promise<void> => {
    if (!period) return;
    await report.run(async () => {
      const j = await job.run({ kind: 'ledger', period });
      if (j.cancelled) {
        void message.info(t('exports.runCancelled'));
        return;
      }
      const r = j.result;
      if (j.status !== 'done' || !r) {
        void message.error(j.error ?? '');
        return;
      }
      if (r.download_id) {
        const where = await saveDownload(r.download_id, r.file_name);
        if (where !== null) void message.success(t('ledger.exported', { file: where || r.file_name }));
      }
    });
  };

  const saved = (d: LedgerDetailView): void => {
    setAdjusting(false);
    void message.success(t('ledger.adjustModal.saved', { code: d.code }));
    setVersion((x) => x + 1);
    notifyChanged();
  };

  const periodOptions = (periods.data ?? []).map((p) => ({ value: p.period, label: p.period }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ledger-page">
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{t('ledger.period')}</Typography.Text>
            <Select style={{ width: 140 }} value={period ?? undefined} options={periodOptions} onChange={(p: string) => (location.hash = `#/ledger/${p}`)} data-testid="ledger-period" />
            {v && (
              <Tag color={v.final ? 'green' : 'default'} data-testid="ledger-state">
                {v.final ? t('ledger.final') : t('ledger.provisional')}
              </Tag>
            )}
          </Space>
          <Space wrap>
            {hasRole(user.roles, 'preparer') && (
              <Button icon={<EditOutlined />} disabled={!canAdjust} title={open ? undefined : t('ledger.adjustModal.closed')} onClick={() => setAdjusting(true)} data-testid="ledger-adjust">
                {t('ledger.adjust')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!v || v.rows.length === 0} onClick={() => void exportLedger()} data-testid="ledger-export">
              {t('ledger.export')}
            </Button>
          </Space>
        </Space>
      </Card>
      {exporting && <ExportProgress what={t('exports.ledgerTitle')} progress={job.progress} cancelling={job.cancelling} onCancel={job.cancel} />}
      {ledger.error && <Alert type="error" showIcon title={ledger.error} />}
      {period && !v && !ledger.error && <Spin />}
      {!period && periods.data && <Empty description={t('ledger.empty')} />}
      {v && !v.final && v.rows.length > 0 && <Alert type="info" showIcon title={t('ledger.provisionalHint')} data-testid="ledger-provisional" />}
      {v && v.rows.length === 0 && <Empty description={t('ledger.empty')} />}
      {v && v.rows.length > 0 && (
        <Tabs
          items={[
            { key: 'rows', label: t('ledger.tabs.rows'), children: <LedgerGrid rows={v.rows} lang={lang} onDetail={(r) => setDetail(r.code)} /> },
            {
              key: 'findings',
              label: (
                <span data-testid="ledger-findings-tab">
                  {t('ledger.tabs.findings', { count: v.findings.length })} {v.findings.length > 0 && <Badge status="warning" />}
                </span>
              ),
              children: (
                <Card size="small">
                  <Typography.Paragraph type="secondary">{t('ledger.dormantSetting', { n: v.dormant_periods })}</Typography.Paragraph>
                  <List
                    data-testid="ledger-findings"
                    locale={{ emptyText: t('ledger.findingsNone') }}
                    dataSource={v.findings}
                    renderItem={(f) => (
                      <List.Item actions={[<a key="open" onClick={() => setDetail(f.code)}>{f.code}</a>]}>
                        <List.Item.Meta title={<Space><Tag color={f.check === 'overdrawn' ? 'red' : 'orange'}>{t(`ledger.check.${f.check}`)}</Tag>{`${f.code} ${f.name ?? ''}`}</Space>} description={f.detail} />
                      </List.Item>
                    )}
                  />
                </Card>
              ),
            },
          ]}
        />
      )}
      {period && <LedgerDrawer period={period} code={detail} version={version} onClose={() => setDetail(null)} />}
      {period && <LedgerAdjustModal open={adjusting} period={period} distributors={distributors} initialCode={detail} onClose={() => setAdjusting(false)} onSaved={saved} />}
    </Space>
  );
}
