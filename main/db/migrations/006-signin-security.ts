import type { Migration } from './types';

/**
 * Sign-in security for team mode (team.md): failed sign-ins per name and address, locks (a name
 * from one address, or a whole address), a per-user session epoch (raised by a password change,
 * reset or disable: every session signed in before it ends) and "must change the password".
 */
export const migration006: Migration = {
  version: 6,
  name: 'signin-security',
  sql: `
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

CREATE TABLE signin_failures (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE,
  address TEXT NOT NULL,
  at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX signin_failures_name ON signin_failures (name, at_ms);
CREATE INDEX signin_failures_address ON signin_failures (address, at_ms);

-- name '*' locks every name from the address
CREATE TABLE signin_locks (
  name TEXT NOT NULL COLLATE NOCASE,
  address TEXT NOT NULL,
  until_ms INTEGER NOT NULL,
  PRIMARY KEY (name, address)
) STRICT;
`,
};
