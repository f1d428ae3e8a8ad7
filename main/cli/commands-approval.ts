import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApprovalStatusView, ChainLevelView } from '../../contract/ops/approvals';
import { chainInput } from '../../contract/ops/approvals';
import { batchStatusLabel, formatMoney, personText, rejected } from '../../domain';
import type { Lang } from '../../contract/roles';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command } from './command';


function chainText(levels: ChainLevelView[], lang: Lang): string {
  return levels
    .map((l) => t('cli.chain.level', { position: l.position, name: l.name, approvers: l.approvers.map((a) => personText(a.name, a.display_name, lang)).join(t('list.separator', {}, lang)), min: l.min_total ? `  min_total: ${formatMoney(l.min_total)}` : '' }, lang))
    .join('\n');
}

function chainJson(levels: ChainLevelView[]): unknown {
  return { levels: levels.map((l) => ({ name: l.name, approvers: l.approvers.map((a) => a.name), min_total: l.min_total })) };
}

function statusText(s: ApprovalStatusView, lang: Lang): string {
  const sub = s.submissions[s.submissions.length - 1];
  const lines = [t('cli.approval.status', { period: s.period, status: batchStatusLabel(s.status, lang), total: formatMoney(s.total) }, lang)];
  const colon = t('cli.colon', {}, lang);
  for (const l of sub?.levels ?? []) {
    const d = l.decision;
    const who = (name: string): string => personText(name, l.approvers.find((a) => a.name === name)?.display_name, lang);
    const decided = d ? `${t(d.decision === 'approve' ? 'cli.approval.approve' : 'cli.approval.reject', {}, lang)} ${who(d.user)} ${d.at.slice(0, 16).replace('T', ' ')}${d.comment ? ` “${d.comment}”` : ''}` : t('cli.approval.waiting', {}, lang);
    lines.push(`  ${l.position} ${l.name}${colon}${decided}`);
  }
  return lines.join('\n');
}

function statusJson(s: ApprovalStatusView): unknown {
  const sub = s.submissions[s.submissions.length - 1];
  return {
    period: s.period,
    status: s.status,
    content_hash: s.content_hash,
    total: s.total,
    levels: (sub?.levels ?? []).map((l) => ({ level: l.position, name: l.name, decision: l.decision?.decision ?? null, user: l.decision?.user ?? null, comment: l.decision?.comment ?? null, at: l.decision?.at ?? null })),
  };
}

export const approvalCommands: Command[] = [
  {
    name: 'chain set',
    usage: 'chain set FILE.json',
    summary: { 'zh-CN': '配置审批流（管理员）', en: 'configure the approval chain (admin)' },
    options: {},
    positionals: { min: 1, max: 1, names: ['FILE.json'] },
    async run(c) {
      const file = path.resolve(c.positionals[0] ?? '');
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch (e) {
        throw rejected('chain.bad_file', { detail: e instanceof Error ? e.message : String(e) });
      }
      const input = chainInput.safeParse(parsed);
      if (!input.success) throw rejected('chain.bad_file', { detail: input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      const levels = await c.call('chain.set', input.data);
      return { json: chainJson(levels), text: chainText(levels, c.lang) };
    },
  },
  {
    name: 'chain show',
    usage: 'chain show',
    summary: { 'zh-CN': '显示审批流', en: 'show the approval chain' },
    options: {},
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const levels = await c.call('chain.get', {});
      return { json: chainJson(levels), text: chainText(levels, c.lang) };
    },
  },
  {
    name: 'submit',
    usage: 'submit --period YYYY-MM [--comment C]',
    summary: { 'zh-CN': '提交批次审批', en: 'submit the batch for approval' },
    options: { period: { value: true }, comment: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const s = await c.call('approval.submit', { period: required(c.args, 'period'), comment: opt(c.args, 'comment') });
      return { json: statusJson(s), text: statusText(s, c.lang) };
    },
  },
  {
    name: 'approve',
    usage: 'approve --period YYYY-MM [--comment C]',
    summary: { 'zh-CN': '以当前用户审批通过当前级别', en: 'approve the current level as the acting user' },
    options: { period: { value: true }, comment: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const s = await c.call('approval.approve', { period: required(c.args, 'period'), comment: opt(c.args, 'comment') });
      return { json: statusJson(s), text: statusText(s, c.lang) };
    },
  },
  {
    name: 'reject',
    usage: 'reject --period YYYY-MM --comment C',
    summary: { 'zh-CN': '驳回（必须填写意见）', en: 'reject (a comment is required)' },
    options: { period: { value: true }, comment: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const comment = opt(c.args, 'comment');
      if (!comment || !comment.trim()) throw rejected('approval.comment_required');
      const s = await c.call('approval.reject', { period: required(c.args, 'period'), comment });
      return { json: statusJson(s), text: statusText(s, c.lang) };
    },
  },
];
