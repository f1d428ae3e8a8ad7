import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmKeys } from '../../components/confirm-keys';

interface Props {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  onOk: (comment: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks why (every version and state change carries a comment for the history and the audit log). */
export function CommentDialog({ open, title, description, okText, danger, onOk, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = async (): Promise<void> => {
    if (busy || !comment.trim()) return;
    setBusy(true);
    try {
      await onOk(comment.trim());
      setComment('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ disabled: !comment.trim(), danger: danger ?? false, loading: busy }}
      onOk={() => void ok()} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      <Input.TextArea autoFocus rows={3} maxLength={500} showCount value={comment} placeholder={t('policies.commentPlaceholder')}
        onChange={(e) => setComment(e.target.value)} onKeyDown={confirmKeys(() => void ok())} data-testid="comment-input" />
    </Modal>
  );
}
