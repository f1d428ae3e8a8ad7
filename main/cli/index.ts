import { configureLogging, defaultLogDir } from '../support/log';
import { runCli } from './run';

// The `rebate` bin and `npm run cli`: one command, then exit with its status.
try {
  configureLogging({ dir: defaultLogDir(), process: process.argv.slice(2).includes('serve') ? 'serve' : 'cli' });
} catch {
  // a read-only profile: the command runs without a log file
}
runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
