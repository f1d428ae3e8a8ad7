export * from './envelope';
export * from './operations';
export * from './roles';
export * from './types';
export * from './ops/imports';
