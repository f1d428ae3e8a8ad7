import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LabelledParameter } from '../../../contract/ops/batches';

/**
 * A policy's parameters as a reader sees them: the label from the policy file with the code small
 * beside it, and the value as the file writes it. One table for every trace (核算结果, the
 * approver's view, 返利台账, the what-if preview of 返利政策).
 */
export function ParametersTable({ parameters, testId }: { parameters: readonly LabelledParameter[]; testId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (parameters.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{t('results.trace.parameters')}</Typography.Title>
      <Table<LabelledParameter>
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={[...parameters]}
        data-testid={testId}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('results.trace.parameter'),
            dataIndex: 'label',
            width: 200,
            render: (l: string, p) => (
              <>
                {l}
                {l !== p.name && (
                  <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                    {' '}
                    {p.name}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t('results.trace.parameterValue'), dataIndex: 'value', render: (v: string) => <span className="mono">{v}</span> },
        ]}
      />
    </>
  );
}
