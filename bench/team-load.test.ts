import { expect, it } from 'vitest';
import { benchTeamLoad, TEAM_LOAD_TINY } from './team-load';

// The team load figure at a tiny size, so `npm run bench -- --team` cannot rot: every operation
// answered, without errors, while an import runs into the next period.
it('runs readers and adjusters against the team server while an import runs, without errors', async () => {
  const rows = await benchTeamLoad(TEAM_LOAD_TINY);
  const errors = rows.find((r) => r.measure === 'errors (all operations)');
  expect(errors?.note ?? '').toBe('');
  expect(errors?.value).toBe(0);
  expect(errors?.runs).toBeGreaterThan(10);
  for (const op of ['auth: sign-in', 'read: period overview', 'read: results page (100 rows)', 'read: trace', 'write: adjust']) {
    expect(rows.find((r) => r.measure === `${op} p95`)?.runs ?? 0).toBeGreaterThan(0);
  }
  expect(rows.find((r) => r.measure.startsWith('import 600 lines meanwhile'))?.measure).toContain('(done)');
}, 240_000);
