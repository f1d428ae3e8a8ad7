import type { ApprovalStatusView } from '../../contract/ops/approvals';
import type { ReconcileView } from '../../contract/ops/batches';
import { personName, type BatchSummary, type ExportBatch, type GroupTotal } from './batch-data';
import { fill, type ExportLabels } from './labels';
import type { FormCell, FormSheet } from './xlsx-writer';
import { centsToMoney, type Lang } from '../../domain';

/** The sheet's eight columns: labels in A, values from B; tables use as many as they need. */
const WIDTHS = [24, 18, 20, 18, 18, 18, 34, 18];
const SPAN = WIDTHS.length;

const text = (value: string | null | undefined, span = 1): FormCell => ({ value, span });
const money = (cents: bigint, style?: FormCell['style']): FormCell => ({ value: centsToMoney(cents), type: 'money', ...(style ? { style } : {}) });
const blank: FormCell[] = [];

/** `【草稿 DRAFT】` on everything printed from a batch that is not approved; nothing once approved. */
export function draftMark(x: ExportBatch, l: ExportLabels): string {
  return x.batch.status === 'approved' ? '' : `【${l.unapproved[x.batch.status]}】`;
}

export function workbookTitle(x: ExportBatch, l: ExportLabels): string {
  return `${x.company ? `${x.company} ` : ''}${l.title} ${x.batch.period}${draftMark(x, l)}`;
}

function groupTable(title: string, keyHeader: string, groups: GroupTotal[], s: BatchSummary, l: ExportLabels): FormCell[][] {
  const g = l.group;
  const rows: FormCell[][] = [[{ value: title, style: 'section', span: SPAN }]];
  rows.push([keyHeader, g.count, g.rebate, g.adjustment, g.final].map((h) => ({ value: h, style: 'header' })));
  for (const x of groups) rows.push([text(x.key), { value: x.count, type: 'int' }, money(x.rebate), money(x.adjustment), money(x.final)]);
  rows.push([{ value: g.total, style: 'total' }, { value: s.count, type: 'int', style: 'total' }, money(s.rebate, 'total'), money(s.adjustment, 'total'), money(s.final, 'total')]);
  return rows;
}

function trailRows(x: ExportBatch, status: ApprovalStatusView, l: ExportLabels, lang: Lang): FormCell[][] {
  const t = l.trail;
  const rows: FormCell[][] = [[{ value: l.section.trail, style: 'section', span: SPAN }]];
  if (status.submissions.length === 0) return [...rows, [{ value: l.noTrail, span: SPAN, style: 'subtitle' }]];
  rows.push([t.submission, t.level, t.levelName, t.approver, t.decision, t.time, t.comment, t.hash].map((h) => ({ value: h, style: 'header' })));
  status.submissions.forEach((s, i) => {
    const n = fill(l.submission, { n: i + 1 });
    rows.push([text(n), text('—'), text(l.decision.submit), text(personName(x.users, s.submitted_by, lang)), text(l.decision.submit), { value: s.submitted_at, type: 'datetime' }, text(s.comment), text(`${s.content_hash.slice(0, 12)}…`)]);
    let stopped = false;
    for (const lv of s.levels) {
      const d = lv.decision;
      const decision = d ? l.decision[d.decision] : stopped || s.status !== 'pending' ? l.decision.notReached : l.decision.pending;
      if (!d && s.status === 'pending') stopped = true;
      rows.push([
        text(n),
        { value: lv.position, type: 'int' },
        text(lv.name),
        text(d ? personName(x.users, d.user, lang) : lv.approvers.map((a) => personName(x.users, a.name, lang)).join(l.list.item)),
        text(decision),
        { value: d?.at ?? null, type: 'datetime' },
        text(d?.comment),
        text(d ? `${d.content_hash.slice(0, 12)}…` : null),
      ]);
    }
  });
  return rows;
}

/**
 * 制表 / 审核 / 批准: who prepared the batch and who signed each level of the latest submission,
 * two columns per block, four blocks to a row: the name printed, a box for the handwritten
 * signature, the date. An unsigned level leaves its name and date empty for ink.
 */
