// The child process of a big `--xlsx` run is only an accelerator
// (workbook-queue.ts): whether it cannot start, dies in the middle of a file
// or reports one it cannot write, every file is still written exactly once,
// by this process, and no half-written temporary file is left behind.
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildMessage, type ChildStart, type FileJob, type ParentMessage, writeQueued } from '../../../main/cli/workbook-queue';
import { DEFAULT_WORKBOOK_OPTIONS } from '../../../renderer/src/io/workbook/workbook-context';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The pack and six customer files, each written here as a small file, counting who wrote what. */
async function run(behave: (child: FakeChild, message: ParentMessage) => unknown): Promise<{ dir: string; finished: string[]; writtenHere: string[]; childHeard: ParentMessage[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'blockledger-queue-'));
  folders.push(dir);
  const writtenHere: string[] = [];
  const names = ['month-end-pack.xlsx', ...Array.from({ length: 6 }, (_, index) => `customer-${index}.xlsx`)];
  const jobs: FileJob[] = names.map((fileName, index) => ({
    fileName,
    customer: index === 0 ? null : index - 1,
    write: async () => {
      writtenHere.push(fileName);
      await writeFile(join(dir, fileName), fileName);
    },
  }));
  const finished: string[] = [];
  const child = new FakeChild(behave);
  await writeQueued(jobs, (fileName) => finished.push(fileName), { input: TRICKY_PORTFOLIO, options: DEFAULT_WORKBOOK_OPTIONS, dir, fileNames: names.slice(1) }, () => child as unknown as ChildProcess);
  return { dir, finished, writtenHere, childHeard: child.heard };
}

/** Stands in for the forked child: answers the parent's messages as `behave` says, always on a later turn as IPC does. */
class FakeChild extends EventEmitter {
  readonly heard: ParentMessage[] = [];
  constructor(private readonly behave: (child: FakeChild, message: ParentMessage) => unknown) {
    super();
  }
  send(message: ParentMessage): boolean {
    this.heard.push(message);
    setImmediate(() => this.behave(this, message));
    return true;
  }
  say(message: ChildMessage): void {
    this.emit('message', message);
  }
  kill(): boolean {
    setImmediate(() => this.emit('exit', null, 'SIGTERM'));
    return true;
  }
}

function expectEveryFileOnce(finished: readonly string[]): void {
  expect([...finished].sort()).toEqual(['customer-0.xlsx', 'customer-1.xlsx', 'customer-2.xlsx', 'customer-3.xlsx', 'customer-4.xlsx', 'customer-5.xlsx', 'month-end-pack.xlsx']);
}

describe('writing workbooks with a child process that fails', () => {
  it('writes every file here when the child cannot start', async () => {
    const { finished, writtenHere } = await run((child, message) => {
      if (message.kind === 'start') child.emit('error', new Error('spawn node ENOENT'));
    });
    expectEveryFileOnce(finished);
    expect(writtenHere).toHaveLength(7);
  });

  it('writes here the file a child died in the middle of, and removes its half-written temporary file', async () => {
    let started: ChildStart | null = null;
    const { dir, finished, writtenHere, childHeard } = await run(async (child, message) => {
      if (message.kind === 'start') {
        started = message;
        child.say({ kind: 'ready' });
      }
      if (message.kind === 'write' && message.index !== null && started !== null) {
        // Dies with its file half-written, as a crash or an out-of-memory kill would leave it.
        await writeFile(join(started.dir, `${started.fileNames[message.index]}.partial`), 'PK');
        child.emit('exit', null, 'SIGKILL');
      }
    });
    const handed = childHeard.find((message) => message.kind === 'write' && message.index !== null);
    expect(handed).toBeDefined();
    expectEveryFileOnce(finished);
    expect(writtenHere).toHaveLength(7);
    expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes here a file the child reported it could not write, and tells the child there is no more', async () => {
    const { finished, writtenHere, childHeard } = await run((child, message) => {
      if (message.kind === 'start') child.say({ kind: 'ready' });
      if (message.kind !== 'write') return;
      if (message.index === null) return child.emit('exit', 0, null);
      child.say({ kind: 'failed', index: message.index, message: 'EACCES: permission denied' });
    });
    expectEveryFileOnce(finished);
    expect(writtenHere).toHaveLength(7);
    const writes = childHeard.filter((message) => message.kind === 'write');
    expect(writes.filter((message) => message.index !== null)).toHaveLength(1);
    expect(writes.at(-1)).toEqual({ kind: 'write', index: null });
  });
});
