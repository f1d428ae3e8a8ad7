import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView } from '../../../../contract/ops/approvals';
import type { Lang } from '../../../../contract/roles';
import { formatTime } from './model';

/**
 * The latest rejection, in red at the top of the view, while the batch is rejected or back in
 * draft: the preparer must see the approver's comment before changing and resubmitting.
 */
export function RejectionNotice({ status, canPrepare, lang }: { status: ApprovalStatusView; canPrepare: boolean; lang: Lang }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (status.status !== 'rejected' && status.status !== 'draft') return null;
  const last = status.submissions[status.submissions.length - 1];
  if (!last || last.status !== 'rejected') return null;
  const level = last.levels.find((l) => l.decision?.decision === 'reject');
  const d = level?.decision;
  if (!level || !d) return null;
  const who = level.approvers.find((a) => a.name === d.user)?.display_name ?? d.user;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="approval-rejection"
      title={t('approval.rejection.title', { user: who, n: level.position, level: level.name, at: formatTime(d.at, lang) })}
      description={
        <>
          <Typography.Paragraph className="rejection-comment" style={{ marginBottom: 4 }} data-testid="approval-rejection-comment">
            {d.comment}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{canPrepare ? t('approval.rejection.nextPreparer') : t('approval.rejection.next')}</Typography.Text>
        </>
      }
    />
  );
}
