import type { z } from 'zod';
import type { OpDef } from '../../contract/op-def';
import type { ServiceContext } from '../services/context';

type Out<D> = D extends OpDef<z.ZodType, infer O> ? O : never;
type In<D> = D extends OpDef<infer I, unknown> ? z.output<I> : never;

/** The handlers of one feature's operations: one per operation, typed from the contract. */
export type HandlersFor<T extends Record<string, OpDef<z.ZodType, unknown>>> = {
  [K in keyof T]: (ctx: ServiceContext, input: In<T[K]>) => Out<T[K]> | Promise<Out<T[K]>>;
};
