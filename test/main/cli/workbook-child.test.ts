// The second process of a big `--xlsx` run (workbook-queue.ts): given the
// same input it writes a customer's workbook byte for byte as this process
// does, reports a file it could not write instead of dying, and leaves once
// every lane is told there is no more.
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { DEFAULT_WORKBOOK_OPTIONS, customerGroups, workbookContext } from '../../../renderer/src/io/workbook/workbook-context';
import { type ChildMessage, type ParentMessage, forkWorkbookChild } from '../../../main/cli/workbook-queue';
import { writeCustomerFile } from '../../../main/cli/xlsx-output';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';

const folders: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'blockledger-child-'));
  folders.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs a child over `indices` (one lane) and returns what it said. */
async function runChild(dir: string, fileNames: string[], indices: number[]): Promise<ChildMessage[]> {
  const child = forkWorkbookChild();
  const heard: ChildMessage[] = [];
  const queue = [...indices];
  child.on('message', (message: ChildMessage) => {
    heard.push(message);
    child.send({ kind: 'write', index: queue.shift() ?? null } satisfies ParentMessage);
  });
  child.send({ kind: 'start', input: TRICKY_PORTFOLIO, options: DEFAULT_WORKBOOK_OPTIONS, dir, fileNames, lanes: 1 } satisfies ParentMessage);
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(0);
  return heard;
}

describe('the workbook child process', () => {
  it('writes the customer workbooks it is handed exactly as this process does, then leaves', async () => {
    const context = workbookContext(TRICKY_PORTFOLIO, reconcile(TRICKY_PORTFOLIO));
    const groups = customerGroups(context.result);
    const fileNames = groups.map((_, index) => `customer-${index}.xlsx`);
    const theirs = await folder();
    const heard = await runChild(theirs, fileNames, [2, 0]);
    expect(heard).toEqual([{ kind: 'ready' }, { kind: 'written', index: 2 }, { kind: 'written', index: 0 }]);
    expect((await readdir(theirs)).sort()).toEqual(['customer-0.xlsx', 'customer-2.xlsx']);
    const ours = await folder();
    for (const index of [0, 2]) {
      const group = groups[index];
      if (group === undefined) throw new Error('fixture has customers');
      await writeCustomerFile(context, group, ours, `customer-${index}.xlsx`);
      expect((await readFile(join(theirs, `customer-${index}.xlsx`))).equals(await readFile(join(ours, `customer-${index}.xlsx`)))).toBe(true);
    }
  });

  it('reports a file it cannot write and carries on', async () => {
    const dir = join(await folder(), 'missing');
    const heard = await runChild(dir, ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'], [1]);
    expect(heard[1]).toMatchObject({ kind: 'failed', index: 1 });
    expect((heard[1] as { message: string }).message).toMatch(/ENOENT/);
  });
});
