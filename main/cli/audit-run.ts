// `audit` (issue 6): ConnectWise exports, the e-automate contracts they became
// and the time entries in; a summary on stdout, the audit JSON and workbook
// out. Same contract as `reconcile`: exit 0 on success, 2 for bad input or
// usage (every problem listed, nothing written), 1 when a result could not be
// written. Every output is built before the first is written, and each is
// written atomically.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssue } from '../../renderer/src/core/import/import-issue';
import { runAudit } from '../../renderer/src/core/audit/run-audit';
import { auditJson } from '../../renderer/src/core/audit/audit-json';
import { auditDocument, auditFileName, writeAuditWorkbook } from '../../renderer/src/io/workbook/audit-workbook';
import { MemoryWorkbook } from '../../renderer/src/io/workbook/memory-workbook';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';
import { answerUsage } from './cli-args';
import { AUDIT_USAGE, parseAuditArgs } from './audit-args';
import { loadAuditFiles } from './audit-load';
import { formatAuditSummary } from './audit-summary';

/** Runs the command on `argv` (without node and script); resolves to the exit status. */
export async function runAuditCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseAuditArgs(argv);
  if (parsed.kind !== 'run') return answerUsage(parsed, 'audit', AUDIT_USAGE, io);
  const { options } = parsed;
  const loaded = await loadAuditFiles(io, options, { asOf: options.asOf, unitProducts: options.unitProducts });
  const errors = loaded.issues.filter((issue) => issue.severity === 'error');
  for (const issue of loaded.issues) if (issue.severity === 'warning') io.stderr(`note: ${describeIssue(issue)}\n`);
  if (errors.length > 0) {
    io.stderr(errors.map((issue) => describeIssue(issue) + '\n').join(''));
    io.stderr(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} found in the input; nothing was audited or written.\n`);
    return 2;
  }
  const result = runAudit(loaded.input);
  const json = options.json === null ? null : new TextEncoder().encode(JSON.stringify(auditJson(result), null, 2) + '\n');
  let workbook: Uint8Array | null = null;
  if (options.xlsx !== null) {
    const book = new MemoryWorkbook(auditDocument(result));
    await writeAuditWorkbook(book, result);
    workbook = await book.toBytes();
  }
  if (options.json !== null && json !== null) {
    try {
      await io.writeFileAtomic(options.json, json);
    } catch (error) {
      io.stderr(`audit: ${describeFileError(error, options.json, 'write')}\n`);
      return 1;
    }
  }
  if (options.xlsx !== null && workbook !== null) {
    try {
      await mkdir(options.xlsx, { recursive: true });
      await io.writeFileAtomic(join(options.xlsx, auditFileName(result.asOf)), workbook);
      io.stderr(`xlsx: ${auditFileName(result.asOf)} in ${options.xlsx}\n`);
    } catch (error) {
      io.stderr(`audit: ${describeFileError(error, options.xlsx, 'write')}\n`);
      return 1;
    }
  }
  io.stdout(formatAuditSummary(result));
  return 0;
}
