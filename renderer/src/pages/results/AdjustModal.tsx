import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultRowView } from '../../../../contract/ops/batches';
import { call } from '../../api/client';
import { useAction } from '../../api/use-load';
import { confirmKeys } from '../../components/confirm-keys';
import { centsToMoney, formatMoney, roundToCents } from '../../../../domain';

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/;

interface Props {
  period: string;
  /** the batch's calculation the screen shows (an adjustment after a recalculation elsewhere is refused) */
  calculatedAt?: string | undefined;
  row: ResultRowView | null;
  onClose: () => void;
  onSaved: (row: ResultRowView) => void;
}

interface Values {
  amount: string;
  reason: string;
  note?: string;
}

/** A manual adjustment: amount (may be negative; 0 removes it) and a mandatory reason, audit-logged. */
export function AdjustModal({ period, calculatedAt, row, onClose, onSaved }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy: saving, error, run, clear } = useAction();
  const amount = Form.useWatch('amount', form) ?? '';

  useEffect(() => {
    if (!row) return;
    clear();
    form.setFieldsValue({ amount: roundToCents(row.adjustment) === 0n ? '' : row.adjustment, reason: row.adjustment_reason ?? '', note: row.adjustment_note ?? '' });
  }, [row, form, clear]);

  const clean = amount.replace(/[,，\s]/g, '');
  const valid = AMOUNT.test(clean);
  const finalPreview = row && row.rebate !== null && valid ? centsToMoney(roundToCents(row.rebate) + roundToCents(clean)) : null;

  const save = async (v: Values): Promise<void> => {
    if (!row || saving) return;
    await run(async () => onSaved(await call('batch.adjust', { period, code: row.code, amount: v.amount.replace(/[,，\s]/g, ''), reason: v.reason.trim(), note: (v.note ?? '').trim(), ...(calculatedAt ? { calculatedAt } : {}) })));
  };

  return (
    <Modal
      open={row !== null}
      title={row ? t('results.adjust.title', { code: row.code, name: row.name }) : ''}
      okText={t('results.adjust.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="adjust-modal"
    >
      {row && (
        <Descriptions size="small" column={3} bordered layout="vertical" className="adjust-figures" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('results.col.rebate')}>
            <span className="num">{row.rebate === null ? '—' : formatMoney(row.rebate)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('results.col.adjustment')}>
            <span className="num">{formatMoney(row.adjustment)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('results.adjust.newFinal')}>
            <span className="num" data-testid="adjust-preview">
              {finalPreview === null ? '—' : formatMoney(finalPreview)}
            </span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark>
        <Form.Item
          name="amount"
          label={t('results.adjust.amount')}
          extra={t('results.adjust.amountHint')}
          rules={[{ required: true, message: t('results.adjust.amountRequired') }, { validator: (_r, v: string) => (AMOUNT.test(String(v ?? '').replace(/[,，\s]/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('results.adjust.amountBad')))) }]}
        >
          <Input autoFocus style={{ width: 220 }} styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }} suffix={t('results.yuan')} onKeyDown={confirmKeys(() => form.submit())} data-testid="adjust-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t('results.adjust.reason')} rules={[{ required: true, whitespace: true, message: t('results.adjust.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('results.adjust.reasonPlaceholder')} onKeyDown={confirmKeys(() => form.submit())} data-testid="adjust-reason" />
        </Form.Item>
        {/* the reason stays internal; the note is what the distributor's statement says */}
        <Form.Item name="note" label={t('results.adjust.note')} extra={t('results.adjust.noteHint')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('results.adjust.notePlaceholder')} onKeyDown={confirmKeys(() => form.submit())} data-testid="adjust-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
