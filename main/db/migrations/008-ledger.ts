import type { Migration } from './types';

const LOCKED = `(SELECT status FROM batches WHERE period = %s) IN ('submitted', 'approved')`;
const locked = (row: string): string => LOCKED.replace('%s', `${row}.period`);

/**
 * The rebate ledger (ledger.md): settlement rows (返利兑付明细), opening balances (返利期初余额) and
 * ledger adjustments. `imports.kind` gains the two new kinds: SQLite cannot change a CHECK in place,
 * so the table is rebuilt (with foreign keys off for this migration, as SQLite's own procedure says).
 * Settlements and ledger adjustments close with their period's batch; balances close once any batch
 * of their period or later is submitted.
 */
export const migration008: Migration = {
  version: 8,
  name: 'ledger',
  foreignKeysOff: true,
  sql: `
CREATE TABLE imports_v8 (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('distributors', 'purchases', 'returns', 'promotions', 'claims', 'settlements', 'balances')),
  period TEXT CHECK (period IS NULL OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  mode TEXT NOT NULL CHECK (mode IN ('add', 'replace')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rows INTEGER NOT NULL
) STRICT;
INSERT INTO imports_v8 (id, kind, period, mode, created_by, created_at, rows)
  SELECT id, kind, period, mode, created_by, created_at, rows FROM imports;
DROP TABLE imports;
ALTER TABLE imports_v8 RENAME TO imports;

CREATE TABLE settlements (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  doc_no TEXT NOT NULL,
  line_no TEXT,
  date TEXT NOT NULL,
  distributor_code TEXT NOT NULL REFERENCES distributors(code),
  distributor_name TEXT,
  amount_cents INTEGER NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('invoice', 'goods', 'offset', 'cash')),
  note TEXT,
  dup_key TEXT NOT NULL
) STRICT;
-- A settlement document is used once, whatever period it is booked in.
CREATE UNIQUE INDEX settlements_dup ON settlements(dup_key);
CREATE INDEX settlements_period_distributor ON settlements(period, distributor_code);
CREATE INDEX settlements_file ON settlements(file_id);

-- The opening balances at the start of \`period\` (the ledger's first period): one per distributor.
CREATE TABLE balances (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  distributor_code TEXT NOT NULL UNIQUE REFERENCES distributors(code),
  opening_cents INTEGER NOT NULL
) STRICT;

CREATE TABLE ledger_adjustments (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  distributor_code TEXT NOT NULL REFERENCES distributors(code),
  amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_adjustments_period ON ledger_adjustments(period, distributor_code);

CREATE TRIGGER settlements_period_locked BEFORE INSERT ON settlements
WHEN ${locked('NEW')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER settlements_period_locked_update BEFORE UPDATE ON settlements
WHEN ${locked('OLD')} OR ${locked('NEW')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER settlements_period_locked_delete BEFORE DELETE ON settlements
WHEN ${locked('OLD')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER ledger_adjustments_locked BEFORE INSERT ON ledger_adjustments
WHEN ${locked('NEW')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER ledger_adjustments_locked_update BEFORE UPDATE ON ledger_adjustments
WHEN ${locked('OLD')} OR ${locked('NEW')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;
CREATE TRIGGER ledger_adjustments_locked_delete BEFORE DELETE ON ledger_adjustments
WHEN ${locked('OLD')}
BEGIN SELECT RAISE(ABORT, 'period is locked'); END;

CREATE TRIGGER balances_locked BEFORE INSERT ON balances
WHEN EXISTS (SELECT 1 FROM batches WHERE period >= NEW.period AND status IN ('submitted', 'approved'))
BEGIN SELECT RAISE(ABORT, 'balances are closed'); END;
CREATE TRIGGER balances_locked_update BEFORE UPDATE ON balances
WHEN EXISTS (SELECT 1 FROM batches WHERE period >= MIN(OLD.period, NEW.period) AND status IN ('submitted', 'approved'))
BEGIN SELECT RAISE(ABORT, 'balances are closed'); END;
CREATE TRIGGER balances_locked_delete BEFORE DELETE ON balances
WHEN EXISTS (SELECT 1 FROM batches WHERE period >= OLD.period AND status IN ('submitted', 'approved'))
BEGIN SELECT RAISE(ABORT, 'balances are closed'); END;
`,
};
