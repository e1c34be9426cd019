// The engine worker's own idle work (issue 5): a step once the window has
// left it alone for five seconds, then the next step after another quiet
// spell, until the session says nothing is left; a call from the window
// puts it off. The worker script runs here with its scope, database and
// session stood in for, and the clock faked.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../renderer/src/workers/engine-protocol';

const idleSteps: boolean[] = [];
const whenIdle = vi.fn(async () => idleSteps.shift() ?? false);

vi.mock('../../renderer/src/db', () => ({ openBlockledgerDb: async () => ({}), ResultCache: { open: async () => null } }));
vi.mock('../../renderer/src/workers/engine-session', () => ({
  ClerkError: class extends Error {},
  EngineSession: class {
    whenIdle = whenIdle;
    opening = async () => ({ contracts: 0, saved: null });
    finishUp = async () => undefined;
  },
}));

const QUIET_MS = 5000;
const awaited = new Map<number, () => void>();
let deliver: (message: ToWorker) => void = () => undefined;
let nextId = 1;

/** Sends the worker a call, as the window does, and waits for its answer (no clock involved: only the idle work uses timers). */
function call(): Promise<void> {
  const id = nextId++;
  const answered = new Promise<void>((resolve) => awaited.set(id, resolve));
  deliver({ type: 'call', id, call: 'opening', request: { asOf: '2026-10-31' } });
  return answered;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('postMessage', (message: FromWorker) => {
    if (message.type === 'result') awaited.get(message.id)?.();
  });
  vi.stubGlobal('addEventListener', (_type: string, listener: (event: { data: ToWorker }) => void) => {
    deliver = (data) => listener({ data });
  });
  await import('../../renderer/src/workers/engine.worker');
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the engine worker when the window is quiet', () => {
  it('does a step of idle work after five quiet seconds, the next after five more, and stops when none is left', async () => {
    idleSteps.push(true, true, false);
    await call();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(whenIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(whenIdle).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(whenIdle).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(whenIdle).toHaveBeenCalledTimes(3);
    // The last step said nothing was left: no further spell is waited for.
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS);
    expect(whenIdle).toHaveBeenCalledTimes(3);
  });

  it('puts the idle work off while the window keeps calling', async () => {
    whenIdle.mockClear();
    idleSteps.push(false);
    await call();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1000);
    await call();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1000);
    expect(whenIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(whenIdle).toHaveBeenCalledTimes(1);
  });
});
