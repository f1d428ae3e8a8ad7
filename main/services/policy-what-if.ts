import type { PolicyPreviewView, PolicyTraceView } from '../../contract/ops/policies';
import { aggregatePeriod } from './aggregate';
import type { ServiceContext } from './context';
import { rejected } from '../../domain';
import { parseOrReject, storedPolicies } from './policies';
import { previewDraft, traceDraft } from './policy-preview';

/** The what-if preview of an unsaved policy on a period's real data (read-only). */

export function previewPolicy(ctx: ServiceContext, input: { policy: unknown; period: string }): PolicyPreviewView {
  const draft = parseOrReject(input.policy, ctx.lang);
  const db = ctx.store.db;
  return previewDraft(storedPolicies(db), draft, aggregatePeriod(db, input.period), input.period, ctx.lang);
}

export function tracePolicy(ctx: ServiceContext, input: { policy: unknown; period: string; distributor: string }): PolicyTraceView {
  const draft = parseOrReject(input.policy, ctx.lang);
  const db = ctx.store.db;
  const d = aggregatePeriod(db, input.period).find((x) => x.code === input.distributor);
  if (!d) throw rejected('policy.distributor_not_found', { code: input.distributor, period: input.period });
  return traceDraft(storedPolicies(db), draft, d, input.period, ctx.lang);
}
