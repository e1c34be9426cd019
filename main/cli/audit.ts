// Entry point of `npm run audit` (run by tsx, no build step).
import { nodeCliIo } from './cli-io';
import { runAuditCommand } from './audit-run';

process.exitCode = await runAuditCommand(process.argv.slice(2), nodeCliIo());
