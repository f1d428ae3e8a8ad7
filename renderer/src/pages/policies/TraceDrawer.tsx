import { Alert, Descriptions, Drawer, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyTraceView } from '../../../../contract/ops/policies';
import type { Lang } from '../../../../contract/roles';
import { BUILTIN_VARIABLES } from '../../../../formulas';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { LoadState } from '../../components/LoadState';
import type { DraftFile } from './draft';
import { FormulasTable } from '../../components/FormulasTable';
import { ParametersTable } from '../../components/ParametersTable';
import { formatMoney, formatValue } from '../../../../domain';
import { variableValueKind } from '../../../../formulas';

interface Props {
  code: string | null;
  file: DraftFile;
  period: string;
  lang: Lang;
  onClose: () => void;
}

/** How one distributor's rebate comes about with the draft: the inputs read, every formula's value. */
export function TraceDrawer({ code, file, period, lang, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const key = useMemo(() => (code === null ? null : { code, file, period }), [code, file, period]);
  const loaded = useLoad<PolicyTraceView>(() => call('policy.trace', { policy: file, period, distributor: code ?? '' }), key);
  const trace = loaded.data;

  const label = (name: string): string => BUILTIN_VARIABLES.find((v) => v.name === name)?.label[lang] ?? name;
  const d = trace?.distributor;
  return (
    <Drawer open={code !== null} onClose={onClose} size={620} title={d ? `${d.code} ${d.name} · ${period}` : code ?? ''} data-testid="trace-drawer">
      <LoadState loaded={loaded} />
      {trace && d && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('policies.regions')}>{d.region}</Descriptions.Item>
            <Descriptions.Item label={t('policies.grades')}>{d.grade}</Descriptions.Item>
            <Descriptions.Item label={t('policies.policy')}>
              {trace.policy ?? '—'} {trace.draft && <Typography.Text type="secondary">({t('policies.draft')})</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.before')}><span className="num">{trace.before === null ? t('policies.exception') : formatMoney(trace.before)}</span></Descriptions.Item>
            <Descriptions.Item label={t('policies.after')} span={2}>
              <Typography.Text strong className="num" data-testid="trace-rebate">{trace.rebate === null ? t('policies.exception') : formatMoney(trace.rebate)}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {trace.error && <Alert type="warning" showIcon title={trace.error} style={{ marginBottom: 16 }} />}
          <Typography.Title level={5}>{t('policies.traceInputs')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="name" style={{ marginBottom: 16 }} dataSource={trace.inputs}
            columns={[
              { title: t('policies.variable'), dataIndex: 'name', render: (n: string) => <>{label(n)} <Typography.Text type="secondary" className="mono">{n}</Typography.Text></> },
              { title: t('policies.value'), dataIndex: 'value', align: 'right', className: 'num', render: (v: string, i) => <span title={v}>{formatValue(v, variableValueKind(i.name), lang)}</span> },
            ]} />
          <Typography.Title level={5}>{t('policies.traceSteps')}</Typography.Title>
          <FormulasTable steps={trace.steps} lang={lang} testId="trace-steps" />
          <div style={{ marginTop: 16 }}>
            <ParametersTable parameters={trace.parameters} testId="trace-parameters" />
          </div>
        </>
      )}
    </Drawer>
  );
}
