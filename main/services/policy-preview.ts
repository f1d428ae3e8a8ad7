import Decimal from 'decimal.js';
import type { PolicyPreviewView, PolicyTraceView, PreviewRowView } from '../../contract/ops/policies';
import type { Lang } from '../../contract/roles';
import { compilePolicy, formatIssue, labelledParameters, type CompiledPolicy, type FormulaInputs, type PolicyFile } from '../../formulas';
import { t } from '../i18n/messages';
import { selectPolicy, type SelectablePolicy } from './policy-selection';

/**
 * What-if: the period's rebates with the saved policies, and again with one policy replaced by an
 * unsaved draft. Pure over the inputs (the caller reads the period's data), so it is tested without
 * a database and never writes anything.
 */

/** One distributor's built-in variables for the period (aggregatePeriod's shape). */
export interface PreviewDistributor {
  code: string;
  name: string;
  region: string;
  province: string | null;
  grade: string;
  inputs: FormulaInputs;
}

export interface PreviewPolicy extends SelectablePolicy {
  /** null for the draft */
  version: number | null;
  file: PolicyFile;
}

interface Outcome {
  policy: PreviewPolicy | null;
  rebate: string | null;
  exception: string | null;
  values: Record<string, string>;
  compiled: CompiledPolicy | null;
}

class Evaluator {
  private readonly cache = new Map<PreviewPolicy, CompiledPolicy | string>();
  constructor(
    private readonly policies: readonly PreviewPolicy[],
    private readonly period: string,
    private readonly lang: Lang,
  ) {}

  private compiled(p: PreviewPolicy): CompiledPolicy | string {
    let c = this.cache.get(p);
    if (c === undefined) {
      const r = compilePolicy(p.file);
      c = r.ok ? r : r.issues.map((i) => formatIssue(i, this.lang)).join(' ');
      this.cache.set(p, c);
    }
    return c;
  }

  run(d: PreviewDistributor): Outcome {
    const s = selectPolicy(this.policies, d, this.period);
    const none = { rebate: null, values: {}, compiled: null };
    if (!s.ok) {
      const exception =
        s.reason === 'none'
          ? t('policy.preview_none', { region: d.region, grade: d.grade, period: this.period }, this.lang)
          : t('policy.preview_ambiguous', { codes: s.codes.join(t('list.separator', {}, this.lang)) }, this.lang);
      return { ...none, policy: null, exception };
    }
    const c = this.compiled(s.policy);
    if (typeof c === 'string') return { ...none, policy: s.policy, exception: c };
    const r = c.evaluate(d.inputs);
    if (!r.ok) return { policy: s.policy, rebate: null, exception: formatIssue(r, this.lang), values: r.values, compiled: c };
    return { policy: s.policy, rebate: r.rebate, exception: null, values: r.values, compiled: c };
  }
}

/** The saved policies with the draft in place of its own saved version (or added, if new). */
function withDraft(saved: readonly PreviewPolicy[], draft: PolicyFile): PreviewPolicy[] {
  const d: PreviewPolicy = {
    code: draft.code,
    version: null,
    priority: draft.priority,
    effective_from: draft.effective_from,
    effective_to: draft.effective_to ?? null,
    scope: draft.scope ?? null,
    active: true,
    file: draft,
  };
  return [...saved.filter((p) => p.code !== draft.code), d];
}

const dec = (v: string | null): Decimal => new Decimal(v ?? 0);

export function previewDraft(
  saved: readonly PreviewPolicy[],
  draft: PolicyFile,
  distributors: readonly PreviewDistributor[],
  period: string,
  lang: Lang,
): PolicyPreviewView {
  const before = new Evaluator(saved, period, lang);
  const after = new Evaluator(withDraft(saved, draft), period, lang);
  let totalBefore = new Decimal(0);
  let totalAfter = new Decimal(0);
  const rows: (PreviewRowView & { abs: Decimal })[] = [];
  for (const d of distributors) {
    const b = before.run(d);
    const a = after.run(d);
    totalBefore = totalBefore.plus(dec(b.rebate));
    totalAfter = totalAfter.plus(dec(a.rebate));
    const diff = dec(a.rebate).minus(dec(b.rebate));
    rows.push({
      code: d.code,
      name: d.name,
      region: d.region,
      grade: d.grade,
      policy_before: b.policy?.code ?? null,
      policy_after: a.policy?.code ?? null,
      before: b.rebate,
      after: a.rebate,
      difference: diff.toFixed(2),
      exception_before: b.exception,
      exception_after: a.exception,
      abs: diff.abs(),
    });
  }
  rows.sort((x, y) => y.abs.comparedTo(x.abs) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return {
    period,
    code: draft.code,
    distributors: rows.length,
    draft_applies: rows.filter((r) => r.policy_after === draft.code).length,
    total_before: totalBefore.toFixed(2),
    total_after: totalAfter.toFixed(2),
    difference: totalAfter.minus(totalBefore).toFixed(2),
    changed: rows.filter((r) => r.before !== r.after || r.exception_before !== r.exception_after).length,
    exceptions_before: rows.filter((r) => r.exception_before !== null).length,
    exceptions_after: rows.filter((r) => r.exception_after !== null).length,
    rows: rows.map(({ abs: _abs, ...row }) => row),
  };
}

function inputText(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v instanceof Decimal) return v.toFixed();
  return '';
}

/** One distributor's trace with the draft in place: every input read, every formula's value. */
export function traceDraft(
  saved: readonly PreviewPolicy[],
  draft: PolicyFile,
  d: PreviewDistributor,
  period: string,
  lang: Lang,
): PolicyTraceView {
  const b = new Evaluator(saved, period, lang).run(d);
  const a = new Evaluator(withDraft(saved, draft), period, lang).run(d);
  const file = a.policy?.file;
  const raw: Readonly<Record<string, unknown>> = d.inputs;
  return {
    period,
    distributor: { code: d.code, name: d.name, region: d.region, province: d.province, grade: d.grade },
    policy: a.policy?.code ?? null,
    draft: a.policy?.version === null,
    inputs: (a.compiled?.variables ?? []).map((name) => ({ name, value: inputText(raw[name]) })),
    steps: (file?.formulas ?? []).map((f) => ({ name: f.name, label: f.label ?? f.name, expr: f.expr, value: a.values[f.name] ?? null })),
    parameters: file ? labelledParameters(file) : [],
    rebate: a.rebate,
    before: b.rebate,
    error: a.exception,
  };
}
