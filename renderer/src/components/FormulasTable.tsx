import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import { formulaValueText, isNegative } from '../../../domain';
import '../pages/results/results.css';

export interface FormulaStep {
  name: string;
  label: string;
  expr: string;
  value: string | null;
}

/**
 * How a rebate comes about, formula by formula: the label (the code small beneath), the expression,
 * and the value rounded to its kind with the exact value on hover. One table for the trace of
 * 核算结果, 审批 and 返利台账 and for the draft's trace on 返利政策.
 */
export function FormulasTable({ steps, lang, testId }: { steps: FormulaStep[]; lang: Lang; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Table<FormulaStep>
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={steps}
      data-testid={testId}
      locale={{ emptyText: t('results.trace.noFormulas') }}
      columns={[
        {
          title: t('results.trace.formula'),
          dataIndex: 'label',
          width: 150,
          render: (l: string, f) => (
            <>
              {l}
              <br />
              <Typography.Text type="secondary" className="trace-mono trace-name">
                {f.name}
              </Typography.Text>
            </>
          ),
        },
        { title: t('results.trace.expr'), dataIndex: 'expr', render: (e: string) => <code className="trace-mono trace-expr">{e}</code> },
        {
          title: t('results.trace.value'),
          dataIndex: 'value',
          align: 'right',
          width: 150,
          render: (v: string | null, f) => (
            <span title={v ?? ''} className={`num${isNegative(v) ? ' num-negative' : ''}`}>
              {v === null ? '—' : formulaValueText(f.name, f.label, v, lang)}
            </span>
          ),
        },
      ]}
    />
  );
}
