import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../../../contract/ops/batches';
import { STATUS_COLORS } from '../theme';

/** The one batch status tag, in the status colours used everywhere (UI.md): grey, blue, green, red. */
export function StatusTag({ status, testId }: { status: BatchStatus; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`approval.status.${status}`)}
    </Tag>
  );
}
