import { Alert, Button, Descriptions, Drawer, Empty, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { FunctionOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerDetailView, LedgerHistoryView } from '../../../../contract/ops/ledger';
import { apiLanguage, call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { StatusTag } from '../../components/StatusTag';
import { TraceDrawer } from '../../components/TraceDrawer';
import { formatMoney } from '../../../../domain';
import { Person } from '../../components/Person';

interface Props {
  period: string;
  code: string | null;
  /** bumped when the ledger changed (an adjustment), to load the detail again */
  version: number;
  onClose: () => void;
}

const num = { align: 'right' as const, className: 'num' };

/** A distributor's figures and the rows behind each: the imported balance, the batch row, settlements with file/sheet/row, adjustments with reasons; its history. */
export function LedgerDrawer({ period, code, version, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  // the accrued figure is the batch's final amount: its calculation opens in the same drawer as on 核算结果
  const [trace, setTrace] = useState(false);
  const detail = useLoad<LedgerDetailView>(() => call('ledger.detail', { period, code: code ?? '' }), code ? `${period}:${code}:${version}` : null);
  const history = useLoad<LedgerHistoryView>(() => call('ledger.history', { code: code ?? '' }), code ? `${code}:${version}` : null);
  const d = detail.data;
  const x = 'ledger.detail.';
  return (
    <Drawer open={code !== null} onClose={onClose} size="large" title={d ? t(`${x}title`, { code: d.code, name: d.name, period: d.period }) : code} data-testid="ledger-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {!d && !detail.error && <Spin />}
      {d && (
        <Tabs
          items={[
            {
              key: 'detail',
              label: t(`${x}summary`),
              children: (
                <>
                  <Descriptions size="small" column={1} bordered data-testid="ledger-detail-summary">
                    <Descriptions.Item
                      label={d.opening_source.kind === 'balance' ? t(`${x}openingBalance`, { file: d.opening_source.file, sheet: d.opening_source.sheet, row: d.opening_source.row }) : t(`${x}openingPrevious`, { period: d.opening_source.period })}
                    >
                      <span className="num">{formatMoney(d.opening)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ledger.col.accrued')}>
                      <span className="num">{formatMoney(d.accrued)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ledger.col.used')}>
                      <span className="num">− {formatMoney(d.used)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ledger.col.adjusted')}>
                      <span className="num">{formatMoney(d.adjusted)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={<strong>{t('ledger.col.closing')}</strong>}>
                      <strong className="num">{formatMoney(d.closing)}</strong>
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t(`${x}batch`)}
                    {d.batch && (
                      <Button type="link" size="small" icon={<FunctionOutlined />} onClick={() => setTrace(true)} data-testid="ledger-open-trace">
                        {t(`${x}openTrace`)}
                      </Button>
                    )}
                  </Typography.Title>
                  {d.batch ? (
                    <>
                      {d.batch.status !== 'approved' && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t(`${x}batchNotApproved`, { status: t(`approval.status.${d.batch.status}`) })} />}
                      <Table
                        size="small"
                        pagination={false}
                        rowKey={() => 'batch'}
                        data-testid="ledger-detail-batch"
                        dataSource={[d.batch]}
                        columns={[
                          { title: t(`${x}batchCols.status`), render: (_: unknown, b) => <StatusTag status={b.status} /> },
                          { title: t(`${x}batchCols.policy`), dataIndex: 'policy' },
                          { title: t(`${x}batchCols.rebate`), ...num, render: (_: unknown, b) => formatMoney(b.rebate) },
                          { title: t(`${x}batchCols.adjustment`), ...num, render: (_: unknown, b) => formatMoney(b.adjustment) },
                          { title: t(`${x}batchCols.final`), ...num, render: (_: unknown, b) => formatMoney(b.final) },
                        ]}
                      />
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t(`${x}batchNone`)}</Typography.Text>
                  )}
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t(`${x}settlements`, { count: d.settlements.length })}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    data-testid="ledger-detail-settlements"
                    rowKey={(s) => `${s.file}:${s.sheet}:${s.row}`}
                    dataSource={d.settlements}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${x}none`)} /> }}
                    columns={[
                      { title: t(`${x}settlementCols.doc`), dataIndex: 'doc_no' },
                      { title: t(`${x}settlementCols.date`), dataIndex: 'date' },
                      { title: t(`${x}settlementCols.method`), render: (_: unknown, s) => <Tag>{t(`ledger.method.${s.method}`)}</Tag> },
                      { title: t(`${x}settlementCols.amount`), ...num, render: (_: unknown, s) => <span className={s.amount.startsWith('-') ? 'num-negative' : undefined}>{formatMoney(s.amount)}</span> },
                      { title: t(`${x}settlementCols.note`), dataIndex: 'note' },
                      { title: t(`${x}settlementCols.source`), render: (_: unknown, s) => `${s.file} / ${s.sheet} / ${s.row}` },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t(`${x}adjustments`, { count: d.adjustments.length })}
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    data-testid="ledger-detail-adjustments"
                    rowKey="id"
                    dataSource={d.adjustments}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${x}none`)} /> }}
                    columns={[
                      { title: t(`${x}adjustmentCols.amount`), ...num, render: (_: unknown, a) => formatMoney(a.amount) },
                      { title: t(`${x}adjustmentCols.reason`), dataIndex: 'reason' },
                      { title: t(`${x}adjustmentCols.by`), dataIndex: 'created_by', render: (v: string) => <Person name={v} /> },
                      { title: t(`${x}adjustmentCols.at`), render: (_: unknown, a) => a.created_at.slice(0, 16).replace('T', ' ') },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'history',
              label: t(`${x}history`),
              children: (
                <Table
                  size="small"
                  pagination={false}
                  data-testid="ledger-history"
                  rowKey="period"
                  loading={!history.data && !history.error}
                  dataSource={history.data?.rows ?? []}
                  columns={[
                    { title: t(`${x}historyCols.period`), dataIndex: 'period' },
                    { title: t(`${x}historyCols.state`), render: (_: unknown, r) => (r.final ? t('ledger.final') : t('ledger.provisional')) },
                    { title: t('ledger.col.opening'), ...num, render: (_: unknown, r) => formatMoney(r.opening) },
                    { title: t('ledger.col.accrued'), ...num, render: (_: unknown, r) => formatMoney(r.accrued) },
                    { title: t('ledger.col.used'), ...num, render: (_: unknown, r) => formatMoney(r.used) },
                    { title: t('ledger.col.adjusted'), ...num, render: (_: unknown, r) => formatMoney(r.adjusted) },
                    { title: t('ledger.col.closing'), ...num, render: (_: unknown, r) => <strong>{formatMoney(r.closing)}</strong> },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      <TraceDrawer period={period} code={trace ? code : null} lang={apiLanguage()} onClose={() => setTrace(false)} testId="ledger-trace" prefix="ledger-trace" />
    </Drawer>
  );
}
