import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'formulas/**/*.test.ts', 'contract/**/*.test.ts', 'domain/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.mjs'],
    testTimeout: 30_000,
    // the audit anchors (checkpoints keyed by database id) of test databases stay out of the user's config folder
    env: { REBATE_CONFIG_DIR: path.join(tmpdir(), 'rebate-test-config') },
  },
});
