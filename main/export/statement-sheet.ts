import { draftMark } from './approval-summary';
import { formulaType, type ExportBatch, type ExportLine } from './batch-data';
import { fill, type ExportLabels } from './labels';
import type { FormCell, FormSheet } from './xlsx-writer';
import { booleanText, centsToMoney } from '../../domain';

/** The batch's approval as a statement prints it: the state, and the day the last level signed. */
export interface StatementApproval {
  approvedAt: string | null;
}

const WIDTHS = [28, 22, 22, 22];
export const SPAN = WIDTHS.length;

/**
 * One distributor's statement, ready to send: who, which period, what was bought and returned, the
 * promotion achieved, the rebate computed step by step under the policy's own labels, the
 * adjustment with its reason, the rebate, and whether (and when) it was approved.
 */
export function statementSheet(x: ExportBatch, line: ExportLine, reason: string | null, approval: StatementApproval, l: ExportLabels, name: string, ledger: FormCell[][] = []): FormSheet {
  const st = l.statement;
  const inputs = JSON.parse(line.inputs_json) as Record<string, string>;
  const values = line.values_json ? (JSON.parse(line.values_json) as Record<string, string>) : {};
  const policy = x.policies.find((p) => p.code === line.policy_code && p.version === line.policy_version);
  const label = (text: string): FormCell => ({ value: text, style: 'label' });
  const money = (v: string | null | undefined, style?: FormCell['style']): FormCell => ({ value: v ?? null, type: 'money', ...(style ? { style } : {}) });
  const kv = (k: string, v: FormCell): FormCell[] => [label(k), v];
  const section = (text: string): FormCell[] => [{ value: text, style: 'section', span: SPAN }];

  const rows: FormCell[][] = [
    [{ value: `${x.company ? `${x.company} ` : ''}${st.title}${draftMark(x, l)}`, style: 'title', span: SPAN }],
    [{ value: `${st.period} ${x.batch.period}`, style: 'subtitle', span: SPAN }],
    [],
    section(st.distributor),
    kv(st.code, { value: line.code, span: 3 }),
    kv(st.name, { value: line.name, span: 3 }),
    kv(st.region, { value: [line.region, line.province].filter(Boolean).join(' / '), span: 3 }),
    kv(st.grade, { value: line.grade, span: 3 }),
    [],
    section(st.business),
    kv(st.purchase, money(inputs['purchase'])),
    kv(st.returns, money(inputs['returns'])),
    kv(st.net, money(inputs['net'])),
    kv(st.promoTarget, money(inputs['promo_target'])),
    kv(st.promoActual, money(inputs['promo_actual'])),
    kv(st.promoRate, { value: inputs['promo_rate'] ?? null, type: 'rate' }),
    [],
    section(fill(st.computation, { policy: policy ? `${policy.file.name}（${policy.code} v${policy.version}）` : (line.policy_code ?? '—') })),
    [{ value: st.item, style: 'header' }, { value: st.value, style: 'header' }],
    ...(policy?.file.formulas ?? []).map((f): FormCell[] => {
      const text = f.label ?? f.name;
      const v = values[f.name] ?? null;
      return kv(text, { value: booleanText(v, l.lang) ?? v, type: formulaType(f.name, text) });
    }),
    kv(st.rebate, money(line.rebate_cents === null ? null : centsToMoney(line.rebate_cents))),
    kv(st.adjustment, money(centsToMoney(line.adjustment_cents))),
    ...(reason ? [kv(st.reason, { value: reason, span: 3 })] : []),
    kv(st.final, money(line.final_cents === null ? null : centsToMoney(line.final_cents), 'total')),
    [],
    ...(ledger.length > 0 ? [...ledger, []] : []),
    section(st.approval),
    kv(st.status, { value: l.status[x.batch.status], span: 3 }),
    kv(st.approvedAt, approval.approvedAt ? { value: approval.approvedAt, type: 'date' } : { value: st.notApproved }),
    kv(st.batch, { value: `${x.batch.id} / ${x.batch.content_hash}`, span: 3, style: 'note' }),
    [],
    [{ value: st.contact, style: 'note', span: SPAN }],
  ];
  return { kind: 'form', name, widths: WIDTHS, rows, portrait: true };
}
