import type { Migration } from './types';

/**
 * Per distributor and period, the preparer's explanation of a reconciliation finding (a claim
 * difference, a data check) and its 已确认 mark: who confirmed it and when. One row per distributor
 * and period; the history of changes is in the audit log.
 */
export const migration007: Migration = {
  version: 7,
  name: 'reconcile-notes',
  sql: `
CREATE TABLE reconcile_notes (
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  distributor_code TEXT NOT NULL CHECK (length(distributor_code) BETWEEN 1 AND 64),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  confirmed_by TEXT,
  confirmed_at TEXT,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (period, distributor_code),
  CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
) STRICT;
`,
};
