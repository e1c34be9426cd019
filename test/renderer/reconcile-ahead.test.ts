// Opening the app starts the reconcile for the opening's date as soon as the
// store is read, before the window (still loading its screens) asks for it
// (issue 5: first grid within 2 s). The recompute that follows takes that
// reconcile instead of running a second one, unless the date, the store or
// the allocation order changed meanwhile.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openBlockledgerDb, ResultCache, currentRevision } from '../../renderer/src/db';
import { EngineSession, type CallControl } from '../../renderer/src/workers/engine-session';
import { Cancelled } from '../../renderer/src/workers/cancelled';
import { ALLOCATION_ORDER_SETTING, type FirstContracts, type Progress } from '../../renderer/src/workers/engine-protocol';
import * as engine from '../../renderer/src/core/reconcile';
import * as pack from '../../renderer/src/io/workbook/month-end-pack';
import type * as firstRows from '../../renderer/src/workers/first-contracts';

vi.mock('../../renderer/src/core/reconcile', async (original) => {
  const real = await original<typeof engine>();
  return { ...real, reconcile: vi.fn(real.reconcile) };
});
const reconciles = vi.mocked(engine.reconcile);
vi.mock('../../renderer/src/io/workbook/month-end-pack', async (original) => {
  const real = await original<typeof pack>();
  return { ...real, writeMonthEndPack: vi.fn(real.writeMonthEndPack) };
});
const packsWritten = vi.mocked(pack.writeMonthEndPack);
// The demo portfolio (96 contracts, 3,200 entries) is too small for first rows: five of them, whatever the size.
vi.mock('../../renderer/src/workers/first-contracts', async (original) => {
  const real = await original<typeof firstRows>();
  return { ...real, firstContracts: vi.fn((input: Parameters<typeof real.firstContracts>[0]) => real.firstContracts(input, { rows: 5, fromEntries: 0 })) };
});

const control: CallControl = { progress: () => undefined, checkpoint: () => undefined };
const NOW = '2026-11-01T09:00:00.000Z';
const AS_OF = '2026-10-31';

async function sampleSession(): Promise<{ session: EngineSession; cache: ResultCache; revision: () => Promise<number>; reopen: () => EngineSession }> {
  const indexedDB = new IDBFactory();
  const [db, cache] = await Promise.all([openBlockledgerDb({ indexedDB, IDBKeyRange }), ResultCache.open({ indexedDB, IDBKeyRange })]);
  const session = new EngineSession(db, cache);
  await session.openSample({ now: NOW }, control);
  reconciles.mockClear();
  return { session, cache, revision: () => currentRevision(db), reopen: () => new EngineSession(db, cache) };
}

/** The asOf dates the engine was run for, in order. */
const reconciledDates = (): string[] => reconciles.mock.calls.map(([input]) => input.asOf);

