import { defineConfig } from '@playwright/test';

// The Electron end-to-end suite: the real window of the built app (out/), through Playwright's
// Electron support. Run by `npm run test:electron` (scripts/test-electron.mjs), which needs the
// Electron binary: the Windows release workflow has it, Linux machines here do not.
export default defineConfig({
  testDir: 'e2e-electron',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results/e2e-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
