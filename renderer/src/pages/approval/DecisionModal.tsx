import { Alert, Descriptions, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatusView, ChainLevelView } from '../../../../contract/ops/approvals';
import { call } from '../../api/client';
import { useAction } from '../../api/use-load';
import { confirmKeys } from '../../components/confirm-keys';
import { formatMoney, roundToCents } from '../../../../domain';
import { usePeople } from '../../api/people';

export type DecisionMode = 'approve' | 'reject' | 'submit';

interface Props {
  mode: DecisionMode | null;
  period: string;
  total: string;
  distributors: number;
  /** the content hash the user is looking at: a decision is valid only for it */
  hash: string;
  status: ApprovalStatusView;
  chain: ChainLevelView[];
  onClose: () => void;
  onDone: (s: ApprovalStatusView) => void;
}

/**
 * The confirmation of a decision: it says what will be signed (period, total, content hash) and what
 * happens next. A rejection needs a comment and is a red button; approval and submission take an
 * optional one. Service errors stay in the dialog, next to the comment.
 */
export function DecisionModal({ mode, period, total, distributors, hash, status, chain, onClose, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const [form] = Form.useForm<{ comment?: string }>();
  const { busy, error, run, clear } = useAction();
  const next = status.next;
  const submitter = who(status.submissions[status.submissions.length - 1]?.submitted_by);
  const levels = chain.filter((l) => l.min_total === null || roundToCents(total) >= roundToCents(l.min_total));

  const ok = async (): Promise<void> => {
    if (!mode || busy) return;
    const { comment } = await form.validateFields();
    const text = comment?.trim() || undefined;
    await run(async () => {
      const s =
        mode === 'submit'
          ? await call('approval.submit', { period, comment: text })
          : mode === 'approve'
            ? await call('approval.approve', { period, comment: text, hash })
            : await call('approval.reject', { period, comment: text ?? '', hash });
      form.resetFields();
      onDone(s);
    });
  };

  const close = (): void => {
    clear();
    form.resetFields();
    onClose();
  };

  // a variable, not a literal: ButtonProps does not declare data-* attributes
  const okProps: ButtonProps & { 'data-testid': string } = { danger: mode === 'reject', 'data-testid': 'decision-ok' };
  const title = mode === 'submit' ? t('approval.modal.submitTitle', { period }) : mode === 'approve' ? t('approval.modal.approveTitle', { period }) : t('approval.modal.rejectTitle', { period });
  return (
    <Modal
      open={mode !== null}
      title={title}
      onOk={() => void ok()}
      onCancel={close}
      confirmLoading={busy}
      okText={mode ? t(`approval.modal.ok.${mode}`) : undefined}
      okButtonProps={okProps}
      cancelText={t('approval.modal.cancel')}
      width={600}
      destroyOnHidden
      data-testid="decision-modal"
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('approval.modal.total')}>
          <span className="num">{formatMoney(total)}</span> {t('approval.modal.distributors', { count: distributors })}
        </Descriptions.Item>
        {mode !== 'submit' && next && <Descriptions.Item label={t('approval.modal.level')}>{t('approval.chain.levelN', { n: next.position })} · {next.name}</Descriptions.Item>}
        {mode === 'submit' && (
          <Descriptions.Item label={t('approval.modal.route')}>
            {levels.length === 0 ? <Typography.Text type="danger">{t('approval.modal.noChain')}</Typography.Text> : levels.map((l) => `${l.position} ${l.name}`).join(' → ')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('approval.hash')}>
          <span className="hash" data-testid="decision-hash">{hash}</span>
        </Descriptions.Item>
      </Descriptions>
      {mode === 'reject' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('approval.modal.rejectEffect', { user: submitter })} />}
      {mode === 'approve' && next && <Typography.Paragraph type="secondary">{t('approval.modal.approveEffect')}</Typography.Paragraph>}
      {mode === 'submit' && <Typography.Paragraph type="secondary">{t('approval.modal.submitEffect')}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={mode === 'reject' ? t('approval.modal.rejectComment') : t('approval.modal.comment')}
          rules={mode === 'reject' ? [{ required: true, whitespace: true, message: t('approval.modal.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount autoFocus placeholder={`${mode === 'reject' ? t('approval.modal.rejectPlaceholder') : t('approval.modal.commentPlaceholder')} · ${t(mode === 'reject' ? 'flow.keys.multiline' : 'flow.keys.enter')}`} onKeyDown={confirmKeys(() => void ok(), mode === 'reject')} data-testid="decision-comment" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="decision-error" />}
    </Modal>
  );
}
