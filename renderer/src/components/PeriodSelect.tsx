import { Select, Space } from 'antd';
import type { PeriodOverviewView } from '../../../contract/ops/batches';
import { StatusTag } from './StatusTag';

/** A period picker listing the periods that have a batch, each with its status tag (核算结果, 审批). */
export function PeriodSelect({ value, periods, onChange, width, placeholder, testId }: {
  value: string | null;
  /** null while loading */
  periods: readonly PeriodOverviewView[] | null;
  onChange: (period: string) => void;
  width: number;
  placeholder?: string;
  testId: string;
}): React.JSX.Element {
  return (
    <Select
      value={value ?? undefined}
      placeholder={placeholder}
      style={{ width }}
      onChange={onChange}
      loading={!periods}
      data-testid={testId}
      options={(periods ?? [])
        .filter((p) => p.batch)
        .map((p) => ({
          value: p.period,
          label: (
            <Space size={6}>
              <span>{p.period}</span>
              {p.batch && <StatusTag status={p.batch.status} />}
            </Space>
          ),
        }))}
    />
  );
}
