import { migration001 } from './001-init';
import type { Migration } from './types';

/** Every migration, in order. Forward-only: add a new file, never edit a released one. */
export const migrations: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = migrations.length;
