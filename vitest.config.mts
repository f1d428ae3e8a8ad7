import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'formulas/**/*.test.ts', 'contract/**/*.test.ts', 'domain/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.mjs'],
    testTimeout: 30_000,
  },
});