function signatureRows(x: ExportBatch, status: ApprovalStatusView, l: ExportLabels, lang: Lang): FormCell[][] {
  const latest = status.submissions[status.submissions.length - 1];
  const blocks: { caption: string; level: string; signer: string; date: string | null }[] = [
    {
      caption: l.sign.prepared,
      level: l.decision.submit,
      signer: personName(x.users, latest?.submitted_by ?? x.batch.calculated_by, lang),
      date: latest?.submitted_at ?? x.batch.calculated_at,
    },
  ];
  const levels = latest?.levels ?? [];
  levels.forEach((lv, i) => {
    const d = lv.decision;
    const who = d ? `${d.decision === 'reject' ? l.decision.rejectedBy : ''}${personName(x.users, d.user, lang)}` : '';
    blocks.push({ caption: i === levels.length - 1 ? l.sign.approved : l.sign.reviewed, level: `${lv.position}. ${lv.name}`, signer: who, date: d?.at ?? null });
  });
  const rows: FormCell[][] = [[{ value: l.section.signatures, style: 'section', span: SPAN }]];
  // per block: the role, the level, the name printed, an empty box for the handwritten signature, the date
  for (let i = 0; i < blocks.length; i += 4) {
    const part = blocks.slice(i, i + 4);
    rows.push(part.map((b) => ({ value: b.caption, style: 'header', span: 2 })));
    rows.push(part.map((b) => ({ value: b.level, span: 2 })));
    rows.push(part.flatMap((b): FormCell[] => [{ value: l.sign.name, style: 'label' }, text(b.signer)]));
    rows.push(part.map((): FormCell => ({ value: l.sign.signer, style: 'sign', span: 2 })));
    rows.push(part.flatMap((b): FormCell[] => [{ value: l.sign.date, style: 'label' }, { value: b.date, type: 'datetime' }]));
  }
  return rows;
}

export interface SummaryInput {
  x: ExportBatch;
  s: BatchSummary;
  status: ApprovalStatusView;
  recon: ReconcileView;
  l: ExportLabels;
  lang: Lang;
  generatedAt: string;
  pageFooter: string;
  /** the audit log's newest entry when the workbook was made (issue 11: a printout checkable with `audit verify --head`) */
  auditHead?: { id: number; hash: string } | null;
}

export function summarySheet({ x, s, status, recon, l, lang, generatedAt, pageFooter, auditHead }: SummaryInput): FormSheet {
  const f = l.field;
  const b = x.batch;
  const kv = (label: string, value: FormCell): FormCell[] => [{ value: label, style: 'label' }, value];
  const rows: FormCell[][] = [[{ value: workbookTitle(x, l), style: 'title', span: SPAN }]];
  if (b.status !== 'approved') rows.push([{ value: fill(l.unapprovedLine, { status: l.unapproved[b.status], warning: l.unapprovedWarning }), style: 'warning', span: SPAN }]);
  rows.push(blank, [{ value: l.section.batch, style: 'section', span: SPAN }]);
  if (x.company) rows.push(kv(f.company, text(x.company, 3)));
  rows.push(
    kv(f.period, text(b.period, 3)),
    kv(f.batch, text(String(b.id), 3)),
    kv(f.status, text(l.status[b.status], 3)),
    [...kv(f.createdBy, text(personName(x.users, b.created_by, lang), 2)), { value: f.createdAt, style: 'label' }, { value: b.created_at, type: 'datetime', span: 2 }],
    [...kv(f.calculatedBy, text(personName(x.users, b.calculated_by, lang), 2)), { value: f.calculatedAt, style: 'label' }, { value: b.calculated_at, type: 'datetime', span: 2 }],
    kv(f.policies, text(x.policies.map((p) => fill(l.policyRef, { code: p.code, version: p.version, name: p.file.name })).join(l.list.clause) || '—', SPAN - 1)),
    kv(f.distributors, { value: s.count, type: 'int' }),
    kv(f.rebateTotal, money(s.rebate)),
    kv(f.adjustmentTotal, money(s.adjustment)),
    kv(f.total, money(s.final, 'total')),
    kv(f.exceptions, { value: s.exceptions.length, type: 'int' }),
    kv(f.checks, { value: recon.checks.length, type: 'int' }),
    kv(f.hash, text(b.content_hash, SPAN - 1)),
    ...(auditHead ? [kv(f.auditHead, text(`${auditHead.id}:${auditHead.hash}`, SPAN - 1))] : []),
    blank,
    ...groupTable(l.section.byRegion, l.group.region, s.byRegion, s, l),
    blank,
    ...groupTable(l.section.byGrade, l.group.grade, s.byGrade, s, l),
    blank,
    ...trailRows(x, status, l, lang),
    blank,
    ...signatureRows(x, status, l, lang),
    blank,
    [{ value: f.generated, style: 'note' }, { value: generatedAt, type: 'datetime', style: 'note' }],
    [{ value: l.noteGenerated, style: 'note', span: SPAN }],
    ...(auditHead ? [[{ value: fill(l.noteAuditHead, { head: `${auditHead.id}:${auditHead.hash}` }), style: 'note' as const, span: SPAN }]] : []),
  );
  // printed on one page, so the signatures are always on the page with the figures they sign
  return { kind: 'form', name: l.sheets.summary, widths: WIDTHS, rows, pageFooter, onePage: true };
}
