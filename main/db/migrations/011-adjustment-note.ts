import type { Migration } from './types';

/**
 * An adjustment has its internal reason (approvers and the approval workbook) and, optionally, a
 * note for the distributor, printed on its statement instead (exports.md: nothing internal on a
 * statement). Existing adjustments have no note.
 */
export const migration011: Migration = {
  version: 11,
  name: 'adjustment-note',
  sql: `
ALTER TABLE adjustments ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500);
`,
};
