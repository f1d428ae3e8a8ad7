import type { z } from 'zod';
import type { Role } from './roles';

/** `public`: anyone; `signed_in`: any signed-in user; a role: users holding it (admins hold all). */
export type Access = 'public' | 'signed_in' | Role;

export interface OpDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** phantom: carries the result type only */
  output?: O;
}

/** `def<Result>()(inputSchema, access)` declares one operation. */
export const def =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access): OpDef<I, O> => ({ input, access });