describe('the reconcile begun by the opening', () => {
  it('starts once the store is read, before the window asks', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    await vi.waitFor(() => expect(reconciledDates()).toEqual([AS_OF]));
  });

  it('answers the recompute for that date without reconciling again, with the rows a fresh reconcile gives', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    const labels: string[] = [];
    const ahead = await session.recompute({ asOf: AS_OF }, { ...control, progress: (progress: Progress) => labels.push(progress.label) });
    expect(reconciledDates()).toEqual([AS_OF]);
    // The window's progress bar still says what the worker is doing while it waits.
    expect(labels).toEqual(['Reading the store', 'Reconciling', 'Preparing the screens']);
    const fresh = await (await sampleSession()).session.recompute({ asOf: AS_OF }, control);
    expect(ahead.rows).toEqual(fresh.rows);
    expect(ahead.summary).toEqual({ ...fresh.summary, milliseconds: ahead.summary.milliseconds });
  });

  it('is saved for the next opening like any reconcile', async () => {
    const { session, cache, revision } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    const reconciled = await session.recompute({ asOf: AS_OF }, control);
    await session.finishUp();
    expect(await cache.get('contracts', { revision: await revision(), asOf: AS_OF, allocationOrder: 'worked' })).toEqual(reconciled);
  });

  it('is saved before the entry results are made: a window closed as soon as it shows the answer keeps it', async () => {
    const { session, cache } = await sampleSession();
    const order: string[] = [];
    const actual = await vi.importActual<typeof engine>('../../renderer/src/core/reconcile');
    reconciles.mockImplementation((input) => {
      const result = actual.reconcile(input);
      const made = Object.getOwnPropertyDescriptor(result, 'entries')?.get;
      Object.defineProperty(result, 'entries', {
        enumerable: true,
        get() {
          order.push('entry results');
          return made?.call(result);
        },
      });
      return result;
    });
    const put = cache.put.bind(cache);
    vi.spyOn(cache, 'put').mockImplementation((...args) => {
      order.push('saved');
      return put(...args);
    });
    try {
      await session.opening({ asOf: AS_OF });
      await session.recompute({ asOf: AS_OF }, control);
      expect(order).toEqual([]);
      await session.finishUp();
      expect(order[0]).toBe('saved');
      expect(order).toContain('entry results');
    } finally {
      reconciles.mockImplementation(actual.reconcile);
    }
  });

  it('is not taken for another date: the recompute reconciles the date it asks for', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    const reconciled = await session.recompute({ asOf: '2026-09-30' }, control);
    expect(reconciled.summary.asOf).toBe('2026-09-30');
    expect(reconciledDates().at(-1)).toBe('2026-09-30');
  });

  it('is not taken once the allocation order changed: the recompute follows the new order', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    await session.settingPut({ key: ALLOCATION_ORDER_SETTING, value: 'entered', now: NOW });
    await session.recompute({ asOf: AS_OF }, control);
    expect(reconciles.mock.calls.at(-1)?.[0].allocationOrder).toBe('entered');
  });

  it('is given up when its recompute is cancelled while the store is read: the next date is reconciled, not the one left', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    const cancel = new AbortController();
    const left = session.recompute({ asOf: AS_OF }, { ...control, signal: cancel.signal });
    cancel.abort();
    // The wait ends at once, not after the read and the reconcile.
    await expect(left).rejects.toBeInstanceOf(Cancelled);
    await session.opening({ asOf: '2026-09-30' });
    expect((await session.recompute({ asOf: '2026-09-30' }, control)).summary.asOf).toBe('2026-09-30');
    expect(reconciledDates()).toEqual(['2026-09-30']);
  });

  it('is given up for the date opened after it, which is reconciled from the same read', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    await session.opening({ asOf: '2026-09-30' });
    await session.recompute({ asOf: '2026-09-30' }, control);
    expect(reconciledDates()).toEqual(['2026-09-30']);
  });

  it('is not begun for an empty store (the window shows the welcome page)', async () => {
    const session = new EngineSession(await openBlockledgerDb({ indexedDB: new IDBFactory(), IDBKeyRange }));
    reconciles.mockClear();
    expect((await session.opening({ asOf: AS_OF })).contracts).toBe(0);
    // Anything begun would have started once the empty store was read: an import preview reads the store too.
    await session.batches();
    expect(reconciles).not.toHaveBeenCalled();
  });
});

