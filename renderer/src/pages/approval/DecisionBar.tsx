import { CheckOutlined, CloseOutlined, InfoCircleOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView } from '../../../../contract/ops/approvals';
import type { DecisionMode } from './DecisionModal';
import type { TFunction } from 'i18next';
import { approvalReasonText } from '../../i18n/keys';
import { usePeople } from '../../api/people';

interface Props {
  status: ApprovalStatusView;
  hash: string;
  canPrepare: boolean;
  /** the signed-in user's name: a submitter is told their batch is waiting, not that they lack a role */
  userName: string;
  onAction: (mode: DecisionMode) => void;
}

/** The reason the signed-in user may not sign, in words (the service returns a stable key). */
function reasonText(status: ApprovalStatusView, t: TFunction, who: (login: string) => string): string {
  const next = status.next;
  if (!next?.reason) return '';
  const pending = status.submissions.find((s) => s.status === 'pending');
  const level = pending?.levels.find((l) => l.position === next.position);
  const approvers = level?.approvers.map((a) => a.display_name).join(t('common.listSeparator')) ?? '';
  return approvalReasonText(t, next.reason, { level: next.name, approvers, user: who(pending?.submitted_by ?? '') });
}

/**
 * The fixed bar at the bottom of the decision view: the one thing this user can do with this batch
 * now — sign (同意 / 驳回), submit it, or read why they cannot.
 */
export function DecisionBar({ status, hash, canPrepare, userName, onAction }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const next = status.next;
  let left: React.ReactNode;
  let right: React.ReactNode = null;

  if (status.status === 'submitted' && next?.can_sign) {
    left = (
      <Space orientation="vertical" size={0}>
        <Typography.Text strong>{t('approval.bar.yourTurn', { n: next.position, level: next.name })}</Typography.Text>
        <Typography.Text type="secondary">
          {t('approval.bar.hashNote')} <span className="hash">{hash.slice(0, 16)}…</span>
        </Typography.Text>
      </Space>
    );
    right = (
      <Space size="middle">
        <Button size="large" danger icon={<CloseOutlined />} onClick={() => onAction('reject')} data-testid="approval-reject">
          {t('approval.bar.reject')}
        </Button>
        <Button size="large" type="primary" icon={<CheckOutlined />} onClick={() => onAction('approve')} data-testid="approval-approve">
          {t('approval.bar.approve')}
        </Button>
      </Space>
    );
  } else if (status.status === 'submitted' && next) {
    const mine = status.submissions.find((s) => s.status === 'pending')?.submitted_by === userName;
    left = (
      <Space size={8} data-testid="approval-cannot-sign">
        <InfoCircleOutlined style={{ color: '#1677ff' }} />
        <span>
          <Typography.Text strong>{t('approval.bar.waitingFor', { n: next.position, level: next.name })}</Typography.Text> <Typography.Text type="secondary">{mine ? t('approval.bar.yourSubmission') : reasonText(status, t, who)}</Typography.Text>
        </span>
      </Space>
    );
  } else if (status.status === 'draft' || status.status === 'rejected') {
    // a draft whose last submission was rejected is being reworked: say so, and offer to submit "again"
    const reworked = status.status === 'rejected' || status.submissions[status.submissions.length - 1]?.status === 'rejected';
    const text = status.status === 'rejected' ? t('approval.bar.rejected') : reworked ? t('approval.bar.redraft') : t('approval.bar.draft');
    left = (
      <Space size={8}>
        <InfoCircleOutlined style={{ color: reworked ? '#cf1322' : 'rgba(0,0,0,0.45)' }} />
        <span>{canPrepare ? text : reworked ? t('approval.bar.waitResubmit') : t('approval.bar.waitPreparer')}</span>
      </Space>
    );
    if (canPrepare) {
      right = (
        <Button size="large" type="primary" icon={<SendOutlined />} onClick={() => onAction('submit')} data-testid="approval-submit">
          {reworked ? t('approval.bar.resubmit') : t('approval.bar.submit')}
        </Button>
      );
    }
  } else {
    left = (
      <Space size={8}>
        <LockOutlined style={{ color: '#389e0d' }} />
        <span>{t('approval.bar.approved')}</span>
      </Space>
    );
  }

  return (
    <div className="approval-bar" data-testid="approval-bar">
      <div className="approval-bar-text">{left}</div>
      {right}
    </div>
  );
}
