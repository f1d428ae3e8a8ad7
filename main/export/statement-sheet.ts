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

/** The company's name, then its address, contact and bank lines as 设置 → 公司信息 has them. */
function letterhead(x: ExportBatch, l: ExportLabels): FormCell[][] {
  const st = l.statement;
  const info = x.companyInfo;
  const lines = [info?.address ? `${st.address}${info.address}` : '', info?.contact ? `${st.phone}${info.contact}` : '', info?.bank ? `${st.bank}${info.bank}` : ''].filter(Boolean);
  return lines.map((text): FormCell[] => [{ value: text, style: 'subtitle', span: SPAN }]);
}

/**
 * One distributor's statement, ready to send: the company (name, address, contact, bank), who,
 * which period, what was bought and returned, the promotion achieved, the rebate computed step by
 * step under the policy's own labels, the adjustment with its note to the distributor, the rebate,
 * whether (and when) it was approved, and a block for the distributor's stamp and signature
 * (盖章确认). Only what the distributor should see (exports.md): no policy codes or versions, no
 * formula names, no batch id or hash, no internal adjustment reason, no login names.
 */
/** points: a 42 mm company seal and a few millimetres around it */
const STAMP_HEIGHT = 130;

export function statementSheet(x: ExportBatch, line: ExportLine, note: string | null, approval: StatementApproval, l: ExportLabels, name: string, ledger: FormCell[][] = []): FormSheet {
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
    ...letterhead(x, l),
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
    section(fill(st.computation, { policy: policy?.file.name ?? '—' })),
    [{ value: st.item, style: 'header' }, { value: st.value, style: 'header' }],
    ...(policy?.file.formulas ?? []).map((f, i): FormCell[] => {
      // a formula without a label is a step of the computation, not its internal name
      const text = f.label ?? fill(st.step, { n: i + 1 });
      const v = values[f.name] ?? null;
      return kv(text, { value: booleanText(v, l.lang) ?? v, type: formulaType(f.name, text) });
    }),
    kv(st.rebate, money(line.rebate_cents === null ? null : centsToMoney(line.rebate_cents))),
    kv(st.adjustment, money(centsToMoney(line.adjustment_cents))),
    ...(note ? [kv(st.note, { value: note, span: 3 })] : []),
    kv(st.final, money(line.final_cents === null ? null : centsToMoney(line.final_cents), 'total')),
    [],
    ...(ledger.length > 0 ? [...ledger, []] : []),
    section(st.approval),
    kv(st.status, { value: l.status[x.batch.status], span: 3 }),
    kv(st.approvedAt, approval.approvedAt ? { value: approval.approvedAt, type: 'date' } : { value: st.notApproved }),
    [],
    section(st.confirm),
    [{ value: st.confirmText, span: SPAN }],
    // room for a round company seal (42 mm ≈ 119 pt) with a margin: the signature row's 48 pt is too small
    [label(st.stamp), { value: null, style: 'sign', span: 3, height: STAMP_HEIGHT }],
    [label(st.signer), { value: null, span: 3 }],
    [label(st.date), { value: null, span: 3 }],
    [],
    [{ value: st.contact, style: 'note', span: SPAN }],
  ];
  return { kind: 'form', name, widths: WIDTHS, rows, portrait: true };
}
