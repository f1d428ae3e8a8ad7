import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerDetailView } from '../../../../contract/ops/ledger';
import { call } from '../../api/client';
import { useAction } from '../../api/use-load';

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/;
// a test id on the OK button: ButtonProps has no data-* key, spreading them is what antd does with them
const SAVE_PROPS: ButtonProps = { ...{ 'data-testid': 'ledger-adjust-save' } };

interface Props {
  open: boolean;
  period: string;
  distributors: { code: string; name: string }[];
  initialCode: string | null;
  onClose: () => void;
  onSaved: (d: LedgerDetailView) => void;
}

interface Values {
  code: string;
  amount: string;
  reason: string;
}

/** A ledger adjustment (a write-off, a correction of an opening balance): amount and a mandatory reason, audit-logged. */
export function LedgerAdjustModal({ open, period, distributors, initialCode, onClose, onSaved }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy: saving, error, run, clear } = useAction();
  const m = 'ledger.adjustModal.';

  useEffect(() => {
    if (!open) return;
    clear();
    form.setFieldsValue({ code: initialCode ?? undefined, amount: '', reason: '' });
  }, [open, initialCode, form, clear]);

  const save = async (v: Values): Promise<void> => {
    if (saving) return;
    await run(async () => onSaved(await call('ledger.adjust', { period, code: v.code, amount: v.amount.replace(/[,，\s]/g, ''), reason: v.reason.trim() })));
  };

  return (
    <Modal open={open} title={t(`${m}title`, { period })} okText={t(`${m}save`)} confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden okButtonProps={SAVE_PROPS}>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="code" label={t(`${m}distributor`)} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" data-testid="ledger-adjust-code" options={distributors.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))} />
        </Form.Item>
        <Form.Item name="amount" label={t(`${m}amount`)} rules={[{ required: true, pattern: AMOUNT, transform: (v: string) => (v ?? '').replace(/[,，\s]/g, ''), message: t(`${m}amountInvalid`) }]}>
          <Input inputMode="decimal" data-testid="ledger-adjust-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t(`${m}reason`)} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="ledger-adjust-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="ledger-adjust-error" />}
    </Modal>
  );
}
