// The screens' shared state: one engine worker per window, the as-of date that
// drives every screen, the latest reconcile, and the clerk's display formats.
// Changing the as-of date cancels a reconcile still running for the old one;
// a reconcile the clerk cancels puts the date back to the one the screens show.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { IsoDate } from '../core/model';
import { Cancelled } from '../workers/cancelled';
import type { EngineClient, PendingCall } from '../workers/engine-client';
import type { ContractRow, FirstContracts, Opening, Progress, ReconciledContracts, RecomputeSummary } from '../workers/engine-protocol';
import { parseFormats } from './engine-defaults';
import type { EarlyRecompute, FirstOpening } from './first-opening';
import { DEFAULT_FORMATS, type DisplayFormats } from './format';
import { failureText } from '../core/failure-text';

export interface EngineState {
  readonly client: EngineClient;
  readonly asOf: IsoDate;
  setAsOf(asOf: IsoDate): void;
  /** The reconcile the screens show; null until the first one finishes. */
  readonly summary: RecomputeSummary | null;
  /** Its contracts screen's rows. */
  readonly rows: ContractRow[] | null;
  /** Until then, the contracts screen of the last reconcile of this very store and as-of date, if one was saved. */
  readonly saved: ReconciledContracts | null;
  /** Until then, when nothing was saved for the window's first date: the grid's first rows, reconciled before the rest. */
  readonly first: FirstContracts | null;
  /** Set while a reconcile or a long call runs. */
  readonly progress: Progress | null;
  readonly error: string | null;
  /** Null until the store has been asked. */
  readonly empty: boolean | null;
  /**
   * Call after an import, revert or restore: the store changed, everything is
   * recomputed. `then` runs once that recompute has answered (or failed): work
   * that can wait, such as the backup after an import, which takes seconds on a
   * big store and must not hold the balances up.
   */
  dataChanged(then?: () => void): void;
  /** Reload data (menu): the worker reads the store again and everything is recomputed. */
  reloadData(): void;
  openSample(): void;
  readonly formats: DisplayFormats;
  setFormats(formats: DisplayFormats): void;
  /** Runs a long call with the shared progress bar; resolves undefined when cancelled. */
  track<T>(call: PendingCall<T>): Promise<T | undefined>;
  cancelRunning(): void;
}

const EngineContext = createContext<EngineState | undefined>(undefined);

/** Provides the shared state of `client` (the window's engine worker) to every screen. */
export function EngineProvider({ children, client, first }: { children: ReactNode; client: EngineClient; first: FirstOpening }) {
  const [asOf, setAsOf] = useState<IsoDate>(first.asOf);
  const firstAnswer = useRef<Promise<Opening> | null>(first.answer);
  const firstRecompute = useRef<Promise<EarlyRecompute | null> | null>(first.recompute);
  const [version, setVersion] = useState(0);
  const [reconciled, setReconciled] = useState<ReconciledContracts | null>(null);
  const [saved, setSaved] = useState<ReconciledContracts | null>(null);
  const [firstRows, setFirstRows] = useState<FirstContracts | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [empty, setEmpty] = useState<boolean | null>(null);
  const [formats, setFormats] = useState<DisplayFormats>(DEFAULT_FORMATS);
  const running = useRef<PendingCall<unknown> | null>(null);
  const afterRecompute = useRef<(() => void)[]>([]);
  /** The as-of date of the reconcile the screens show (`reconciled`), read when a later one is cancelled. */
  const shownAsOf = useRef<IsoDate | null>(null);

  const track = useCallback(async <T,>(call: PendingCall<T>): Promise<T | undefined> => {
    running.current?.cancel();
    running.current = call;
    setError(null);
    try {
      return await call.promise;
    } catch (failure) {
      if (failure instanceof Cancelled) return undefined;
      setError(failureText(failure));
      return undefined;
    } finally {
      if (running.current === call) {
        running.current = null;
        setProgress(null);
      }
    }
  }, []);

  useEffect(() => {
    void client.call('settings-get', { keys: ['displayFormats'] }).then(([saved]) => setFormats(parseFormats(saved)));
  }, [client]);

  useEffect(() => {
    let live = true;
    // The first date's question was asked before the screens loaded; another date or a changed store asks again.
    const asked = firstAnswer.current ?? client.call('opening', { asOf });
    const begun = firstRecompute.current ?? Promise.resolve(null);
    firstAnswer.current = null;
    firstRecompute.current = null;
    let recompute: PendingCall<ReconciledContracts> | null = null;
    // The tasks waiting for this recompute; a newer one (another change) takes them over.
    const answered = (): void => {
      if (live) for (const task of afterRecompute.current.splice(0)) task();
    };
    Promise.all([asked, begun]).then(
      ([opening, early]) => {
        if (!live) {
          early?.call.cancel();
          return;
        }
        setEmpty(opening.contracts === 0);
        if (opening.contracts === 0) {
          answered();
          return;
        }
        setSaved(opening.saved);
        recompute = early?.call ?? client.start('recompute', { asOf }, setProgress);
        early?.listen(setProgress, setFirstRows);
        // Cancelled, the screens keep the last date's figures: the date picker goes back to that date,
        // which the worker answers from the reconcile it still holds. Another date or change cancels it unseen (not live).
        recompute.promise.catch((failure: unknown) => {
          if (live && failure instanceof Cancelled && shownAsOf.current !== null && shownAsOf.current !== asOf) setAsOf(shownAsOf.current);
        });
        void track(recompute).then((done) => {
          if (live && done) {
            shownAsOf.current = done.summary.asOf;
            setReconciled(done);
          }
          answered();
        });
      },
      (failure: unknown) => {
        if (live) setError(failureText(failure));
        answered();
      },
    );
    return () => {
      live = false;
      // Stopped now, not when the next date's recompute starts: the worker answers calls in turn, and the next date's opening would wait for it.
      recompute?.cancel();
      setSaved(null);
      setFirstRows(null);
    };
  }, [client, asOf, version, track]);

  const dataChanged = useCallback((then?: () => void) => {
    if (then) afterRecompute.current.push(then);
    setVersion((current) => current + 1);
  }, []);
  const reloadData = useCallback(() => {
    void client.call('reload', {}).then(() => dataChanged(), (failure: unknown) => setError(failureText(failure)));
  }, [client, dataChanged]);
  const openSample = useCallback(() => {
    void track(client.start('open-sample', { now: new Date().toISOString() }, setProgress)).then((done) => {
      if (done) dataChanged();
    });
  }, [client, track, dataChanged]);

  const value: EngineState = {
    client, asOf, setAsOf, summary: reconciled?.summary ?? null, rows: reconciled?.rows ?? null, saved, first: firstRows, progress, error, empty, dataChanged, reloadData, openSample, formats, setFormats, track,
    cancelRunning: () => running.current?.cancel(),
  };
  return <EngineContext.Provider value={value}>{children}</EngineContext.Provider>;
}

/** The shared engine state; screens sit below EngineProvider. */
export function useEngine(): EngineState {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine needs an EngineProvider above it');
  return engine;
}
