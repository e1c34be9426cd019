// `reconcile`: canonical CSVs or PSA exports in, a summary on stdout and the SPEC §8
// JSON out. Exit status 0 on success, 2 for bad input or usage (nothing is
// written then), 1 when the result could not be written.
import { describeIssue } from '../../renderer/src/core/import/import-issue';
import { reconcile } from '../../renderer/src/core/reconcile';
import { toSpecJson } from '../../renderer/src/core/spec-json';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';
import { answerUsage } from './cli-args';
import { loadInputs } from './load-inputs';
import { parseReconcileArgs, RECONCILE_USAGE } from './reconcile-args';
import { formatSummary } from './summary-table';
import { progressLines, writeReconciliationWorkbooks } from './xlsx-output';

/** Runs the command on `argv` (without node and script); resolves to the exit status. */
export async function runReconcile(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseReconcileArgs(argv);
  if (parsed.kind !== 'run') return answerUsage(parsed, 'reconcile', RECONCILE_USAGE, io);
  const { options } = parsed;
  const loaded = await loadInputs(io, options);
  for (const note of loaded.notes) io.stderr(`note: ${note}\n`);
  if (loaded.errors.length > 0) {
    io.stderr(loaded.errors.map((issue) => describeIssue(issue) + '\n').join(''));
    const count = loaded.errors.length;
    io.stderr(`\n${count} problem${count === 1 ? '' : 's'} found in the input; nothing was reconciled or written.\n`);
    return 2;
  }
  const input = { contracts: loaded.contracts, additions: loaded.additions, entries: loaded.entries, asOf: options.asOf, allocationOrder: options.allocationOrder };
  const result = reconcile(input);
  if (options.json !== null) {
    const json = JSON.stringify(toSpecJson(result), null, 2) + '\n';
    try {
      await io.writeFileAtomic(options.json, new TextEncoder().encode(json));
    } catch (error) {
      io.stderr(`reconcile: ${describeFileError(error, options.json, 'write')}\n`);
      return 1;
    }
  }
  if (options.xlsx !== null) {
    try {
      const written = await writeReconciliationWorkbooks(result, input, options.xlsx, progressLines(io.stderr));
      io.stderr(`xlsx: ${written.customerFiles.length} customer workbooks and ${written.packFile} in ${options.xlsx}\n`);
    } catch (error) {
      io.stderr(`reconcile: ${describeFileError(error, options.xlsx, 'write')}\n`);
      return 1;
    }
  }
  io.stdout(formatSummary(result));
  return 0;
}
