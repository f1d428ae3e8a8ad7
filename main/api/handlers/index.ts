import type { Operations } from '../../../contract/operations';
import type { HandlersFor } from '../handler-types';
import { coreHandlers } from './core';
import { approvalHandlers } from './approvals';
import { batchHandlers } from './batches';
import { exportHandlers } from './exports';
import { exportJobHandlers } from './export-jobs';
import { demoHandlers } from './demo';
import { importHandlers } from './imports';
import { ledgerHandlers } from './ledger';
import { peopleHandlers } from './people';
import { policyHandlers } from './policies';
import { supportHandlers } from './support';

/** One handler per operation of the contract; the mapped type makes a missing one a type error. */
export const handlers: HandlersFor<Operations> = {
  ...coreHandlers,
  ...importHandlers,
  ...batchHandlers,
  ...approvalHandlers,
  ...demoHandlers,
  ...policyHandlers,
  ...exportHandlers,
  ...exportJobHandlers,
  ...supportHandlers,
  ...ledgerHandlers,
  ...peopleHandlers,
};
