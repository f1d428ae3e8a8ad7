import { Alert, Checkbox, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileNoteView } from '../../../contract/ops/batches';
import { call } from '../api/client';
import { useAction } from '../api/use-load';
import { confirmKeys } from './confirm-keys';

// a named constant: antd's ButtonProps does not declare data-* attributes
const SAVE_BUTTON = { 'data-testid': 'note-save' };

interface Props {
  period: string;
  target: { code: string; name: string | null; note: ReconcileNoteView | undefined } | null;
  onClose: () => void;
  onSaved: (n: ReconcileNoteView | null) => void;
}

/** One distributor's reconciliation note and 已确认 mark (Enter saves, Shift+Enter is a new line). */
export function NoteDialog({ period, target, onClose, onSaved }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, run, clear } = useAction();

  useEffect(() => {
    setNote(target?.note?.note ?? '');
    setConfirmed(Boolean(target?.note?.confirmed_by));
    clear();
  }, [target, clear]);

  const save = async (): Promise<void> => {
    if (!target || busy) return;
    await run(async () => onSaved(await call('reconcile.note', { period, code: target.code, note, confirmed })));
  };

  return (
    <Modal open={target !== null} title={target ? t('flow.rec.editTitle', { code: target.code, name: target.name ?? '' }) : ''} okText={t('flow.rec.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void save()} onCancel={onClose} destroyOnHidden okButtonProps={SAVE_BUTTON}>
      <Input.TextArea autoFocus rows={3} maxLength={1000} showCount value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={confirmKeys(() => void save())} placeholder={t('flow.rec.notePlaceholder')} data-testid="note-text" />
      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} style={{ marginTop: 12 }} data-testid="note-confirmed">
        {t('flow.rec.confirm')}
      </Checkbox>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
