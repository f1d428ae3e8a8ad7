/**
 * The one IPC contract: operation name → zod input schema → access rule → result type.
 * main/ validates every payload against `input` and dispatches to the handler table typed from this;
 * the preload and the web bridge carry the same `{ op, input }` shape; the renderer is typed from it.
 * Each feature declares its operations in contract/ops/<feature>.ts; they are merged here.
 */
import type { z } from 'zod';
import { coreOperations } from './ops/core';
import { approvalOperations } from './ops/approvals';
import { batchOperations } from './ops/batches';
import { exportJobOperations, exportOperations } from './ops/exports';
import { demoOperations } from './ops/demo';
import { importOperations } from './ops/imports';
import { ledgerOperations } from './ops/ledger';
import { peopleOperations } from './ops/people';
import { policyOperations } from './ops/policies';
import { supportOperations } from './ops/support';

export type { Access, OpDef } from './op-def';

export const operations = {
  ...coreOperations,
  ...importOperations,
  ...batchOperations,
  ...approvalOperations,
  ...demoOperations,
  ...policyOperations,
  ...exportOperations,
  ...exportJobOperations,
  ...supportOperations,
  ...ledgerOperations,
  ...peopleOperations,
} as const;

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpInput<K extends OpName> = z.input<Operations[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Operations[K]['input']>;
export type OpOutput<K extends OpName> = Exclude<Operations[K]['output'], undefined>;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
