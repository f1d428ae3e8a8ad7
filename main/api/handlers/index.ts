import type { Operations } from '../../../contract/operations';
import type { HandlersFor } from '../handler-types';
import { coreHandlers } from './core';
import { importHandlers } from './imports';

/** One handler per operation of the contract; the mapped type makes a missing one a type error. */
export const handlers: HandlersFor<Operations> = {
  ...coreHandlers,
  ...importHandlers,
};
