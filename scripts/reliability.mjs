// `npm run test:reliability [-- --quick] [-- --scale N] [-- --only NAME]`: builds the Node side and the reliability
// runner, then runs it. Prints one table (test, tried, held, failed); exits 1 when anything failed.
import { buildAndRun } from './build-node.mjs';

await buildAndRun({ name: 'run', entry: 'reliability/run.ts', dir: 'reliability', version: 'reliability', exitCode: 1 });
