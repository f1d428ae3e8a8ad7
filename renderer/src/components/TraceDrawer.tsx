import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TraceViewData } from '../../../contract/ops/batches';
import type { Lang } from '../../../contract/roles';
import { BUILTIN_VARIABLES } from '../../../formulas';
import { call } from '../api/client';
import { useLoad } from '../api/use-load';
import { LoadState } from './LoadState';
import { FormulasTable } from './FormulasTable';
import { ParametersTable } from './ParametersTable';
import '../pages/results/results.css';
import { centsToMoney, formatDecimal, formatMoney, formatPercent, isNegative, sumCents } from '../../../domain';

const MONEY = new Set(['purchase', 'returns', 'net', 'promo_target', 'promo_actual', 'ytd_purchase', 'ytd_returns', 'ytd_net', 'ytd_rebate', 'prev_rebate']);
const RATES = new Set(['return_rate', 'promo_rate']);
const QUANTITIES = new Set(['purchase_qty', 'return_qty']);
const SHOWN = [...MONEY, ...RATES, ...QUANTITIES];

type Source = TraceViewData['sources'][number];

/** money: #,##0.00; decimal: up to 4 places (formula values); count: no forced decimals (quantities) */
function Figure({ value, as = 'money', testId }: { value: string | null; as?: 'money' | 'decimal' | 'count'; testId?: string }): React.JSX.Element {
  if (value === null) return <span>—</span>;
  return (
    <span className={`num${isNegative(value) ? ' num-negative' : ''}`} data-testid={testId}>
      {as === 'money' ? formatMoney(value) : as === 'count' ? formatDecimal(value, 0, 4) : formatDecimal(value)}
    </span>
  );
}

interface Props {
  period: string;
  code: string | null;
  lang: Lang;
  onClose: () => void;
  /** the drawer's data-testid (kept per screen: 核算结果 `trace-drawer`, 审批 `approval-trace`, 返利台账 `ledger-trace`) */
  testId?: string;
  /** prefix of the figures' and tables' data-testid: `<prefix>-final`, `<prefix>-formulas`, … */
  prefix?: string;
}

/**
 * How one distributor's rebate comes about: inputs, every formula with its value, and the source
 * rows. One drawer for 核算结果, the approver's view and 返利台账 (the accrued figure's calculation).
 */
export function TraceDrawer({ period, code, lang, onClose, testId = 'trace-drawer', prefix = 'trace' }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('batch.trace', { period, code: code ?? '' }), code === null ? null : `${period}:${code}`);
  const trace = loaded.data;

  const label = (name: string): string => BUILTIN_VARIABLES.find((v) => v.name === name)?.label[lang] ?? name;
  const input = (name: string, v: string): React.ReactNode => (RATES.has(name) ? <span className="num">{formatPercent(v)}</span> : <Figure value={v} as={MONEY.has(name) ? 'money' : 'count'} />);
  const row = trace?.row;
  const perKind = (kind: Source['kind']): Source[] => trace?.sources.filter((s) => s.kind === kind) ?? [];
  const truncated = (['purchases', 'returns'] as const).filter((k) => perKind(k).length >= (trace?.source_limit ?? Infinity));

  return (
    <Drawer open={code !== null} onClose={onClose} size={760} title={row ? `${row.code} ${row.name} · ${period}` : (code ?? '')} data-testid={testId}>
      <LoadState loaded={loaded} />
      {trace && row && (
        <div className="trace">
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('results.col.region')}>{row.region}</Descriptions.Item>
            <Descriptions.Item label={t('results.col.province')}>{row.province ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('results.col.grade')}>{row.grade}</Descriptions.Item>
            <Descriptions.Item label={t('results.col.policy')} span={3}>
              {row.policy ? `${row.policy} v${row.policy_version ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('results.col.rebate')}>
              <Figure value={row.rebate} testId={`${prefix}-rebate`} />
            </Descriptions.Item>
            <Descriptions.Item label={t('results.col.adjustment')}>
              <Figure value={row.adjustment} />
            </Descriptions.Item>
            <Descriptions.Item label={t('results.col.final')}>
              <Typography.Text strong>
                <Figure value={row.final} testId={`${prefix}-final`} />
              </Typography.Text>
            </Descriptions.Item>
            {row.adjustment_reason && (
              <Descriptions.Item label={t('results.col.reason')} span={3}>
                {row.adjustment_reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {row.exception && <Alert type="warning" showIcon title={row.exception} data-testid={`${prefix}-exception`} />}

          <Typography.Title level={5}>
            {t('results.trace.inputs')} <Typography.Text type="secondary" className="trace-unit">{t('results.trace.unit')}</Typography.Text>
          </Typography.Title>
          <Descriptions size="small" column={3} bordered className="trace-inputs">
            {SHOWN.filter((n) => row.inputs[n] !== undefined).map((n) => (
              <Descriptions.Item key={n} label={label(n)}>
                {input(n, row.inputs[n] ?? '')}
              </Descriptions.Item>
            ))}
          </Descriptions>

          <Typography.Title level={5}>{t('results.trace.formulas')}</Typography.Title>
          <FormulasTable steps={trace.formulas} lang={lang} testId={`${prefix}-formulas`} />

          <ParametersTable parameters={trace.parameters} testId={`${prefix}-parameters`} />

          <Typography.Title level={5}>{t('results.trace.sources')}</Typography.Title>
          {truncated.length > 0 && <Alert type="info" showIcon title={t('results.trace.truncated', { limit: trace.source_limit })} />}
          <Table<Source>
            size="small"
            pagination={false}
            rowKey={(s) => `${s.kind}:${s.file}:${s.sheet}:${s.row}`}
            dataSource={trace.sources}
            data-testid={`${prefix}-sources`}
            scroll={{ y: 320 }}
            locale={{ emptyText: t('results.trace.noSources') }}
            columns={[
              { title: t('results.trace.kind'), dataIndex: 'kind', width: 64, render: (k: Source['kind']) => <Tag color={k === 'returns' ? 'orange' : 'blue'}>{t(`kinds.${k}`)}</Tag> },
              { title: t('results.trace.file'), dataIndex: 'file', ellipsis: true },
              { title: t('results.trace.sheet'), dataIndex: 'sheet', width: 80, ellipsis: true },
              { title: t('results.trace.row'), dataIndex: 'row', width: 56, align: 'right', className: 'num' },
              { title: t('results.trace.docNo'), dataIndex: 'doc_no', width: 100 },
              { title: t('results.trace.date'), dataIndex: 'date', width: 96 },
              { title: t('results.trace.amount'), dataIndex: 'amount', width: 120, align: 'right', render: (a: string) => <Figure value={a} /> },
            ]}
            summary={() =>
              (['purchases', 'returns'] as const)
                .filter((k) => perKind(k).length > 0)
                .map((k) => (
                  <Table.Summary.Row key={k} className="row-totals">
                    <Table.Summary.Cell index={0} colSpan={6}>
                      {t('results.trace.sum', { kind: t(`kinds.${k}`), count: perKind(k).length })}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      <Figure value={centsToMoney(sumCents(perKind(k).map((s) => s.amount)))} />
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ))
            }
          />
        </div>
      )}
    </Drawer>
  );
}
