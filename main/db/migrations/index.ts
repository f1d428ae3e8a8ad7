import { migration001 } from './001-init';
import { migration002 } from './002-import-data';
import type { Migration } from './types';

/** Every migration, in order. Forward-only: add a new file, never edit a released one. */
export const migrations: readonly Migration[] = [migration001, migration002];

export const LATEST_SCHEMA_VERSION = migrations.length;
