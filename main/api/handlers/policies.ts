import { writeFileSync } from 'node:fs';
import type { policyOperations } from '../../../contract/ops/policies';
import type { ServiceContext } from '../../services/context';
import {
  diffPolicyVersions,
  exportPolicy,
  getPolicy,
  importPolicy,
  listPolicies,
  policyHistory,
  savePolicy,
  setPolicyActive,
} from '../../services/policies';
import { previewPolicy, tracePolicy } from '../../services/policy-what-if';
import type { HandlersFor } from '../handler-types';

function owner(ctx: ServiceContext): number {
  return ctx.session.user?.id ?? 0;
}

export const policyHandlers: HandlersFor<typeof policyOperations> = {
  'policy.list': (ctx) => listPolicies(ctx.store.db),
  'policy.get': (ctx, input) => getPolicy(ctx.store.db, input.code, input.version),
  'policy.history': (ctx, input) => policyHistory(ctx.store.db, input.code),
  'policy.diff': (ctx, input) => diffPolicyVersions(ctx.store.db, input.code, input.from, input.to),
  'policy.export': (ctx, input) => exportPolicy(ctx.store.db, input.code, input.version),
  'policy.exportDownload': (ctx, input) => {
    const { fileName, content } = exportPolicy(ctx.store.db, input.code, input.version);
    const file = ctx.store.downloads.newPath(fileName);
    writeFileSync(file, content, 'utf8');
    return { downloadId: ctx.store.downloads.add(owner(ctx), file, fileName).id, fileName };
  },
  'policy.import': (ctx, input) => importPolicy(ctx, input),
  'policy.save': (ctx, input) => savePolicy(ctx, input),
  'policy.setActive': (ctx, input) => setPolicyActive(ctx, input),
  'policy.preview': (ctx, input) => previewPolicy(ctx, input),
  'policy.trace': (ctx, input) => tracePolicy(ctx, input),
};
