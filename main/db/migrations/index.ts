import { migration001 } from './001-init';
import { migration002 } from './002-import-data';
import { migration003 } from './003-policies';
import { migration004 } from './004-batches';
import { migration005 } from './005-approvals';
import { migration006 } from './006-signin-security';
import { migration007 } from './007-reconcile-notes';
import { migration008 } from './008-ledger';
import { migration009 } from './009-period-holds';
import { migration010 } from './010-tamper-triggers';
import { migration011 } from './011-adjustment-note';
import { migration012 } from './012-aggregate-indexes';
import { migration013 } from './013-parameter-labels';
import type { Migration } from './types';

/** Every migration, in order. Forward-only: add a new file, never edit a released one. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013];

export const LATEST_SCHEMA_VERSION = migrations.length;
