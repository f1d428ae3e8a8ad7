import type { Migration } from './types';

/**
 * A policy version keeps the optional labels of its parameters (the policy file's
 * `parameter_labels`: 促销奖励比例 for promo_bonus_rate), shown with the code beside it. Existing
 * versions have none (NULL) and read exactly as before; their content hash is unchanged.
 */
export const migration013: Migration = {
  version: 13,
  name: 'parameter-labels',
  sql: `
ALTER TABLE policy_versions ADD COLUMN parameter_labels_json TEXT CHECK (parameter_labels_json IS NULL OR json_type(parameter_labels_json) = 'object');
`,
};
