import { z } from 'zod';
import { def } from '../op-def';
import { PERIOD_PATTERN } from '../../domain';

export interface DemoLoadView {
  period: string;
  /** per kind; `files`: per file, what the import inferred (the demo's ERP layouts recognised) */
  imports: { kind: string; status: string; rows: number; files?: { file: string; rows: number; total: string; inferred: string[] }[] }[];
  users: { name: string; display: string; roles: string[] }[];
  password: string;
}

export const demoOperations = {
  /** first run: load a demo month into an empty database (admin) */
  'demo.load': def<DemoLoadView>()(z.object({ period: z.string().regex(PERIOD_PATTERN).optional() }).strict(), 'admin'),
} as const;
