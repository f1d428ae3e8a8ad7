import type { Migration } from './types';

/**
 * Rebate policies (formulas.md). A policy is identified by its code; every save is a new, immutable
 * row of policy_versions (triggers refuse UPDATE and DELETE), so a batch that records a version id
 * can always show and re-export the exact formulas it was computed with. Deactivating a policy is
 * also a new version, with active = 0 and otherwise the same content: the state has a history too.
 * Scope lists and parameters/formulas are JSON text exactly as in the policy file form; NULL scope
 * lists mean "every region / grade", a NULL effective_to "open-ended".
 */
export const migration003: Migration = {
  version: 3,
  name: 'policies',
  sql: `
CREATE TABLE policies (
  code TEXT PRIMARY KEY,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE policy_versions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL REFERENCES policies(code),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL CHECK (length(name) > 0),
  priority INTEGER NOT NULL,
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  effective_to TEXT CHECK (effective_to IS NULL OR (effective_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND effective_to >= effective_from)),
  scope_regions_json TEXT CHECK (scope_regions_json IS NULL OR json_type(scope_regions_json) = 'array'),
  scope_grades_json TEXT CHECK (scope_grades_json IS NULL OR json_type(scope_grades_json) = 'array'),
  parameters_json TEXT NOT NULL CHECK (json_type(parameters_json) = 'object'),
  formulas_json TEXT NOT NULL CHECK (json_type(formulas_json) = 'array'),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('import', 'editor', 'state')),
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  comment TEXT NOT NULL,
  UNIQUE (code, version)
) STRICT;
CREATE INDEX policy_versions_latest ON policy_versions(code, version DESC);

CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
`,
};
