// The second writer of `--xlsx` runs with many customers: a child process
// (forked by xlsx-output.ts) that recomputes the same result from the same
// input (the engine is a pure function) and writes the customer workbooks
// the parent hands it, one at a time, so the run uses a second core. It
// shares the parent's queue, so neither waits while the other has work left.
import { reconcile } from '../../renderer/src/core/reconcile';
import { customerGroups, workbookContext } from '../../renderer/src/io/workbook/workbook-context';
import type { ChildMessage, ParentMessage } from './workbook-queue';
import { writeCustomerFile } from './xlsx-output';

let write: ((index: number) => Promise<void>) | null = null;
let openLanes = 0;

function send(message: ChildMessage): void {
  process.send?.(message);
}

process.on('message', (message: ParentMessage) => {
  if (message.kind === 'start') {
    const { input, options, dir, fileNames, lanes } = message;
    const context = workbookContext(input, reconcile(input), options);
    const groups = customerGroups(context.result);
    write = async (index) => {
      const group = groups[index];
      const fileName = fileNames[index];
      if (group === undefined || fileName === undefined) throw new Error(`no customer workbook number ${index}`);
      await writeCustomerFile(context, group, dir, fileName);
    };
    openLanes = lanes;
    for (let lane = 0; lane < lanes; lane += 1) send({ kind: 'ready' });
    return;
  }
  if (message.index === null) {
    // A lane asks again only when its file is written: once every lane is told "no more", nothing is in flight.
    openLanes -= 1;
    if (openLanes === 0) process.disconnect();
    return;
  }
  const index = message.index;
  if (write === null) throw new Error('a customer workbook was asked for before the start');
  write(index).then(
    () => send({ kind: 'written', index }),
    (error: unknown) => send({ kind: 'failed', index, message: error instanceof Error ? error.message : String(error) }),
  );
});
