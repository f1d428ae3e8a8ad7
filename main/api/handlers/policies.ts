import type { policyOperations } from '../../../contract/ops/policies';
import {
  diffPolicyVersions,
  exportPolicy,
  exportPolicyDownload,
  getPolicy,
  importPolicy,
  listPolicies,
  policyHistory,
  savePolicy,
  setPolicyActive,
} from '../../services/policies';
import { previewPolicy, tracePolicy } from '../../services/policy-what-if';
import type { HandlersFor } from '../handler-types';


export const policyHandlers: HandlersFor<typeof policyOperations> = {
  'policy.list': (ctx) => listPolicies(ctx.store.db),
  'policy.get': (ctx, input) => getPolicy(ctx.store.db, input.code, input.version),
  'policy.history': (ctx, input) => policyHistory(ctx.store.db, input.code),
  'policy.diff': (ctx, input) => diffPolicyVersions(ctx.store.db, input.code, input.from, input.to),
  'policy.export': (ctx, input) => exportPolicy(ctx.store.db, input.code, input.version),
  'policy.exportDownload': (ctx, input) => exportPolicyDownload(ctx, input.code, input.version),
  'policy.import': (ctx, input) => importPolicy(ctx, input),
  'policy.save': (ctx, input) => savePolicy(ctx, input),
  'policy.setActive': (ctx, input) => setPolicyActive(ctx, input),
  'policy.preview': (ctx, input) => previewPolicy(ctx, input),
  'policy.trace': (ctx, input) => tracePolicy(ctx, input),
};
