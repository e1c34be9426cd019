// Entry point of `npm run reconcile` (run by tsx, no build step).
import { nodeCliIo } from './cli-io';
import { runReconcile } from './run-reconcile';

process.exitCode = await runReconcile(process.argv.slice(2), nodeCliIo());
