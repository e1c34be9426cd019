// The window's first question to its engine worker, asked before any screen's
// code is loaded (main.tsx): what to show first for the default as-of date.
import type { EngineClient } from '../workers/engine-client';
import type { IsoDate } from '../core/model';
import type { Opening } from '../workers/engine-protocol';
import { defaultAsOf, nextMonthAsOf } from './engine-defaults';

/** The opening question for the first as-of date, asked as the engine worker started (main.tsx); EngineProvider takes the answer. */
export interface FirstOpening {
  readonly asOf: IsoDate;
  readonly answer: Promise<Opening>;
}

/** Asks `client` (a new engine worker) what the window shows first for the default as-of date. */
export function askFirstOpening(client: EngineClient, today: Date): FirstOpening {
  const asOf = defaultAsOf(today);
  const answer = client.call('opening', { asOf, nextAsOf: nextMonthAsOf(today) });
  // A failure is shown once the screens are up (EngineProvider); until then it is not "unhandled".
  answer.catch(() => undefined);
  return { asOf, answer };
}
