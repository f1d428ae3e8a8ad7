// `node scripts/bench-screen.mjs --db DIR [--runs N] [--profile]`: the results screen alone against a kept
// month (bench/screen-probe.ts); build the renderer first (`npm run build:renderer`).
import { buildAndRun } from './build-node.mjs';

await buildAndRun({ name: 'screen-probe', entry: 'bench/screen-probe.ts', dir: 'bench' });
