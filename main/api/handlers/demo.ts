import type { demoOperations } from '../../../contract/ops/demo';
import { loadDemo } from '../../services/demo';
import type { HandlersFor } from '../handler-types';

export const demoHandlers: HandlersFor<typeof demoOperations> = {
  'demo.load': async (ctx, input) => {
    const r = await loadDemo(ctx, { period: input.period });
    return { period: r.period, imports: r.imports, users: r.users, password: r.password };
  },
};
