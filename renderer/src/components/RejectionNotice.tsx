import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView } from '../../../contract/ops/approvals';
import type { Lang } from '../../../contract/roles';
import { formatTime } from '../pages/approval/model';

export interface Rejection {
  /** display name of the approver who rejected */
  who: string;
  at: string;
  position: number;
  level: string;
  comment: string;
}

/** The latest rejection of a batch that is rejected or back in draft after one; null otherwise. */
export function lastRejection(status: ApprovalStatusView | null | undefined): Rejection | null {
  if (!status || (status.status !== 'rejected' && status.status !== 'draft')) return null;
  const last = status.submissions[status.submissions.length - 1];
  if (!last || last.status !== 'rejected') return null;
  const level = last.levels.find((l) => l.decision?.decision === 'reject');
  const d = level?.decision;
  if (!level || !d) return null;
  return { who: level.approvers.find((a) => a.name === d.user)?.display_name ?? d.user, at: d.at, position: level.position, level: level.name, comment: d.comment ?? '' };
}

interface Props {
  status: ApprovalStatusView | null | undefined;
  canPrepare: boolean;
  lang: Lang;
  /** `approval-rejection` on 审批; other screens pass their own prefix */
  testId?: string;
  /** what the preparer does about it ("按意见修改", "重新提交审批"), shown beside the comment */
  action?: React.ReactNode;
  /** the hint below the comment; defaults to the one of the 审批 screen */
  hint?: string;
}

/**
 * The latest rejection, in red where the preparer works (期间总览, 核算结果, 审批), while the batch is
 * rejected or back in draft: who, when, at which level and the comment, and what to do next.
 */
export function RejectionNotice({ status, canPrepare, lang, testId = 'approval-rejection', action, hint }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const r = lastRejection(status);
  if (!r) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="rejection-notice"
      data-testid={testId}
      title={t('approval.rejection.title', { user: r.who, n: r.position, level: r.level, at: formatTime(r.at, lang) })}
      action={canPrepare ? action : undefined}
      description={
        <>
          <Typography.Paragraph className="rejection-comment" style={{ marginBottom: 4 }} data-testid={`${testId}-comment`}>
            {r.comment}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{hint ?? (canPrepare ? t('approval.rejection.nextPreparer') : t('approval.rejection.next'))}</Typography.Text>
        </>
      }
    />
  );
}
