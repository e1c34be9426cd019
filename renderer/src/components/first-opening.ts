// The window's first questions to its engine worker, asked before any screen's
// code is loaded (main.tsx): what to show first for the default as-of date,
// then, for a store with contracts, its recompute.
import type { EngineClient, PendingCall } from '../workers/engine-client';
import type { IsoDate } from '../core/model';
import type { FirstContracts, Opening, Progress, ReconciledContracts } from '../workers/engine-protocol';
import { defaultAsOf, nextMonthAsOf } from './engine-defaults';

/** The opening question for the first as-of date, asked as the engine worker started (main.tsx); EngineProvider takes the answers. */
export interface FirstOpening {
  readonly asOf: IsoDate;
  readonly answer: Promise<Opening>;
  /**
   * The recompute for `asOf`, begun as soon as the answer says there are
   * contracts (null for an empty store). Begun here rather than once the
   * screens are up, so it is waiting by the time the worker has read the
   * store, and hears the grid's first rows when nothing was saved (issue 5).
   */
  readonly recompute: Promise<EarlyRecompute | null>;
}

/** A recompute begun before the screens could listen: what it sent so far is kept for them. */
export interface EarlyRecompute {
  readonly call: PendingCall<ReconciledContracts>;
  /** Passes on the latest progress and the first rows sent so far, then whatever follows. */
  listen(onProgress: (progress: Progress) => void, onFirstRows: (first: FirstContracts) => void): void;
}

/** Asks `client` (a new engine worker) what the window shows first for the default as-of date, and begins its recompute. */
export function askFirstOpening(client: EngineClient, today: Date): FirstOpening {
  const asOf = defaultAsOf(today);
  const answer = client.call('opening', { asOf, nextAsOf: nextMonthAsOf(today) });
  const recompute = answer.then((opening) => (opening.contracts === 0 ? null : beginRecompute(client, asOf, opening.saved === null)));
  // A failure is shown once the screens are up (EngineProvider); until then it is not "unhandled".
  recompute.catch(() => undefined);
  return { asOf, answer, recompute };
}

function beginRecompute(client: EngineClient, asOf: IsoDate, firstRows: boolean): EarlyRecompute {
  let progress: Progress | null = null;
  let first: FirstContracts | null = null;
  let listener: { onProgress(progress: Progress): void; onFirstRows(first: FirstContracts): void } | null = null;
  const call = client.start(
    'recompute',
    { asOf, firstRows },
    (sent) => {
      progress = sent;
      listener?.onProgress(sent);
    },
    (sent) => {
      first = sent;
      listener?.onFirstRows(sent);
    },
  );
  call.promise.catch(() => undefined);
  return {
    call,
    listen(onProgress, onFirstRows) {
      listener = { onProgress, onFirstRows };
      if (progress !== null) onProgress(progress);
      if (first !== null) onFirstRows(first);
    },
  };
}
