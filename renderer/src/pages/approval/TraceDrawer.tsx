import { Alert, Descriptions, Drawer, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceViewData } from '../../../../contract/ops/batches';
import type { Lang } from '../../../../contract/roles';
import { BUILTIN_VARIABLES } from '../../../../formulas';
import { call } from '../../api/client';
import { errorText } from '../../api/use-load';
import { formatDecimal, formatMoney, formatPercent, isNegative } from '../../../../domain';

type Formula = TraceViewData['formulas'][number];
type Source = TraceViewData['sources'][number];

/** Inputs shown as money; rates and quantities are shown as they come (formula values keep every digit). */
const MONEY_INPUTS = new Set(['purchase', 'returns', 'net', 'promo_target', 'promo_actual', 'ytd_purchase', 'ytd_returns', 'ytd_net', 'ytd_rebate', 'prev_rebate']);
const RATE_INPUTS = new Set(['return_rate', 'promo_rate']);

/** Figures right-aligned as in Excel, words (grade, region) left-aligned. */
function InputValue({ name, value }: { name: string; value: string }): React.JSX.Element {
  if (MONEY_INPUTS.has(name)) return <div className="num-cell"><Money value={value} /></div>;
  if (RATE_INPUTS.has(name)) return <div className="num-cell num">{formatPercent(value)}</div>;
  return /^-?\d+(\.\d+)?$/.test(value) ? <div className="num-cell num">{formatDecimal(value)}</div> : <span>{value}</span>;
}

function Money({ value }: { value: string | null }): React.JSX.Element {
  if (value === null) return <span>—</span>;
  return <span className={`num${isNegative(value) ? ' num-negative' : ''}`}>{formatMoney(value)}</span>;
}

/** One distributor's rebate, explained: inputs, every formula with its value, and the source rows. */
export function TraceDrawer({ period, code, lang, onClose }: { period: string; code: string | null; lang: Lang; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [trace, setTrace] = useState<TraceViewData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (code === null) return;
    setTrace(null);
    setError(null);
    call('batch.trace', { period, code })
      .then(setTrace)
      .catch((e: unknown) => setError(errorText(e)));
  }, [period, code]);

  const label = (name: string): string => BUILTIN_VARIABLES.find((v) => v.name === name)?.label[lang] ?? name;
  const row = trace?.row;
  const inputs = row ? Object.entries(row.inputs).filter(([name]) => BUILTIN_VARIABLES.some((v) => v.name === name)) : [];

  return (
    <Drawer open={code !== null} onClose={onClose} size={780} title={row ? `${row.code} ${row.name} · ${period}` : (code ?? '')} data-testid="approval-trace">
      {error && <Alert type="error" showIcon title={error} />}
      {!trace && !error && <Spin />}
      {trace && row && (
        <div className="approval-trace">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('approval.col.region')}>{row.region}</Descriptions.Item>
            <Descriptions.Item label={t('approval.col.grade')}>{row.grade}</Descriptions.Item>
            <Descriptions.Item label={t('approval.col.policy')}>{row.policy ? `${row.policy} v${row.policy_version ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('approval.col.rebate')}>
              <Money value={row.rebate} />
            </Descriptions.Item>
            <Descriptions.Item label={t('approval.col.adjustment')}>
              <Money value={row.adjustment} />
            </Descriptions.Item>
            <Descriptions.Item label={t('approval.col.final')}>
              <Typography.Text strong data-testid="approval-trace-final">
                <Money value={row.final} />
              </Typography.Text>
            </Descriptions.Item>
            {row.adjustment_reason && (
              <Descriptions.Item label={t('approval.col.reason')} span={3}>
                {row.adjustment_reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {row.exception && <Alert type="warning" showIcon title={row.exception} />}

          <Typography.Title level={5}>{t('approval.trace.inputs')}</Typography.Title>
          <Descriptions size="small" column={2} bordered className="approval-trace-inputs">
            {inputs.map(([name, v]) => (
              <Descriptions.Item key={name} label={label(name)}>
                <InputValue name={name} value={v} />
              </Descriptions.Item>
            ))}
          </Descriptions>

          <Typography.Title level={5}>{t('approval.trace.formulas')}</Typography.Title>
          <Table<Formula>
            size="small"
            pagination={false}
            rowKey="name"
            dataSource={trace.formulas}
            data-testid="approval-trace-formulas"
            columns={[
              { title: t('approval.trace.label'), dataIndex: 'label', width: 130, render: (v: string, f) => (<><div>{v}</div><Typography.Text type="secondary" className="mono small">{f.name}</Typography.Text></>) },
              { title: t('approval.trace.expr'), dataIndex: 'expr', render: (v: string) => <code className="approval-expr">{v}</code> },
              { title: t('approval.trace.value'), dataIndex: 'value', width: 150, align: 'right', render: (v: string | null) => <span className={`num${isNegative(v) ? ' num-negative' : ''}`}>{v === null ? '—' : formatDecimal(v)}</span> },
            ]}
          />

          <Typography.Title level={5}>{t('approval.trace.sources')}</Typography.Title>
          <Table<Source>
            size="small"
            pagination={false}
            rowKey={(s) => `${s.kind}/${s.file}/${s.sheet}/${s.row}`}
            dataSource={trace.sources}
            locale={{ emptyText: t('approval.trace.noSources') }}
            columns={[
              { title: t('approval.trace.kind'), dataIndex: 'kind', width: 70, render: (k: Source['kind']) => t(`approval.trace.${k}`) },
              { title: t('approval.trace.doc'), dataIndex: 'doc_no', width: 100 },
              { title: t('approval.trace.date'), dataIndex: 'date', width: 100 },
              { title: t('approval.trace.where'), render: (_: unknown, s) => `${s.file} · ${s.sheet} · ${t('approval.trace.row', { row: s.row })}` },
              { title: t('approval.trace.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: string) => <Money value={v} /> },
            ]}
          />
          {trace.sources.length >= trace.source_limit && <Typography.Text type="secondary">{t('approval.trace.limited', { count: trace.source_limit })}</Typography.Text>}
        </div>
      )}
    </Drawer>
  );
}