describe('the contracts screen made ahead for the next opening', () => {
  const NEXT = '2026-11-30';

  /** The opening of this month, as the window makes it, with the store read and reconciled. */
  async function openedThisMonth() {
    const opened = await sampleSession();
    await opened.session.opening({ asOf: AS_OF, nextAsOf: NEXT });
    await opened.session.recompute({ asOf: AS_OF }, control);
    await opened.session.finishUp();
    return opened;
  }

  it('is made while the worker is idle and shown at the first opening of next month, with the rows a fresh reconcile gives', async () => {
    const { session, reopen } = await openedThisMonth();
    await session.whenIdle();
    expect(reconciledDates().at(-1)).toBe(NEXT);
    const nextMonth = await reopen().opening({ asOf: NEXT });
    const fresh = await (await sampleSession()).session.recompute({ asOf: NEXT }, control);
    expect(nextMonth.saved?.rows).toEqual(fresh.rows);
    expect(nextMonth.saved?.summary).toEqual({ ...fresh.summary, milliseconds: nextMonth.saved?.summary.milliseconds });
    // The screen of the last reconcile is still there for its own date.
    expect((await reopen().opening({ asOf: AS_OF })).saved?.summary.asOf).toBe(AS_OF);
  });

  it('is made once per read of the store', async () => {
    const { session } = await openedThisMonth();
    await session.whenIdle();
    await session.whenIdle();
    expect(reconciledDates().filter((date) => date === NEXT)).toHaveLength(1);
  });

  it('is not offered once the store changed, and is made again from the new store', async () => {
    const { session, reopen } = await openedThisMonth();
    await session.whenIdle();
    await session.revert({ batchId: 1, now: NOW });
    expect((await reopen().opening({ asOf: NEXT })).saved).toBeNull();
    // Nothing is made until the window had the changed store read.
    await session.whenIdle();
    expect(reconciledDates().filter((date) => date === NEXT)).toHaveLength(1);
    await session.recompute({ asOf: AS_OF }, control);
    await session.whenIdle();
    expect((await reopen().opening({ asOf: NEXT })).saved?.summary.contracts).toBe(0);
  });

  it('is made one step a quiet spell: the next opening, then the month-end screen, then nothing is left', async () => {
    const { session } = await openedThisMonth();
    packsWritten.mockClear();
    expect(await session.whenIdle()).toBe(true);
    expect(reconciledDates().at(-1)).toBe(NEXT);
    expect(packsWritten).not.toHaveBeenCalled();
    expect(await session.whenIdle()).toBe(true);
    expect(packsWritten).toHaveBeenCalledTimes(1);
    expect(await session.whenIdle()).toBe(false);
    // Month-end then answers with what the idle step made, and it is this reconcile's.
    const monthEnd = await session.monthEnd({}, control);
    expect(packsWritten).toHaveBeenCalledTimes(1);
    expect(monthEnd.asOf).toBe(AS_OF);
    // A new reconcile has its own month-end screen made in its turn.
    await session.recompute({ asOf: '2026-09-30' }, control);
    expect(await session.whenIdle()).toBe(true);
    expect(packsWritten).toHaveBeenCalledTimes(2);
    expect((await session.monthEnd({}, control)).asOf).toBe('2026-09-30');
    expect(packsWritten).toHaveBeenCalledTimes(2);
  });

  it('is not made when the window named no next date', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    await session.recompute({ asOf: AS_OF }, control);
    await session.whenIdle();
    expect(reconciledDates()).toEqual([AS_OF]);
  });
});

describe('the grid\'s first rows', () => {
  /** What the window hears from a recompute, in order: progress labels, 'first rows', 'answer'. */
  async function heard(session: EngineSession, firstRows: boolean | undefined, asOf = AS_OF) {
    const events: string[] = [];
    let first: FirstContracts | null = null;
    const answer = await session.recompute(
      { asOf, ...(firstRows === undefined ? {} : { firstRows }) },
      {
        ...control,
        progress: (progress: Progress) => events.push(progress.label),
        firstRows: (sent) => {
          events.push('first rows');
          first = sent;
        },
      },
    );
    events.push('answer');
    return { events, first: first as FirstContracts | null, answer };
  }

  it('come before the answer of the opening\'s recompute that asks for them, with the answer\'s figures', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    const { events, first, answer } = await heard(session, true);
    expect(events).toEqual(['Reading the store', 'Reconciling', 'first rows', 'Preparing the screens', 'answer']);
    expect(first?.rows).toEqual(answer.rows.slice(0, 5));
    expect(first?.contracts).toBe(answer.summary.contracts);
    expect(first?.asOf).toBe(AS_OF);
    // Made from the same read, and the store reconciled whole once besides.
    expect(reconciledDates().filter((date) => date === AS_OF).length).toBe(2);
  });

  it('come too when the store is read for the recompute itself', async () => {
    const { session } = await sampleSession();
    const { events, first, answer } = await heard(session, true);
    expect(events).toEqual(['Reading the store', 'Reconciling', 'first rows', 'Preparing the screens', 'answer']);
    expect(first?.rows).toEqual(answer.rows.slice(0, 5));
  });

  it('are not made unless asked for: a window showing rows keeps them until the answer', async () => {
    const { session } = await sampleSession();
    await session.opening({ asOf: AS_OF });
    expect((await heard(session, undefined)).events).not.toContain('first rows');
    await session.opening({ asOf: '2026-09-30' });
    const { events } = await heard(session, false, '2026-09-30');
    expect(events).toContain('Reconciling');
    expect(events).not.toContain('first rows');
  });
});
