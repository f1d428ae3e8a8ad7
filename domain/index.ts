/**
 * The domain kernel: money, rates, quantities, periods, kinds, statuses, roles and display rules.
 * Pure TypeScript: no Node, no DOM, nothing of ours (only decimal.js). Every layer may import it.
 */
export * from './audit';
export * from './boolean';
export * from './catalogue';
export * from './decimal';
export * from './display';
export * from './exact';
export * from './kinds';
export * from './lang';
export * from './money';
export * from './period';
export * from './quantity';
export * from './rate';
export * from './records';
export * from './roles';
export * from './status';
export * from './errors';
