// `--xlsx DIR` and the demo: one reconciliation workbook per customer plus
// the month-end pack, streamed to files (ExcelJS's streaming writer runs only
// in Node). Each file is written under a temporary name and renamed when
// complete, so DIR never holds half a workbook under a final name. Files are
// written several at a time (workbook-queue.ts); their names and contents
// never depend on the order.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReconcileInput } from '../../renderer/src/core/model';
import type { ReconcileResult } from '../../renderer/src/core/result';
import { customerDocument, writeCustomerWorkbook } from '../../renderer/src/io/workbook/customer-workbook';
import { packDocument, writeMonthEndPack } from '../../renderer/src/io/workbook/month-end-pack';
import type { DocumentInfo, WorkbookTarget } from '../../renderer/src/io/workbook/sheet-layout';
import { StreamWorkbook } from '../../renderer/src/io/workbook/stream-workbook';
import { type CustomerGroup, DEFAULT_WORKBOOK_OPTIONS, type WorkbookContext, type WorkbookOptions, customerGroups, workbookContext } from '../../renderer/src/io/workbook/workbook-context';
import { type FileJob, writeQueued } from './workbook-queue';

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

// Below this many customers a second process costs more than it saves.
const CHILD_PROCESS_FROM_CUSTOMERS = 50;

/** Whether a second process helps write: `auto` when there are many customers. */
export type Helper = 'auto' | 'never' | 'always';

/** Writes one customer's workbook into `dir` as `fileName` (here or in the child process). */
export function writeCustomerFile(context: WorkbookContext, group: CustomerGroup, dir: string, fileName: string): Promise<void> {
  return writeStreamed(dir, fileName, customerDocument(context, group.customer), (target) => writeCustomerWorkbook(target, context, group));
}

async function writeFiles(
  context: WorkbookContext,
  dir: string,
  pack: string | null,
  progress: WorkbookProgress,
  helper: Helper,
): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  const taken = new Set<string>(pack === null ? [] : [pack.toLowerCase()]);
  const groups = customerGroups(context.result);
  const fileNames = groups.map((group) => `${uniqueName(`${safeFileName(group.customer)} ${context.result.asOf}`, taken)}.xlsx`);
  const jobs: FileJob[] = groups.map((group, index) => {
    const fileName = fileNames[index] as string;
    return { fileName, customer: index, write: () => writeCustomerFile(context, group, dir, fileName) };
  });
  // The pack goes first: it is the longest file, and the customer files fill its waits.
  if (pack !== null) jobs.unshift({ fileName: pack, customer: null, write: () => writeStreamed(dir, pack, packDocument(context), (target) => writeMonthEndPack(target, context)) });
  const useChild = helper === 'always' || (helper === 'auto' && groups.length >= CHILD_PROCESS_FROM_CUSTOMERS);
  let done = 0;
  await writeQueued(jobs, (fileName) => progress((done += 1), jobs.length, fileName), useChild ? { input: context.input, options: context.options, dir, fileNames } : null);
  return fileNames;
}

/** Writes one workbook per customer and the month-end pack into `dir`. */
export async function writeReconciliationWorkbooks(
  result: ReconcileResult,
  input: ReconcileInput,
  dir: string,
  progress: WorkbookProgress,
  options: WorkbookOptions = DEFAULT_WORKBOOK_OPTIONS,
  helper: Helper = 'auto',
): Promise<WrittenWorkbooks> {
  const packFile = `${uniqueName(`Month-end pack ${result.asOf}`, new Set())}.xlsx`;
  const customerFiles = await writeFiles(workbookContext(input, result, options), dir, packFile, progress, helper);
  return { customerFiles, packFile };
}

/** Writes only the customer workbooks into `dir` (the benchmark times them apart from the pack); their file names. */
export function writeCustomerWorkbooks(result: ReconcileResult, input: ReconcileInput, dir: string, helper: Helper = 'auto'): Promise<readonly string[]> {
  return writeFiles(workbookContext(input, result), dir, null, () => undefined, helper);
}
