import type { Migration } from './types';

/**
 * Calculation batches (one per period), their per-distributor rows with every formula value, and
 * manual adjustments. A submitted or approved batch cannot be changed: triggers refuse it.
 */
export const migration004: Migration = {
  version: 4,
  name: 'batches',
  sql: `
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL UNIQUE CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  calculated_by TEXT NOT NULL,
  calculated_at TEXT NOT NULL,
  calc_count INTEGER NOT NULL,
  distributors INTEGER NOT NULL,
  exceptions INTEGER NOT NULL,
  rebate_cents INTEGER NOT NULL,
  adjustment_cents INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  policies_json TEXT NOT NULL,
  last_diff_json TEXT
) STRICT;

CREATE TABLE batch_rows (
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  code TEXT NOT NULL REFERENCES distributors(code),
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  province TEXT,
  grade TEXT NOT NULL,
  status TEXT NOT NULL,
  policy_code TEXT,
  policy_version INTEGER,
  inputs_json TEXT NOT NULL,
  values_json TEXT,
  rebate_cents INTEGER,
  adjustment_cents INTEGER NOT NULL DEFAULT 0,
  final_cents INTEGER,
  exception TEXT CHECK (exception IS NULL OR exception IN ('no_policy', 'ambiguous', 'evaluation')),
  exception_detail TEXT,
  PRIMARY KEY (batch_id, code)
) STRICT;

CREATE TABLE adjustments (
  period TEXT NOT NULL,
  code TEXT NOT NULL REFERENCES distributors(code),
  amount_cents INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (period, code)
) STRICT;

-- Submitted and approved batches are immutable: their rows cannot change or go.
CREATE TRIGGER batch_rows_locked_update BEFORE UPDATE ON batch_rows
WHEN (SELECT status FROM batches WHERE id = OLD.batch_id) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER batch_rows_locked_delete BEFORE DELETE ON batch_rows
WHEN (SELECT status FROM batches WHERE id = OLD.batch_id) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER batch_rows_locked_insert BEFORE INSERT ON batch_rows
WHEN (SELECT status FROM batches WHERE id = NEW.batch_id) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER batches_locked_content BEFORE UPDATE OF period, content_hash, total_cents, rebate_cents, adjustment_cents, policies_json ON batches
WHEN OLD.status IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches
WHEN OLD.status IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER adjustments_locked BEFORE INSERT ON adjustments
WHEN (SELECT status FROM batches WHERE period = NEW.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER adjustments_locked_update BEFORE UPDATE ON adjustments
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;
CREATE TRIGGER adjustments_locked_delete BEFORE DELETE ON adjustments
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'batch is locked'); END;

-- A period whose batch is submitted or approved takes no imports (checked by the import service
-- first, and here for any other writer).
CREATE TRIGGER purchases_period_locked BEFORE INSERT ON purchases
WHEN (SELECT status FROM batches WHERE period = NEW.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER returns_period_locked BEFORE INSERT ON returns
WHEN (SELECT status FROM batches WHERE period = NEW.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER promotions_period_locked BEFORE INSERT ON promotions
WHEN (SELECT status FROM batches WHERE period = NEW.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claims_period_locked BEFORE INSERT ON claims
WHEN (SELECT status FROM batches WHERE period = NEW.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER purchases_period_locked_delete BEFORE DELETE ON purchases
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER returns_period_locked_delete BEFORE DELETE ON returns
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER promotions_period_locked_delete BEFORE DELETE ON promotions
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER claims_period_locked_delete BEFORE DELETE ON claims
WHEN (SELECT status FROM batches WHERE period = OLD.period) IN ('submitted', 'approved')
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
`,
};
