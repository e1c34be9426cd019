// `--xlsx DIR` and the demo: one reconciliation workbook per customer plus
// the month-end pack, streamed to files (ExcelJS's streaming writer runs only
// in Node). Each file is written under a temporary name and renamed when
// complete, so DIR never holds half a workbook under a final name. Files are
// written two at a time; their names and contents never depend on the order.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReconcileInput } from '../../renderer/src/core/model';
import type { ReconcileResult } from '../../renderer/src/core/result';
import { customerDocument, writeCustomerWorkbook } from '../../renderer/src/io/workbook/customer-workbook';
import { packDocument, writeMonthEndPack } from '../../renderer/src/io/workbook/month-end-pack';
import type { DocumentInfo, WorkbookTarget } from '../../renderer/src/io/workbook/sheet-layout';
import { StreamWorkbook } from '../../renderer/src/io/workbook/stream-workbook';
import { DEFAULT_WORKBOOK_OPTIONS, type WorkbookContext, type WorkbookOptions, customerGroups, workbookContext } from '../../renderer/src/io/workbook/workbook-context';

/** Progress of a run: `done` of `total` files, the one just written. */
export type WorkbookProgress = (done: number, total: number, fileName: string) => void;

/** What was written, in writing order. */
export interface WrittenWorkbooks {
  readonly customerFiles: readonly string[];
  readonly packFile: string;
}

const MAX_NAME_LENGTH = 100;
// Windows refuses these names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * The customer part of a file name: no path or reserved characters, no
 * reserved device name, no leading dot (hidden on Unix). A trailing dot stays
 * ("Inc."): the as-of date and extension always follow it.
 */
export function safeFileName(name: string): string {
  const cleaned = [...name.normalize('NFC').replace(/\s+/gu, ' ').replace(/[<>:"/\\|?*\p{Cc}]/gu, '_')]
    .slice(0, MAX_NAME_LENGTH)
    .join('')
    .replace(/^[ .]+| +$/gu, '')
    .replace(/^-/u, '_');
  if (cleaned === '') return 'customer';
  return RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Makes `base` unique among `taken` (compared case-insensitively, as Windows and macOS do) and records it. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

async function writeStreamed(dir: string, fileName: string, info: DocumentInfo, write: (target: WorkbookTarget) => Promise<void>): Promise<void> {
  const finalPath = join(dir, fileName);
  const partialPath = `${finalPath}.partial`;
  try {
    const workbook = new StreamWorkbook(partialPath, info);
    await write(workbook);
    await workbook.finish();
    await rename(partialPath, finalPath);
  } catch (error) {
    await rm(partialPath, { force: true });
    throw error;
  }
}

/** Progress lines on a stream (stderr): about twenty per run, plus the last. */
export function progressLines(write: (text: string) => void): WorkbookProgress {
  return (done, total, fileName) => {
    const step = Math.max(1, Math.floor(total / 20));
    if (done % step === 0 || done === total) write(`xlsx: ${done}/${total} written (${fileName})\n`);
  };
}

// Workbooks written at once. Writing is mostly one thread's work, but each
// file also waits on the disk and the compressor (opening, draining, dating
// the zip entries, renaming); a second file in flight fills those waits.
const FILES_IN_FLIGHT = 2;

/** Runs `write` over `jobs`, at most `limit` at a time; rejects with the first failure once the others have settled. */
async function inFlight<T>(jobs: readonly T[], limit: number, write: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next] as T;
      next += 1;
      await write(job);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(limit, jobs.length) }, lane));
  const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

interface FileJob {
  readonly fileName: string;
  write(dir: string): Promise<void>;
}

function customerJobs(context: WorkbookContext, result: ReconcileResult, taken: Set<string>): FileJob[] {
  return customerGroups(result).map((group) => {
    const fileName = `${uniqueName(`${safeFileName(group.customer)} ${result.asOf}`, taken)}.xlsx`;
    return { fileName, write: (dir) => writeStreamed(dir, fileName, customerDocument(context, group.customer), (target) => writeCustomerWorkbook(target, context, group)) };
  });
}

async function writeFiles(dir: string, jobs: readonly FileJob[], progress: WorkbookProgress): Promise<void> {
  await mkdir(dir, { recursive: true });
  let done = 0;
  await inFlight(jobs, FILES_IN_FLIGHT, async (job) => {
    await job.write(dir);
    done += 1;
    progress(done, jobs.length, job.fileName);
  });
}

/** Writes one workbook per customer and the month-end pack into `dir`. */
export async function writeReconciliationWorkbooks(
  result: ReconcileResult,
  input: ReconcileInput,
  dir: string,
  progress: WorkbookProgress,
  options: WorkbookOptions = DEFAULT_WORKBOOK_OPTIONS,
): Promise<WrittenWorkbooks> {
  const context = workbookContext(input, result, options);
  const taken = new Set<string>();
  const packFile = `${uniqueName(`Month-end pack ${result.asOf}`, taken)}.xlsx`;
  const pack: FileJob = { fileName: packFile, write: (into) => writeStreamed(into, packFile, packDocument(context), (target) => writeMonthEndPack(target, context)) };
  const customers = customerJobs(context, result, taken);
  // The pack goes first: it is the longest file, and the customer files fill its waits.
  await writeFiles(dir, [pack, ...customers], progress);
  return { customerFiles: customers.map((job) => job.fileName), packFile };
}

/** Writes only the customer workbooks into `dir` (the benchmark times them apart from the pack); their file names. */
export async function writeCustomerWorkbooks(result: ReconcileResult, input: ReconcileInput, dir: string): Promise<readonly string[]> {
  const customers = customerJobs(workbookContext(input, result), result, new Set<string>());
  await writeFiles(dir, customers, () => undefined);
  return customers.map((job) => job.fileName);
}
