// How `--xlsx` spreads its files over the machine. Writing a workbook is
// mostly one thread's work, so files go two at a time in this process (one
// file's disk and compressor waits are filled by another's rendering) and,
// for a big run, also in a child process on a second core (workbook-child.ts).
// Both take from one queue, so neither waits while the other has work left.
// The child is only an accelerator: if it cannot start or dies, the files it
// held go back to this process, so a run never fails because of it.
import { type ChildProcess, fork } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReconcileInput } from '../../renderer/src/core/model';
import type { WorkbookOptions } from '../../renderer/src/io/workbook/workbook-context';

/** One file to write; `customer` is its index among the customer groups, null for the pack (written here only). */
export interface FileJob {
  readonly fileName: string;
  readonly customer: number | null;
  write(): Promise<void>;
}

/** What a child needs to write customer workbooks exactly as this process would. */
export interface ChildStart {
  readonly kind: 'start';
  readonly input: ReconcileInput;
  readonly options: WorkbookOptions;
  readonly dir: string;
  /** File names of the customer groups, by index. */
  readonly fileNames: readonly string[];
  readonly lanes: number;
}

export type ParentMessage = ChildStart | { readonly kind: 'write'; readonly index: number | null };
export type ChildMessage = { readonly kind: 'ready' } | { readonly kind: 'written'; readonly index: number } | { readonly kind: 'failed'; readonly index: number; readonly message: string };

/** Files written at once in each process. */
export const FILES_IN_FLIGHT = 2;

/** Called with each file's name once it is complete. */
type Finished = (fileName: string) => void;

class Queue {
  private next = 0;
  private readonly returned: FileJob[] = [];

  constructor(private readonly jobs: readonly FileJob[]) {}

  /** The next file for this process: returned ones first, then the queue. */
  take(): FileJob | null {
    return this.returned.shift() ?? this.jobs[this.next++] ?? null;
  }

  /** The next customer file for the child (the pack stays here). */
  takeCustomer(): FileJob | null {
    const job = this.jobs[this.next];
    if (job === undefined || job.customer === null) return null;
    this.next += 1;
    return job;
  }

  giveBack(jobs: Iterable<FileJob>): void {
    this.returned.push(...jobs);
  }
}

async function localLane(queue: Queue, finished: Finished): Promise<void> {
  for (let job = queue.take(); job !== null; job = queue.take()) {
    await job.write();
    finished(job.fileName);
  }
}

/** Starts workbook-child.ts (TypeScript run by tsx, as the commands are), talking in structured clones. */
export function forkWorkbookChild(): ChildProcess {
  return fork(fileURLToPath(new URL('./workbook-child.ts', import.meta.url)), [], {
    serialization: 'advanced',
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

/** A child writing customer files from the queue, and a way to let it go once the queue is empty. */
interface ChildLane {
  /** Resolves when the child is done or gone, its unfinished files given back to the queue. */
  readonly done: Promise<void>;
  /** Ends a child that holds no file (it may still be starting up when this process has written everything). */
  stopIfIdle(): void;
}

function childLane(start: ChildStart, queue: Queue, finished: Finished, startChild: () => ChildProcess): ChildLane {
  const held = new Map<number, FileJob>();
  let failed = false;
  let over = false;
  const child = startChild();
  const done = new Promise<void>((resolve) => {
    const handOut = (): void => {
      const job = failed ? null : queue.takeCustomer();
      if (job?.customer != null) held.set(job.customer, job);
      child.send({ kind: 'write', index: job?.customer ?? null } satisfies ParentMessage);
    };
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'written') {
        const job = held.get(message.index);
        held.delete(message.index);
        if (job !== undefined) finished(job.fileName);
      } else if (message.kind === 'failed') failed = true; // held: written again here, where a real error is reported
      handOut();
    });
    const settle = async (): Promise<void> => {
      if (over) return;
      over = true;
      // A child that died mid-file may leave its temporary file: remove it, then this process writes the file.
      await Promise.all([...held.values()].map((job) => rm(join(start.dir, `${job.fileName}.partial`), { force: true })));
      queue.giveBack(held.values());
      held.clear();
      resolve();
    };
    // 'error' can come more than once (a send to a child that is gone): every one is handled.
    child.on('error', () => void settle());
    child.once('exit', () => void settle());
    child.send(start satisfies ParentMessage);
  });
  return {
    done,
    stopIfIdle: () => {
      if (held.size === 0 && !over) child.kill();
    },
  };
}

/**
 * Writes every job: here, and in a child process when `child` is given (started by
 * `startChild`, which tests replace with a child that crashes). Rejects with the first
 * failure once the others have settled.
 */
export async function writeQueued(jobs: readonly FileJob[], finished: Finished, child: Omit<ChildStart, 'kind' | 'lanes'> | null, startChild = forkWorkbookChild): Promise<void> {
  const queue = new Queue(jobs);
  const lanes = Array.from({ length: FILES_IN_FLIGHT }, () => localLane(queue, finished));
  const helper = child === null ? null : childLane({ kind: 'start', lanes: FILES_IN_FLIGHT, ...child }, queue, finished, startChild);
  const settled = await Promise.allSettled(lanes);
  helper?.stopIfIdle();
  await helper?.done;
  // Files a failed child gave back after this process's lanes ran dry.
  const leftovers = await Promise.allSettled([localLane(queue, finished)]);
  const failure = [...settled, ...leftovers].find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
