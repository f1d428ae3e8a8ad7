import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView } from '../../../../contract/ops/approvals';
import type { Lang } from '../../../../contract/roles';
import { formatTime } from './model';
import { formatMoney, personText } from '../../../../domain';
import { usePeople } from '../../api/people';

type Submission = ApprovalStatusView['submissions'][number];
type Level = Submission['levels'][number];

const SUBMISSION_COLORS: Record<Submission['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error' };

function LevelItem({ level, waiting, closed, lang, currentHash }: { level: Level; waiting: boolean; closed: boolean; lang: Lang; currentHash: string }): React.JSX.Element {
  const { t } = useTranslation();
  const d = level.decision;
  const approvers = level.approvers.map((a) => a.display_name).join(t('common.listSeparator'));
  return (
    <div className="chain-level" data-testid={`chain-level-${level.position}`}>
      <div className="chain-level-name">
        {t('approval.chain.levelN', { n: level.position })} · {level.name}
        {level.min_total && <Typography.Text type="secondary"> {t('approval.chain.fromTotal', { amount: formatMoney(level.min_total) })}</Typography.Text>}
      </div>
      {d ? (
        <>
          <div>
            <Tag color={d.decision === 'approve' ? 'success' : 'error'}>{t(`approval.decision.${d.decision}`)}</Tag>
            <Typography.Text strong>{personText(d.user, level.approvers.find((x) => x.name === d.user)?.display_name, lang)}</Typography.Text>
            <Typography.Text type="secondary"> · {formatTime(d.at, lang)}</Typography.Text>
          </div>
          {d.comment && <div className={`chain-comment${d.decision === 'reject' ? ' chain-comment-reject' : ''}`}>“{d.comment}”</div>}
          <Typography.Text type="secondary" className="hash" title={d.content_hash}>
            {t('approval.chain.signedHash', { hash: d.content_hash.slice(0, 12) })}
            {d.content_hash !== currentHash && ` · ${t('approval.chain.hashChanged')}`}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type={waiting ? undefined : 'secondary'}>
          {waiting ? <Tag color="processing">{t('approval.chain.waiting')}</Tag> : null}
          {/* a level a closed round never reached: it was not skipped, the round ended before it */}
          {closed ? `${t('approval.chain.notReached')} · ` : ''}
          {t('approval.chain.approvers', { names: approvers })}
        </Typography.Text>
      )}
    </div>
  );
}

function dot(level: Level, waiting: boolean): { color: string; icon: React.ReactNode } {
  if (level.decision?.decision === 'approve') return { color: 'green', icon: <CheckCircleFilled /> };
  if (level.decision?.decision === 'reject') return { color: 'red', icon: <CloseCircleFilled /> };
  if (waiting) return { color: 'blue', icon: <ClockCircleOutlined /> };
  return { color: 'gray', icon: <MinusCircleOutlined /> };
}

/** Who signed what and when: every submission (newest first), each level with its decision. */
export function ChainTimeline({ status, lang }: { status: ApprovalStatusView; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  if (status.submissions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approval.chain.notSubmitted')} />;
  const rounds = status.submissions.map((s, i) => ({ s, n: i + 1 })).reverse();
  return (
    <div className="chain-rounds" data-testid="approval-chain">
      {rounds.map(({ s, n }) => {
        const waitingAt = s.status === 'pending' ? s.levels.find((l) => !l.decision)?.position : undefined;
        return (
          <div key={s.id} className={`chain-round chain-round-${s.status}`} data-testid={`chain-round-${n}`}>
            <div className="chain-round-head">
              <Typography.Text strong>{t('approval.chain.round', { n })}</Typography.Text>
              <Tag color={SUBMISSION_COLORS[s.status]}>{t(`approval.submission.${s.status}`)}</Tag>
            </div>
            <Typography.Text type="secondary" className="chain-round-meta">
              {t('approval.chain.submittedBy', { user: who(s.submitted_by), at: formatTime(s.submitted_at, lang), total: formatMoney(s.total) })}
            </Typography.Text>
            {s.comment && <div className="chain-comment">“{s.comment}”</div>}
            <Timeline
              className="chain-timeline"
              items={s.levels.map((l) => ({ ...dot(l, l.position === waitingAt), content: <LevelItem level={l} waiting={l.position === waitingAt} closed={s.status !== 'pending'} lang={lang} currentHash={status.content_hash} /> }))}
            />
          </div>
        );
      })}
    </div>
  );
}
