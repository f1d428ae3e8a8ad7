import type { peopleOperations } from '../../../contract/ops/people';
import { people } from '../../services/people';
import type { HandlersFor } from '../handler-types';

export const peopleHandlers: HandlersFor<typeof peopleOperations> = {
  'people.list': (ctx) => people(ctx),
};
