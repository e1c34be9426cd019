// The window's first questions, asked before its screens load (main.tsx): the
// opening, then at once the recompute, so the worker has someone to send the
// grid's first rows to by the time it has read the store (issue 5). What the
// recompute sends before the screens listen is kept for them.
import { describe, expect, it } from 'vitest';
import { EngineClient, type MessagePort2 } from '../../renderer/src/workers/engine-client';
import { askFirstOpening } from '../../renderer/src/components/first-opening';
import type { FirstContracts, FromWorker, Opening, Progress, ReconciledContracts, ToWorker } from '../../renderer/src/workers/engine-protocol';

/** A worker whose answers the test writes. */
class ScriptedWorker implements MessagePort2 {
  readonly sent: ToWorker[] = [];
  private listener: ((event: MessageEvent<FromWorker>) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }

  addEventListener(_type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void {
    this.listener = listener;
  }

  says(message: FromWorker): void {
    this.listener?.({ data: message } as MessageEvent<FromWorker>);
  }

  /** The calls sent, by name and request. */
  calls(): { call: string; request: unknown }[] {
    return this.sent.flatMap((message) => (message.type === 'call' ? [{ call: message.call, request: message.request }] : []));
  }
}

const TODAY = new Date('2026-11-23T09:00:00');
const SAVED: ReconciledContracts = { summary: { asOf: '2026-10-31', contracts: 1, entries: 0, milliseconds: 1 }, rows: [] };
const FIRST: FirstContracts = { asOf: '2026-10-31', contracts: 10_000, rows: [] };
const progress = (label: string): Progress => ({ label, done: 0, total: 3 });

async function opened(opening: Opening) {
  const worker = new ScriptedWorker();
  const first = askFirstOpening(new EngineClient(worker), TODAY);
  worker.says({ type: 'result', id: 1, value: opening });
  return { worker, first, recompute: await first.recompute };
}

describe('the first opening', () => {
  it('begins the recompute as soon as the store has contracts, asking for the first rows when nothing was saved', async () => {
    const { worker, first, recompute } = await opened({ contracts: 3, saved: null });
    expect(recompute).not.toBeNull();
    expect(worker.calls()).toEqual([
      { call: 'opening', request: { asOf: first.asOf, nextAsOf: expect.any(String) } },
      { call: 'recompute', request: { asOf: first.asOf, firstRows: true } },
    ]);
  });

  it('does not ask for first rows when the saved screen shows meanwhile', async () => {
    const { worker } = await opened({ contracts: 3, saved: SAVED });
    expect(worker.calls()[1]).toMatchObject({ call: 'recompute', request: { firstRows: false } });
  });

  it('begins nothing for an empty store (the welcome page)', async () => {
    const { worker, recompute } = await opened({ contracts: 0, saved: null });
    expect(recompute).toBeNull();
    expect(worker.calls().map(({ call }) => call)).toEqual(['opening']);
  });

  it('keeps what the recompute sent before the screens listen, passes on what follows, and answers once', async () => {
    const { worker, recompute } = await opened({ contracts: 3, saved: null });
    worker.says({ type: 'progress', id: 2, progress: progress('Reading the store') });
    worker.says({ type: 'progress', id: 2, progress: progress('Reconciling') });
    worker.says({ type: 'interim', id: 2, value: FIRST });
    const heard: unknown[] = [];
    recompute?.listen(
      (sent) => heard.push(sent.label),
      (sent) => heard.push(sent),
    );
    // The latest progress, not every step missed: the bar shows where the work is now.
    expect(heard).toEqual(['Reconciling', FIRST]);
    worker.says({ type: 'progress', id: 2, progress: progress('Preparing the screens') });
    const answer: ReconciledContracts = { ...SAVED, summary: { ...SAVED.summary, contracts: 10_000 } };
    worker.says({ type: 'result', id: 2, value: answer });
    expect(heard).toEqual(['Reconciling', FIRST, 'Preparing the screens']);
    await expect(recompute?.call.promise).resolves.toEqual(answer);
  });
});

describe('a call\'s interim answers', () => {
  it('reach the caller without settling the call', async () => {
    const worker = new ScriptedWorker();
    const interims: unknown[] = [];
    const call = new EngineClient(worker).start('recompute', { asOf: '2026-10-31' }, undefined, (sent) => interims.push(sent));
    let settled = false;
    void call.promise.then(() => (settled = true));
    worker.says({ type: 'interim', id: 1, value: FIRST });
    await Promise.resolve();
    expect(interims).toEqual([FIRST]);
    expect(settled).toBe(false);
    worker.says({ type: 'result', id: 1, value: SAVED });
    await expect(call.promise).resolves.toEqual(SAVED);
  });
});
