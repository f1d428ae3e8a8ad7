export * from './envelope';
export * from './operations';
export * from './roles';
export * from './types';
export * from './ops/imports';
export * from './ops/batches';
export * from './ops/approvals';
export * from './ops/demo';
