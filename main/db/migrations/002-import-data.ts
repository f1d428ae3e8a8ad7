import type { Migration } from './types';

/**
 * Master data with its grade/region history, the period data of the four kinds, the imports and
 * files they came from, and saved column mappings. Money is INTEGER cents; quantities, prices and
 * rates exact decimal TEXT (quantities also as INTEGER ten-thousandths, for exact sums in SQL, when
 * they have at most four decimals).
 */
export const migration002: Migration = {
  version: 2,
  name: 'import-data',
  sql: `
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('distributors', 'purchases', 'returns', 'promotions', 'claims')),
  period TEXT CHECK (period IS NULL OR period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  mode TEXT NOT NULL CHECK (mode IN ('add', 'replace')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rows INTEGER NOT NULL
) STRICT;

CREATE TABLE import_files (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  kind TEXT NOT NULL,
  period TEXT,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sheets_json TEXT NOT NULL,
  rows INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  replaced_by INTEGER REFERENCES imports(id)
) STRICT;
CREATE INDEX import_files_lookup ON import_files(kind, period, sha256);

CREATE TABLE distributors (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  province TEXT,
  city TEXT,
  grade TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  updated_at TEXT NOT NULL,
  import_id INTEGER REFERENCES imports(id)
) STRICT;

-- Region and grade valid from a period on; '0000-00' = from the beginning. The value for period P
-- is the row with the greatest effective_from <= P.
CREATE TABLE distributor_history (
  code TEXT NOT NULL REFERENCES distributors(code),
  effective_from TEXT NOT NULL,
  region TEXT NOT NULL,
  province TEXT,
  grade TEXT NOT NULL,
  import_id INTEGER REFERENCES imports(id),
  PRIMARY KEY (code, effective_from)
) STRICT;

CREATE TABLE purchases (
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
  sku_code TEXT,
  sku_name TEXT,
  quantity TEXT,
  quantity_e4 INTEGER,
  unit_price TEXT,
  amount_cents INTEGER NOT NULL,
  dup_key TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX purchases_dup ON purchases(period, dup_key);
CREATE INDEX purchases_period_distributor ON purchases(period, distributor_code);
CREATE INDEX purchases_file ON purchases(file_id);

CREATE TABLE returns (
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
  sku_code TEXT,
  sku_name TEXT,
  quantity TEXT,
  quantity_e4 INTEGER,
  unit_price TEXT,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  original_doc_no TEXT,
  reason TEXT,
  dup_key TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX returns_dup ON returns(period, dup_key);
CREATE INDEX returns_period_distributor ON returns(period, distributor_code);
CREATE INDEX returns_file ON returns(file_id);

CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  distributor_code TEXT NOT NULL REFERENCES distributors(code),
  promotion_code TEXT,
  promotion_name TEXT,
  target_cents INTEGER,
  actual_cents INTEGER,
  achievement_rate TEXT
) STRICT;
CREATE INDEX promotions_period_distributor ON promotions(period, distributor_code);
CREATE INDEX promotions_file ON promotions(file_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  sheet TEXT NOT NULL,
  row_no INTEGER NOT NULL,
  distributor_code TEXT NOT NULL REFERENCES distributors(code),
  claimed_cents INTEGER NOT NULL
) STRICT;
CREATE INDEX claims_period_distributor ON claims(period, distributor_code);
CREATE INDEX claims_file ON claims(file_id);

CREATE TABLE mapping_templates (
  kind TEXT NOT NULL,
  signature TEXT NOT NULL,
  template_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, signature)
) STRICT;
`,
};
